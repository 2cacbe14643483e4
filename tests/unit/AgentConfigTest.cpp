#include "agent/config/AgentConfig.h"

#include "common/config/ConfigReader.h"
#include "common/config/Duration.h"

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
    EXPECT_EQ(
        errorOf("[agent]\nregion = \"r\"\n[[service]]\nname = \"s\"\nports = [80]\nrize = 3\n"),
        "agent.toml:6:1: rize: unknown key; did you mean rise?");
    EXPECT_EQ(errorOf("[agent]\nregion = \"r\"\ncolour = 1\n"),
              "agent.toml:3:1: colour: unknown key");
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
              "agent.toml:6:29: prefixes: '192.0.2.300/32' has an address that is not an IPv4 "
              "address");
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
    EXPECT_EQ(lines[1],
              QStringLiteral("agent.toml:5:17: on_agent_loss must be one of: keep, withdraw"));
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

TEST(AgentConfig, ServiceSubTablesAndProbeAreRead)
{
    const auto config = parse(R"([agent]
region = "r"
fast_path_interval = "50ms"
sample_interval = "2s"
[[service]]
name = "web"
ports = [443]
probe = "http://127.0.0.1:443/health"
probe_interval = "500ms"
probe_timeout = "300ms"
probe_expect_status = 204
listener_loss_immediate = false
[service.thresholds]
accept_queue_ratio = 0.25
syn_recv = 100
close_wait_growth_per_s = 3
[service.route]
med = 50
communities = ["65001:100"]
degraded_prepend = 5
withdraw_on_down = false
down_med = 900
drain_grace = "2m"
drain_floor = 3
)");
    ASSERT_TRUE(config) << config.error().toStdString();
    EXPECT_EQ(config->fastPathInterval, std::chrono::milliseconds(50));
    EXPECT_EQ(config->sampleInterval, std::chrono::milliseconds(2000));
    const ServiceConfig &web = config->services[0];
    ASSERT_TRUE(web.probe);
    EXPECT_EQ(web.probe->kind, ProbeSpec::Kind::Http);
    EXPECT_EQ(web.probe->timeout, std::chrono::milliseconds(300));
    EXPECT_EQ(web.probe->expectStatus, 204);
    EXPECT_EQ(web.probeInterval, std::chrono::milliseconds(500));
    EXPECT_FALSE(web.listenerLossImmediate);
    EXPECT_DOUBLE_EQ(web.thresholds.acceptQueueRatio, 0.25);
    EXPECT_EQ(web.thresholds.synRecv, 100u);
    EXPECT_DOUBLE_EQ(web.thresholds.closeWaitGrowthPerSecond, 3.0);
    EXPECT_EQ(web.thresholds.closeWait, HealthThresholds{}.closeWait); // untouched default
    EXPECT_EQ(web.route.med, 50u);
    EXPECT_EQ(web.route.degradedMed, 50u); // follows med unless set
    EXPECT_EQ(web.route.communities, QStringList{QStringLiteral("65001:100")});
    EXPECT_EQ(web.route.degradedPrepend, 5);
    EXPECT_FALSE(web.route.withdrawOnDown);
    EXPECT_EQ(web.route.downMed, 900u);
    EXPECT_EQ(web.route.drainGrace, std::chrono::seconds(120));
    EXPECT_EQ(web.route.drainFloor, 3u);
    const HealthConfig health = web.healthConfig();
    EXPECT_EQ(health.ports, QList<quint16>{443});
    EXPECT_FALSE(health.listenerLossImmediate);
}

TEST(AgentConfig, ProbeTimingDefaultsFollowTheKindOfProbe)
{
    // An HTTP probe runs ten times a second, a socket or exec probe once; the timeout is 1 s
    // whatever the interval, as runs never overlap.
    struct Row
    {
        const char *what;
        const char *probeKeys;
        std::chrono::milliseconds interval;
        std::optional<std::chrono::milliseconds> timeout; // none: no probe
    };
    using std::chrono::milliseconds;
    const Row rows[] = {
        {"tcp", "probe = \"tcp://127.0.0.1:443\"\n", milliseconds(1000), milliseconds(1000)},
        {"http", "probe = \"http://127.0.0.1:443/health\"\n", milliseconds(100),
         milliseconds(1000)},
        {"https", "probe = \"https://127.0.0.1:443/health\"\n", milliseconds(100),
         milliseconds(1000)},
        {"exec", "probe = \"exec:/bin/true\"\n", milliseconds(1000), milliseconds(1000)},
        {"an interval shorter than a second keeps the 1 s timeout",
         "probe = \"tcp://127.0.0.1:443\"\nprobe_interval = \"500ms\"\n", milliseconds(500),
         milliseconds(1000)},
        {"an exec probe's interval set", "probe = \"exec:/bin/true\"\nprobe_interval = \"5s\"\n",
         milliseconds(5000), milliseconds(1000)},
        {"both set",
         "probe = \"exec:/bin/true\"\nprobe_interval = \"300ms\"\n"
         "probe_timeout = \"2s\"\n",
         milliseconds(300), milliseconds(2000)},
        {"no probe", "", milliseconds(1000), std::nullopt},
        {"no probe, an interval all the same", "probe_interval = \"300ms\"\n", milliseconds(300),
         std::nullopt},
    };
    for (const Row &row : rows) {
        const auto config = parseAgentConfig(
            QStringLiteral(
                "[agent]\nregion = \"r\"\n[[service]]\nname = \"web\"\nports = [443]\n") +
                QString::fromUtf8(row.probeKeys),
            kPath);
        ASSERT_TRUE(config) << row.what << ": " << config.error().toStdString();
        const ServiceConfig &web = config->services[0];
        EXPECT_EQ(web.probeInterval, row.interval) << row.what;
        ASSERT_EQ(web.probe.has_value(), row.timeout.has_value()) << row.what;
        if (web.probe) {
            EXPECT_EQ(web.probe->timeout, *row.timeout) << row.what;
        }
    }
}

