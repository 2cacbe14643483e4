#include "agent/config/AgentConfig.h"
#include "agent/config/ConfigReload.h"

#include <gtest/gtest.h>

// The service-side config keys (api_group, history, fleet polling) and what a reload may
// change.
namespace anycast {
namespace {

using namespace std::chrono_literals;

AgentConfig parse(const QString &extraAgent = {}, const QString &fleet = {},
                  const QString &service = QStringLiteral("name = \"web\"\nports = [443]\n"
                                                          "prefixes = [\"192.0.2.1/32\"]\n"))
{
    const QString text = QStringLiteral("[agent]\nregion = \"lab\"\n%1\n[fleet]\n%2\n"
                                        "[[service]]\n%3")
                             .arg(extraAgent, fleet, service);
    const auto config = parseAgentConfig(text, QStringLiteral("agent.toml"));
    EXPECT_TRUE(config) << config.error().toStdString();
    return config ? config.value() : AgentConfig{};
}

TEST(ServiceConfigKeys, DefaultsFollowTheDesign)
{
    const AgentConfig config = parse();
    EXPECT_EQ(config.operatorsGroup, QStringLiteral("anycast-ops"));
    EXPECT_EQ(config.apiGroup, config.operatorsGroup) << "the socket's group defaults to it";
    EXPECT_EQ(config.history, std::chrono::milliseconds(1h));
    EXPECT_EQ(config.fleet.pollInterval, 1000ms);
    EXPECT_EQ(config.fleet.pollTimeout, 800ms);
    EXPECT_FALSE(config.fleet.sharedFaultCheck);
}

TEST(ServiceConfigKeys, AreRead)
{
    const AgentConfig config =
        parse(QStringLiteral("operators_group = \"noc\"\napi_group = \"readers\"\n"
                             "history = \"10m\""),
              QStringLiteral("poll_interval = \"2s\"\npoll_timeout = \"500ms\"\n"
                             "shared_fault_check = true"));
    EXPECT_EQ(config.operatorsGroup, QStringLiteral("noc"));
    EXPECT_EQ(config.apiGroup, QStringLiteral("readers"));
    EXPECT_EQ(config.history, std::chrono::milliseconds(10min));
    EXPECT_EQ(config.fleet.pollInterval, 2000ms);
    EXPECT_EQ(config.fleet.pollTimeout, 500ms);
    EXPECT_TRUE(config.fleet.sharedFaultCheck);
}

TEST(ServiceConfigKeys, OutOfRangeValuesPointAtTheLine)
{
    const auto config =
        parseAgentConfig(QStringLiteral("[agent]\nregion = \"lab\"\nhistory = \"10s\"\n[fleet]\n"
                                        "shared_fault_check = \"yes\"\n"),
                         QStringLiteral("agent.toml"));
    ASSERT_FALSE(config);
    EXPECT_TRUE(config.error().contains(QStringLiteral("agent.toml:3:")))
        << config.error().toStdString();
    EXPECT_TRUE(config.error().contains(QStringLiteral("agent.toml:5:")))
        << config.error().toStdString();
}

TEST(ConfigReload, TuningChangesNeedNoRestart)
{
    const AgentConfig running = parse();
    const AgentConfig next =
        parse(QStringLiteral("operators_group = \"noc\"\napi_group = \"anycast-ops\""),
              QStringLiteral("peers = [\"http://10.0.0.2:9642\"]\nmin_announcing = 2"),
              QStringLiteral("name = \"web\"\nports = [443]\nprefixes = [\"192.0.2.1/32\"]\n"
                             "rise = 5\nfall = 1\nprobe = \"tcp://127.0.0.1:443\"\n"
                             "[service.route]\nmed = 70\ndrain_floor = 3\n"));
    EXPECT_EQ(restartOnlyChanges(running, next), QStringList());
}

TEST(ConfigReload, SocketsServicesPortsAndPrefixesNeedARestart)
{
    const AgentConfig running = parse();
    EXPECT_EQ(restartOnlyChanges(running, parse(QStringLiteral("http_listen = \"\""))),
              QStringList{QStringLiteral("[agent] http_listen changed")});
    EXPECT_EQ(restartOnlyChanges(running, parse({}, {},
                                                QStringLiteral("name = \"web\"\nports = [8443]\n"
                                                               "prefixes = [\"192.0.2.1/32\"]\n"))),
              QStringList{QStringLiteral("[[service]] web ports changed")});
    EXPECT_EQ(restartOnlyChanges(running, parse({}, {},
                                                QStringLiteral("name = \"web\"\nports = [443]\n"
                                                               "prefixes = [\"192.0.2.2/32\"]\n"))),
              QStringList{QStringLiteral("[[service]] web prefixes changed")});
    const QStringList renamed =
        restartOnlyChanges(running, parse({}, {},
                                          QStringLiteral("name = \"api\"\nports = [443]\n"
                                                         "prefixes = [\"192.0.2.1/32\"]\n")));
    ASSERT_EQ(renamed.size(), 1);
    EXPECT_TRUE(renamed.first().contains(QStringLiteral("web -> api")))
        << renamed.first().toStdString();
}

} // namespace
} // namespace anycast
