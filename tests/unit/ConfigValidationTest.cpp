// What the config refuses before anything reaches ExaBGP or the host: prefixes that are not
// exactly one canonical announceable prefix, a prefix in two services, names that are not
// plain printable text, socket paths longer than sun_path, bad next hops and communities,
// and (checked against a group table) groups the host does not have.
#include "agent/config/AgentConfig.h"
#include "agent/config/ConfigReload.h"
#include "agent/config/HostGroupCheck.h"
#include "common/config/ConfigReader.h"

#include <QSet>

#include <gtest/gtest.h>

namespace anycast {
namespace {

const QString kPath = QStringLiteral("/etc/anycast-agent/agent.toml");

Result<AgentConfig> parse(const QString &text)
{
    return parseAgentConfig(text, kPath);
}

// A config whose first service lists `prefixes` (TOML array body) on line 6.
QString withPrefixes(const QString &prefixes)
{
    return QStringLiteral("[agent]\nregion = \"r\"\n[[service]]\nname = \"web\"\nports = [80]\n"
                          "prefixes = [%1]\n")
        .arg(prefixes);
}

QString errorOf(const QString &text)
{
    const auto config = parse(text);
    EXPECT_FALSE(config) << "accepted:\n" << text.toStdString();
    return config ? QString() : config.error();
}

TEST(ConfigPrefixes, HostBitsAreRefusedAtTheValueWithTheCanonicalForm)
{
    EXPECT_EQ(errorOf(withPrefixes(QStringLiteral("\"192.0.2.1/24\""))),
              kPath + QStringLiteral(":6:13: prefixes: '192.0.2.1/24' has host bits set; did you "
                                     "mean 192.0.2.0/24?"));
    EXPECT_EQ(errorOf(withPrefixes(QStringLiteral("\"192.0.2.1/32\", \"2001:db8::1/64\""))),
              kPath + QStringLiteral(":6:29: prefixes: '2001:db8::1/64' has host bits set; did "
                                     "you mean 2001:db8::/64?"));
}

TEST(ConfigPrefixes, TrailingWordsNeverPassAsOnePrefix)
{
    const QString error =
        errorOf(withPrefixes(QStringLiteral("\"fe80::1%eth0 next-hop 10.9.9.9/128\"")));
    EXPECT_TRUE(error.startsWith(kPath + QStringLiteral(":6:13: prefixes: 'fe80::1%eth0 "
                                                        "next-hop 10.9.9.9/128' contains "
                                                        "whitespace")))
        << error.toStdString();
}

TEST(ConfigPrefixes, EveryRefusedFormIsAnErrorOfItsOwn)
{
    const QString error = errorOf(withPrefixes(QStringLiteral(
        "\"0.0.0.0/0\", \"192.000.2.1/32\", \"10.1/32\", \"2001:DB8::1/128\", \"224.0.0.1/32\", "
        "\"::ffff:192.0.2.1/128\", \"192.0.2.7/032\", \"fe80::1/128\"")));
    const QStringList lines = error.split(QLatin1Char('\n'));
    ASSERT_EQ(lines.size(), 8) << error.toStdString();
    EXPECT_TRUE(lines[0].contains(QStringLiteral("'0.0.0.0/0' is the default route")));
    EXPECT_TRUE(lines[1].endsWith(QStringLiteral("did you mean 192.0.2.1/32?")));
    EXPECT_TRUE(lines[2].contains(QStringLiteral("shortened IPv4 address")));
    EXPECT_TRUE(lines[3].endsWith(QStringLiteral("did you mean 2001:db8::1/128?")));
    EXPECT_TRUE(lines[4].contains(QStringLiteral("is multicast")));
    EXPECT_TRUE(lines[5].contains(QStringLiteral("is IPv4-mapped")));
    EXPECT_TRUE(lines[6].endsWith(QStringLiteral("did you mean 192.0.2.7/32?")));
    EXPECT_TRUE(lines[7].contains(QStringLiteral("is link-local")));
    for (const QString &line : lines)
        EXPECT_TRUE(line.startsWith(kPath + QStringLiteral(":6:"))) << line.toStdString();
}

TEST(ConfigPrefixes, ControlCharactersInAValueAreEscapedInTheMessage)
{
    const QString error = errorOf(withPrefixes(QStringLiteral("\"192.0.2.1/32\\u001b[2J\"")));
    EXPECT_FALSE(error.contains(QChar(0x1b))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("'192.0.2.1/32\\u001b[2J'"))) << error.toStdString();
}

TEST(ConfigPrefixes, APrefixInTwoServicesNamesBoth)
{
    const QString error = errorOf(
        QStringLiteral("[agent]\nregion = \"r\"\n[[service]]\nname = \"web\"\nports = [80]\n"
                       "prefixes = [\"192.0.2.1/32\"]\n[[service]]\nname = \"api\"\nports = [81]\n"
                       "prefixes = [\"198.51.100.1/32\", \"192.0.2.1/32\"]\n"));
    EXPECT_EQ(error, kPath + QStringLiteral(":10:32: prefixes: 192.0.2.1/32 is also a prefix of "
                                            "service 'web'; a prefix belongs to one service "
                                            "(service 'api' here)"));
    EXPECT_EQ(errorOf(withPrefixes(QStringLiteral("\"192.0.2.1/32\", \"192.0.2.1/32\""))),
              kPath + QStringLiteral(":6:29: prefixes: 192.0.2.1/32 is listed twice"));
}

TEST(ConfigPrefixes, CanonicalPrefixesAreKeptAsWritten)
{
    const auto config = parse(withPrefixes(
        QStringLiteral("\"192.0.2.0/24\", \"2001:db8::/32\", \"203.0.113.9/32\", \"10.0.0.0/8\"")));
    ASSERT_TRUE(config) << config.error().toStdString();
    EXPECT_EQ(config->services[0].prefixes,
              (QStringList{QStringLiteral("192.0.2.0/24"), QStringLiteral("2001:db8::/32"),
                           QStringLiteral("203.0.113.9/32"), QStringLiteral("10.0.0.0/8")}));
}

TEST(ConfigNames, NodeRegionAndServiceNamesArePlainPrintableText)
{
    struct Row
    {
        QString text;
        QString expected;
    };
    const QList<Row> rows = {
        {QStringLiteral("[agent]\nregion = \"\"\n"),
         QStringLiteral(":2:10: region '' is empty: a name is printable text of 1 to 64 "
                        "characters")},
        {QStringLiteral("[agent]\nregion = \"r\"\nnode = \" fra-1\"\n"),
         QStringLiteral(":3:8: node ' fra-1' starts or ends with a space")},
        {QStringLiteral("[agent]\nregion = \"eu\\tcentral\"\n"),
         QStringLiteral(":2:10: region 'eu\\tcentral' contains whitespace other than spaces")},
        {QStringLiteral("[agent]\nregion = \"r\"\nnode = \"fra\\u001b[31m\"\n"),
         QStringLiteral(":3:8: node 'fra\\u001b[31m' contains a control or invisible character "
                        "(U+001B)")},
        {QStringLiteral("[agent]\nregion = \"r\"\nnode = \"fra\\u200b1\"\n"),
         QStringLiteral(":3:8: node 'fra\\u200b1' contains a control or invisible character "
                        "(U+200B)")},
        {QStringLiteral("[agent]\nregion = \"%1\"\n").arg(QString(65, QLatin1Char('x'))),
         QStringLiteral(":2:10: region '%1' is longer than 64 characters")
             .arg(QString(65, QLatin1Char('x')))},
        {QStringLiteral("[agent]\nregion = \"r\"\n[[service]]\nname = \"web\\n\"\nports = [80]\n"),
         QStringLiteral(":4:8: name 'web\\n' contains whitespace other than spaces")},
    };
    for (const Row &row : rows) {
        const QString error = errorOf(row.text);
        EXPECT_TRUE(error.startsWith(kPath + row.expected))
            << error.toStdString() << "\nexpected: " << row.expected.toStdString();
    }
    const auto accepted = parse(QStringLiteral(
        "[agent]\nregion = \"eu central (Frankfurt)\"\nnode = \"fra-1.example.net\"\n"
        "[[service]]\nname = \"web für alle\"\nports = [80]\n"));
    ASSERT_TRUE(accepted) << accepted.error().toStdString();
    EXPECT_EQ(accepted->services[0].name, QStringLiteral("web für alle"));
}

TEST(ConfigNames, AnUnknownKeyIsShownWithItsControlCharactersEscaped)
{
    EXPECT_EQ(errorOf(QStringLiteral("[agent]\nregion = \"r\"\n\"re\\u001b[2Jgion\" = 1\n")),
              kPath + QStringLiteral(":3:1: re\\u001b[2Jgion: unknown key"));
}

TEST(ConfigSockets, APathLongerThanSunPathIsAConfigError)
{
    const QString longPath = QStringLiteral("/run/") + QString(103, QLatin1Char('a')); // 108
    const QString error = errorOf(
        QStringLiteral("[agent]\nregion = \"r\"\napi_socket = \"%1\"\nbgp_socket = \"%2\"\n")
            .arg(longPath, longPath.left(107)));
    EXPECT_EQ(error, kPath + QStringLiteral(":3:14: api_socket is 108 bytes long, longer than 107 "
                                            "bytes: a Unix socket path must fit sun_path"));
    EXPECT_EQ(errorOf(QStringLiteral("[agent]\nregion = \"r\"\nbgp_socket = \"bgp.sock\"\n")),
              kPath + QStringLiteral(":3:14: bgp_socket must be an absolute path"));
}

TEST(ConfigBgp, NextHopIsSelfOrOneCanonicalUnicastAddress)
{
    const auto nextHop = [](const QString &value) {
        return parse(
            QStringLiteral("[agent]\nregion = \"r\"\n[bgp]\nnext_hop = \"%1\"\n").arg(value));
    };
    for (const QString &good :
         {QStringLiteral("self"), QStringLiteral("198.51.100.7"), QStringLiteral("2001:db8::7")}) {
        const auto config = nextHop(good);
        ASSERT_TRUE(config) << config.error().toStdString();
        EXPECT_EQ(config->bgp.nextHop, good);
    }
    for (const QString &bad :
         {QStringLiteral("10.9.9.9 community [1:1]"), QStringLiteral("2001:DB8::7"),
          QStringLiteral("127.0.0.1"), QStringLiteral("0.0.0.0"), QStringLiteral("fe80::1%eth0"),
          QStringLiteral("010.0.0.1"), QStringLiteral("self ")}) {
        const auto config = nextHop(bad);
        ASSERT_FALSE(config) << bad.toStdString();
        EXPECT_TRUE(config.error().startsWith(
            kPath + QStringLiteral(":4:12: next_hop must be \"self\" or a unicast address: '")))
            << config.error().toStdString();
    }
}

TEST(ConfigBgp, CommunitiesAreTwoPlainSixteenBitNumbers)
{
    const auto communities = [](const QString &list) {
        return parse(QStringLiteral("[agent]\nregion = \"r\"\n[[service]]\nname = \"s\"\n"
                                    "ports = [80]\n[service.route]\ncommunities = [%1]\n")
                         .arg(list));
    };
    const auto good = communities(QStringLiteral("\"65001:100\", \"0:0\", \"65535:65535\""));
    ASSERT_TRUE(good) << good.error().toStdString();
    for (const QString &bad : {QStringLiteral("\"65001:100 65535:0\""), QStringLiteral("\"+1:1\""),
                               QStringLiteral("\" 1:1\""), QStringLiteral("\"1:1:1\""),
                               QStringLiteral("\"65536:1\""), QStringLiteral("\"1:\"")}) {
        const auto config = communities(bad);
        ASSERT_FALSE(config) << bad.toStdString();
        EXPECT_TRUE(config.error().contains(QStringLiteral("is not a community")))
            << config.error().toStdString();
    }
    const auto padded = communities(QStringLiteral("\"65001:0100\""));
    ASSERT_FALSE(padded);
    EXPECT_TRUE(padded.error().endsWith(QStringLiteral("did you mean 65001:100?")))
        << padded.error().toStdString();
}

// The host's group database, as a table: the check is pure, --check passes the real one.
GroupLookup groups(std::initializer_list<const char *> names)
{
    QSet<QString> known;
    for (const char *name : names)
        known.insert(QString::fromLatin1(name));
    return [known](const QString &name) { return known.contains(name); };
}

TEST(HostGroupCheck, NamesEachMissingGroupWhereItWasSet)
{
    const auto config =
        parse(QStringLiteral("[agent]\nregion = \"r\"\noperators_group = \"noc\"\n"
                             "api_group = \"noc-readers\"\nbgp_group = \"exabgp\"\n"));
    ASSERT_TRUE(config) << config.error().toStdString();
    EXPECT_EQ(missingGroupProblems(config.value(), groups({"noc", "noc-readers", "exabgp"})),
              QStringList());
    const QStringList problems = missingGroupProblems(config.value(), groups({"noc-readers"}));
    ASSERT_EQ(problems.size(), 2) << problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(problems[0], kPath + QStringLiteral(":3:19: operators_group 'noc' does not exist on "
                                                  "this host: only root could drain and undrain"));
    EXPECT_TRUE(problems[1].startsWith(
        kPath + QStringLiteral(":5:13: bgp_group 'exabgp' does not exist on this host: "
                               "bgp_socket would be owner-only")))
        << problems[1].toStdString();
}

TEST(HostGroupCheck, ADefaultGroupIsReportedOnceAtTheAgentTable)
{
    const auto config = parse(QStringLiteral("# comment\n[agent]\nregion = \"r\"\n"));
    ASSERT_TRUE(config) << config.error().toStdString();
    EXPECT_EQ(missingGroupProblems(config.value(), groups({})),
              QStringList{kPath + QStringLiteral(":2:1: operators_group 'anycast-ops' does not "
                                                 "exist on this host: only root could drain "
                                                 "and undrain")});
}

TEST(HostGroupCheck, ApiGroupMissingAloneIsReportedAtItsKey)
{
    const auto config = parse(QStringLiteral("[agent]\nregion = \"r\"\noperators_group = \"root\"\n"
                                             "api_group = \"nope\"\n"));
    ASSERT_TRUE(config) << config.error().toStdString();
    const QStringList problems = missingGroupProblems(config.value(), groups({"root"}));
    ASSERT_EQ(problems.size(), 1);
    EXPECT_TRUE(problems[0].startsWith(kPath + QStringLiteral(":4:13: api_group 'nope' does not "
                                                              "exist on this host: api_socket "
                                                              "would be owner-only")))
        << problems[0].toStdString();
}

TEST(HostGroupCheck, TheRealLookupKnowsRootAndNotANonsenseName)
{
    EXPECT_TRUE(groupExistsOnHost(QStringLiteral("root")));
    EXPECT_FALSE(groupExistsOnHost(QStringLiteral("anycast-no-such-group-7d1f")));
}

TEST(ConfigReload, ChangingTheBgpGroupNeedsARestart)
{
    const auto before = parse(QStringLiteral("[agent]\nregion = \"r\"\n"));
    const auto after = parse(QStringLiteral("[agent]\nregion = \"r\"\nbgp_group = \"exabgp\"\n"));
    ASSERT_TRUE(before && after);
    EXPECT_EQ(restartOnlyChanges(before.value(), after.value()),
              QStringList{QStringLiteral("[agent] bgp_group changed")});
}

} // namespace
} // namespace anycast
