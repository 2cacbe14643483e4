#include "app/inventory/InventoryReader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <ostream>

namespace anycast {
namespace {

const QString kPath = QStringLiteral("/etc/fleet.toml");

struct BadInventory
{
    const char *name;
    const char *text;
    const char *error; // the whole first line: FILE:LINE:COL: message (a prefix of it)
};

// gtest prints a parameter by its name, not as a dump of its bytes.
void PrintTo(const BadInventory &value, std::ostream *out)
{
    *out << value.name;
}

class InventoryErrorTest : public ::testing::TestWithParam<BadInventory>
{};

TEST_P(InventoryErrorTest, ReportsFileLineColumn)
{
    const BadInventory &bad = GetParam();
    const auto inventory = parseInventory(QString::fromUtf8(bad.text), kPath);
    ASSERT_FALSE(inventory.ok()) << bad.name;
    const QString first = inventory.error().split(QLatin1Char('\n')).first();
    EXPECT_TRUE(first.startsWith(QString::fromUtf8(bad.error)))
        << bad.name << "\n got: " << first.toStdString() << "\nwant: " << bad.error;
}

INSTANTIATE_TEST_SUITE_P(
    Inventory, InventoryErrorTest,
    ::testing::Values(
        BadInventory{"empty", "", "/etc/fleet.toml:1:1: the inventory lists no nodes"},
        BadInventory{"only comments", "# nothing\n",
                     "/etc/fleet.toml:1:1: the inventory lists no nodes"},
        BadInventory{"toml syntax", "[[node]\nssh = \"a\"\n", "/etc/fleet.toml:1:"},
        BadInventory{"unknown top key", "sshconfig = \"x\"\n[[node]]\nssh = \"a\"\n",
                     "/etc/fleet.toml:1:1: sshconfig: unknown key; did you mean ssh_config?"},
        BadInventory{"unknown node key", "[[node]]\nssh = \"a\"\nsockett = \"/x\"\n",
                     "/etc/fleet.toml:3:1: sockett: unknown key; did you mean socket?"},
        BadInventory{"name from hello", "[[node]]\nssh = \"a\"\nregion = \"eu\"\n",
                     "/etc/fleet.toml:3:10: region: unknown key; a node's name, region and "
                     "location come from its agent"},
        BadInventory{"ssh not a string", "[[node]]\nssh = 22\n",
                     "/etc/fleet.toml:2:7: ssh must be a string"},
        BadInventory{"node not a table array", "node = \"a\"\n",
                     "/etc/fleet.toml:1:8: node must be an array of tables ([[node]])"},
        BadInventory{"both ssh and local", "[[node]]\nssh = \"a\"\nlocal = \"/run/a.sock\"\n",
                     "/etc/fleet.toml:3:9: a node has either ssh or local, not both"},
        BadInventory{"neither", "[[node]]\nsocket = \"/run/a.sock\"\n",
                     "/etc/fleet.toml:1:1: a node needs ssh"},
        BadInventory{"empty user", "[[node]]\nssh = \"@fra-1\"\n",
                     "/etc/fleet.toml:2:7: ssh: the user before '@' is empty"},
        BadInventory{"two ats", "[[node]]\nssh = \"a@b@c\"\n",
                     "/etc/fleet.toml:2:7: ssh: more than one '@'"},
        BadInventory{"port zero", "[[node]]\nssh = \"noc@fra-1:0\"\n",
                     "/etc/fleet.toml:2:7: ssh: port '0' must be a number from 1 to 65535"},
        BadInventory{"port too big", "[[node]]\nssh = \"noc@fra-1:65536\"\n",
                     "/etc/fleet.toml:2:7: ssh: port '65536' must be a number"},
        BadInventory{"port leading zero", "[[node]]\nssh = \"noc@fra-1:022\"\n",
                     "/etc/fleet.toml:2:7: ssh: port '022' must be a number"},
        BadInventory{"empty port", "[[node]]\nssh = \"noc@fra-1:\"\n",
                     "/etc/fleet.toml:2:7: ssh: the port after ':' is empty"},
        BadInventory{"space in host", "[[node]]\nssh = \"noc@fra 1\"\n",
                     "/etc/fleet.toml:2:7: ssh must not contain spaces"},
        BadInventory{"bad host", "[[node]]\nssh = \"noc@fra..1\"\n",
                     "/etc/fleet.toml:2:7: ssh: 'fra..1' is not a host name"},
        BadInventory{"ipv6 without brackets", "[[node]]\nssh = \"noc@2001:db8::1\"\n",
                     "/etc/fleet.toml:2:7: ssh: an IPv6 address needs brackets"},
        BadInventory{"brackets around a name", "[[node]]\nssh = \"noc@[fra-1]:22\"\n",
                     "/etc/fleet.toml:2:7: ssh: 'fra-1' in brackets must be an IPv6 address"},
        BadInventory{"relative socket", "[[node]]\nssh = \"a\"\nsocket = \"api.sock\"\n",
                     "/etc/fleet.toml:3:10: socket must be an absolute path"},
        BadInventory{
            "long local",
            "[[node]]\nlocal = \"/run/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.sock\"\n",
            "/etc/fleet.toml:2:9: local is longer than 107 bytes"},
        BadInventory{"socket with local",
                     "[[node]]\nlocal = \"/run/a.sock\"\nsocket = \"/run/b.sock\"\n",
                     "/etc/fleet.toml:3:10: socket goes with ssh"},
        BadInventory{"duplicate ssh",
                     "[[node]]\nssh = \"noc@FRA-1\"\n\n[[node]]\nssh = \"noc@fra-1\"\n",
                     "/etc/fleet.toml:4:1: noc@fra-1 is listed twice (first at line 1)"},
        BadInventory{"duplicate local",
                     "[[node]]\nlocal = \"/run/a.sock\"\n[[node]]\nlocal = \"/run//a.sock\"\n",
                     "/etc/fleet.toml:3:1: local /run/a.sock is listed twice (first at line 1)"},
        BadInventory{"missing ssh_config",
                     "ssh_config = \"/nonexistent/ssh_config\"\n[[node]]\nssh = \"a\"\n",
                     "/etc/fleet.toml:1:14: ssh_config: no such file: /nonexistent/ssh_config"}),
    [](const ::testing::TestParamInfo<BadInventory> &param) {
        std::string name = param.param.name;
        std::replace_if(
            name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
        return name;
    });

TEST(InventoryReaderTest, EveryProblemIsReportedNotJustTheFirst)
{
    const auto inventory = parseInventory(
        QStringLiteral("[[node]]\nssh = \"@a\"\n[[node]]\nlocal = \"rel\"\n"), kPath);
    ASSERT_FALSE(inventory.ok());
    const QStringList lines = inventory.error().split(QLatin1Char('\n'));
    ASSERT_EQ(lines.size(), 2) << inventory.error().toStdString();
    EXPECT_TRUE(lines[0].startsWith(QStringLiteral("/etc/fleet.toml:2:7:")));
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("/etc/fleet.toml:4:9:")));
}

TEST(InventoryReaderTest, ReadsSshAndLocalNodesWithDefaults)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QFile config(dir.filePath(QStringLiteral("ssh_config")));
    ASSERT_TRUE(config.open(QIODevice::WriteOnly));
    config.close();
    const QString path = dir.filePath(QStringLiteral("fleet.toml"));
    const auto inventory = parseInventory(QStringLiteral(R"(ssh_config = "ssh_config"
[[node]]
ssh = "noc@FRA-1.example.net:2222"

[[node]]
ssh = "ams-2"
socket = "/srv/agent/api.sock"

[[node]]
ssh = "root@[2001:db8::7]"

[[node]]
local = "/run/anycast-agent/api.sock"
)"),
                                          path);
    ASSERT_TRUE(inventory.ok()) << inventory.error().toStdString();
    EXPECT_EQ(inventory->sshConfig, dir.filePath(QStringLiteral("ssh_config")));
    ASSERT_EQ(inventory->nodes.size(), 4);
    const InventoryNode &fra = inventory->nodes[0];
    EXPECT_EQ(fra.kind, InventoryNode::Kind::Ssh);
    EXPECT_EQ(fra.ssh.user, QStringLiteral("noc"));
    EXPECT_EQ(fra.ssh.host, QStringLiteral("fra-1.example.net"));
    EXPECT_EQ(fra.ssh.port, 2222);
    EXPECT_EQ(fra.socket, QStringLiteral("/run/anycast-agent/api.sock"));
    EXPECT_EQ(fra.sshConfig, inventory->sshConfig);
    EXPECT_EQ(fra.line, 2);
    const InventoryNode &ams = inventory->nodes[1];
    EXPECT_TRUE(ams.ssh.user.isEmpty());
    EXPECT_EQ(ams.ssh.host, QStringLiteral("ams-2"));
    EXPECT_EQ(ams.ssh.port, 0);
    EXPECT_EQ(ams.socket, QStringLiteral("/srv/agent/api.sock"));
    EXPECT_EQ(inventory->nodes[2].ssh.host, QStringLiteral("2001:db8::7"));
    EXPECT_EQ(inventory->nodes[2].ssh.toString(), QStringLiteral("root@[2001:db8::7]"));
    EXPECT_EQ(inventory->nodes[3].kind, InventoryNode::Kind::Local);
    EXPECT_EQ(inventory->nodes[3].socket, QStringLiteral("/run/anycast-agent/api.sock"));
}

