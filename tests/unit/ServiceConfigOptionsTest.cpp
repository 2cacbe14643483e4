#include "AgentConfig.h"
#include "ConfigReload.h"
#include "EventLog.h"
#include "SampleHistory.h"

#include <QJsonArray>

#include <gtest/gtest.h>

// The service-side config keys (api_group, history, fleet polling), what a reload may change,
// and the agent's bounded in-memory logs behind the API's `events` and `history`.
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

QDateTime at(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(1'700'000'000 + seconds, Qt::UTC);
}

TEST(EventLog, NumbersEventsAndKeepsOnlyTheNewest)
{
    EventLog log(3);
    for (int i = 1; i <= 5; ++i)
        log.append(at(i), QStringLiteral("health"), QStringLiteral("web"), QString::number(i));
    EXPECT_EQ(log.size(), 3);
    EXPECT_EQ(log.lastSeq(), 5u);
    const QList<AgentEvent> all = log.since(0, 100);
    ASSERT_EQ(all.size(), 3);
    EXPECT_EQ(all.first().seq, 3u);
    EXPECT_EQ(all.last().message, QStringLiteral("5"));
}

TEST(EventLog, SinceReturnsTheNewestWithinTheLimitOldestFirst)
{
    EventLog log(100);
    for (int i = 1; i <= 10; ++i)
        log.append(at(i), QStringLiteral("route"), {}, QString::number(i));
    const QList<AgentEvent> after = log.since(6, 100);
    ASSERT_EQ(after.size(), 4);
    EXPECT_EQ(after.first().seq, 7u);
    const QList<AgentEvent> limited = log.since(0, 2);
    ASSERT_EQ(limited.size(), 2);
    EXPECT_EQ(limited.first().seq, 9u);
    EXPECT_EQ(limited.last().seq, 10u);
    EXPECT_TRUE(log.since(10, 100).isEmpty());
    EXPECT_EQ(after.first().toJson().value(QStringLiteral("time")).toString(),
              QStringLiteral("2023-11-14T22:13:27.000Z"));
}

SamplePoint point(qint64 seconds, quint32 established)
{
    ServiceSocketStats stats;
    stats.name = QStringLiteral("web");
    stats.states[TcpState::Established] = established;
    return {at(seconds),
            {{stats, HealthLabel{false, ServiceHealth::Healthy}, OperatorState::Active, {}}}};
}

TEST(SampleHistory, KeepsItsSpanAndAnswersShorterOnes)
{
    SampleHistory history(10s);
    for (int i = 0; i <= 30; ++i)
        history.append(point(i, static_cast<quint32>(i)));
    EXPECT_EQ(history.size(), 11) << "seconds 20..30";
    const QList<SamplePoint> last3 = history.last(2s);
    ASSERT_EQ(last3.size(), 3);
    EXPECT_EQ(last3.first().time, at(28));
    const QJsonObject json = last3.last().toJson();
    const QJsonObject service = json.value(QStringLiteral("services")).toArray().at(0).toObject();
    EXPECT_EQ(service.value(QStringLiteral("health")).toString(), QStringLiteral("healthy"));
    EXPECT_EQ(service.value(QStringLiteral("operator_state")).toString(), QStringLiteral("active"));
    EXPECT_EQ(service.value(QStringLiteral("states")).toObject().value("ESTABLISHED").toInt(), 30);
}

} // namespace
} // namespace anycast
