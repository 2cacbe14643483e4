#include "AgentConfig.h"
#include "ConfigReader.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace anycast {
namespace {

const QString kPath = QStringLiteral("agent.toml");

Result<AgentConfig> parse(const char *text)
{
    return parseAgentConfig(QString::fromUtf8(text), kPath);
}

std::string errorOf(const char *text)
{
    const auto config = parse(text);
    EXPECT_FALSE(config) << "expected an error for:\n" << text;
    return config ? std::string() : config.error().toStdString();
}

TEST(AgentConfig, ExampleConfigLoads)
{
    const auto config =
        loadAgentConfig(QStringLiteral(ANYCAST_FIXTURE_DIR "/../../examples/agent.toml"));
    ASSERT_TRUE(config) << config.error().toStdString();
    EXPECT_EQ(config->node, QStringLiteral("lab-1"));
    EXPECT_EQ(config->region, QStringLiteral("eu-central"));
    ASSERT_TRUE(config->location);
    EXPECT_DOUBLE_EQ(config->location->latitude, 50.11);
    ASSERT_EQ(config->services.size(), 2);
    EXPECT_EQ(config->services[0].name, QStringLiteral("web"));
    EXPECT_EQ(config->services[0].ports, (QList<quint16>{18080}));
    EXPECT_EQ(config->services[0].prefixes.size(), 2);
    EXPECT_EQ(config->bgp.localAs, 65001u);
}

TEST(AgentConfig, DefaultsApplyWhenKeysAreAbsent)
{
    const auto config = parse("[agent]\nregion = \"r\"\n[[service]]\nname = \"s\"\nports = [80]\n");
    ASSERT_TRUE(config) << config.error().toStdString();
    EXPECT_FALSE(config->node.isEmpty()); // the host name
    EXPECT_EQ(config->apiSocket, QStringLiteral("/run/anycast-agent/api.sock"));
    EXPECT_EQ(config->httpListen, QStringLiteral("127.0.0.1:9642"));
    EXPECT_EQ(config->services[0].rise, 3);
    EXPECT_EQ(config->services[0].fall, 2);
    EXPECT_EQ(config->bgp.flapBudget, 4);
    EXPECT_EQ(config->fleet.minAnnouncing, 1);
}

TEST(AgentConfig, SyntaxErrorNamesFileLineAndColumn)
{
    const std::string error = errorOf("[agent]\nregion = \"r\"\nnode = = 3\n");
    EXPECT_EQ(error.rfind("agent.toml:3:", 0), 0u) << error;
}

TEST(AgentConfig, UnknownKeySuggestsTheCloseOne)
{
    EXPECT_EQ(errorOf("[agent]\nregion = \"r\"\n[[service]]\nname = \"s\"\nports = [80]\nrize = 3\n"),
              "agent.toml:6:1: rize: unknown key; did you mean rise?");
    EXPECT_EQ(errorOf("[agent]\nregion = \"r\"\ncolour = 1\n"), "agent.toml:3:1: colour: unknown key");
}

TEST(AgentConfig, PortOutOfRangePointsAtTheValue)
{
    EXPECT_EQ(errorOf("[agent]\nregion = \"r\"\n[[service]]\nname = \"s\"\nports = [80, 70000]\n"),
              "agent.toml:5:14: ports: a port is an integer from 1 to 65535");
}

TEST(AgentConfig, InvalidPrefixPointsAtTheValue)
{
    EXPECT_EQ(errorOf("[agent]\nregion = \"r\"\n[[service]]\nname = \"s\"\nports = [80]\n"
                      "prefixes = [\"192.0.2.1/32\", \"192.0.2.300/32\"]\n"),
              "agent.toml:6:29: '192.0.2.300/32' is not a prefix (e.g. 192.0.2.1/32)");
}

TEST(AgentConfig, MissingRegionIsAnError)
{
    const std::string error = errorOf("[agent]\nnode = \"n\"\n");
    EXPECT_NE(error.find("region is required"), std::string::npos) << error;
    EXPECT_EQ(error.rfind("agent.toml:", 0), 0u) << error;
}

TEST(AgentConfig, WrongTypeIsAnError)
{
    EXPECT_EQ(errorOf("[agent]\nregion = 5\n"), "agent.toml:2:10: region must be a string");
    EXPECT_EQ(errorOf("[agent]\nregion = \"r\"\n[bgp]\nflap_budget = \"4\"\n"),
              "agent.toml:4:15: flap_budget must be an integer from 1 to 1000");
}

TEST(AgentConfig, AllErrorsAreReportedNotJustTheFirst)
{
    const auto config = parse("[agent]\nregion = \"r\"\nlocation = [91, 0]\n[bgp]\n"
                              "on_agent_loss = \"panic\"\n");
    ASSERT_FALSE(config);
    const QStringList lines = config.error().split(QLatin1Char('\n'));
    ASSERT_EQ(lines.size(), 2) << config.error().toStdString();
    EXPECT_TRUE(lines[0].startsWith(QStringLiteral("agent.toml:3:12: location must be")));
    EXPECT_EQ(lines[1], QStringLiteral("agent.toml:5:17: on_agent_loss must be one of: keep, withdraw"));
}

TEST(AgentConfig, PortSharedByTwoServicesIsAnError)
{
    const std::string error = errorOf("[agent]\nregion = \"r\"\n[[service]]\nname = \"a\"\n"
                                      "ports = [80]\n[[service]]\nname = \"b\"\nports = [80]\n");
    EXPECT_NE(error.find("port 80 belongs to both service a and service b"), std::string::npos)
        << error;
}

TEST(AgentConfig, UnreadableFileSaysSo)
{
    const auto config = loadAgentConfig(QStringLiteral("/nonexistent/agent.toml"));
    ASSERT_FALSE(config);
    EXPECT_TRUE(config.error().startsWith(QStringLiteral("/nonexistent/agent.toml: cannot read")))
        << config.error().toStdString();
}

TEST(ConfigReader, ClosestKnownWordAllowsTwoEdits)
{
    const QStringList known = {QStringLiteral("rise"), QStringLiteral("fall"), QStringLiteral("ports")};
    EXPECT_EQ(closestKnownWord(QStringLiteral("rize"), known), QStringLiteral("rise"));
    EXPECT_EQ(closestKnownWord(QStringLiteral("port"), known), QStringLiteral("ports"));
    EXPECT_EQ(closestKnownWord(QStringLiteral("prefixes"), known), QString());
}

} // namespace
} // namespace anycast