TEST(AgentConfig, BadDurationsPointAtTheValue)
{
    EXPECT_EQ(errorOf("[agent]\nregion = \"r\"\nsample_interval = \"10 sec\"\n"),
              "agent.toml:3:19: sample_interval must be a duration such as \"500ms\", \"2s\" or "
              "\"5m\"");
    EXPECT_EQ(errorOf("[agent]\nregion = \"r\"\nfast_path_interval = \"1ms\"\n"),
              "agent.toml:3:22: fast_path_interval must be from 10ms to 10s");
}

TEST(AgentConfig, BadProbeAndCommunityAndAddressesAreCaught)
{
    const auto config = parse(R"([agent]
region = "r"
http_listen = "localhost:9642"
[bgp]
next_hop = "not-an-ip"
[fleet]
peers = ["ftp://x"]
[[service]]
name = "s"
ports = [80]
probe = "gopher://x"
[service.route]
communities = ["65536:1"]
[service.thresholds]
acept_queue_ratio = 0.5
)");
    ASSERT_FALSE(config);
    const QStringList lines = config.error().split(QLatin1Char('\n'));
    ASSERT_EQ(lines.size(), 6) << config.error().toStdString();
    EXPECT_TRUE(
        lines[0].startsWith(QStringLiteral("agent.toml:3:15: http_listen must be ADDRESS:PORT")));
    EXPECT_TRUE(lines[1].startsWith(QStringLiteral("agent.toml:5:12: next_hop must be")));
    EXPECT_TRUE(lines[2].startsWith(QStringLiteral("agent.toml:7:10: peer 'ftp://x' must be")));
    EXPECT_TRUE(lines[3].startsWith(QStringLiteral("agent.toml:11:9: "))) << lines[3].toStdString();
    EXPECT_TRUE(lines
                    .filter(QStringLiteral("agent.toml:15:1: acept_queue_ratio: unknown key; did "
                                           "you mean accept_queue_ratio?"))
                    .size() == 1)
        << config.error().toStdString();
    EXPECT_TRUE(
        lines.filter(QStringLiteral("agent.toml:13:16: communities: '65536:1' is not a community"))
            .size() == 1)
        << config.error().toStdString();
}

TEST(Duration, ParsesUnitsAndRejectsTheRest)
{
    EXPECT_EQ(parseDuration(u"250ms"), std::chrono::milliseconds(250));
    EXPECT_EQ(parseDuration(u"2s"), std::chrono::milliseconds(2000));
    EXPECT_EQ(parseDuration(u"5m"), std::chrono::milliseconds(300000));
    EXPECT_EQ(parseDuration(u"1h"), std::chrono::milliseconds(3600000));
    for (const char16_t *bad :
         {u"", u"s", u"2", u"2 s", u"-1s", u"1.5s", u"2sec", u"99999999999999s"})
        EXPECT_FALSE(parseDuration(bad)) << QString::fromUtf16(bad).toStdString();
    EXPECT_EQ(formatDuration(std::chrono::milliseconds(120000)), QStringLiteral("2m"));
    EXPECT_EQ(formatDuration(std::chrono::milliseconds(1500)), QStringLiteral("1500ms"));
}

TEST(ConfigReader, ClosestKnownWordAllowsTwoEdits)
{
    const QStringList known = {QStringLiteral("rise"), QStringLiteral("fall"),
                               QStringLiteral("ports")};
    EXPECT_EQ(closestKnownWord(QStringLiteral("rize"), known), QStringLiteral("rise"));
    EXPECT_EQ(closestKnownWord(QStringLiteral("port"), known), QStringLiteral("ports"));
    EXPECT_EQ(closestKnownWord(QStringLiteral("prefixes"), known), QString());
}

} // namespace
} // namespace anycast