TEST(InventoryReaderTest, TheSameHostWithAnotherSocketIsAnotherNode)
{
    const auto inventory = parseInventory(QStringLiteral("[[node]]\nssh = \"a\"\n[[node]]\nssh = "
                                                         "\"a\"\nsocket = \"/run/b.sock\"\n"),
                                          kPath);
    ASSERT_TRUE(inventory.ok()) << inventory.error().toStdString();
    EXPECT_EQ(inventory->nodes.size(), 2);
}

TEST(InventoryReaderTest, MissingFileSaysSo)
{
    const auto inventory = loadInventory(QStringLiteral("/nonexistent/fleet.toml"));
    ASSERT_FALSE(inventory.ok());
    EXPECT_TRUE(
        inventory.error().startsWith(QStringLiteral("/nonexistent/fleet.toml: cannot read")))
        << inventory.error().toStdString();
}

} // namespace
} // namespace anycast

namespace anycast {
namespace {

TEST(InventoryReaderTest, TheShippedExampleIsAGoodInventory)
{
    const auto inventory = loadInventory(QStringLiteral(ANYCAST_SOURCE_DIR "/examples/fleet.toml"));
    ASSERT_TRUE(inventory.ok()) << inventory.error().toStdString();
    EXPECT_EQ(inventory->nodes.size(), 1);
}

} // namespace
} // namespace anycast
