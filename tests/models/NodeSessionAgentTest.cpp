// NodeSession against the real anycast-agent over its real Unix socket: status and samples
// reach the fleet model and the charts' store; a console that was away (link dropped, agent
// restarted, agent frozen) notices, reconnects and catches up with no gap.
#include "AgentApiFixture.h"
#include "AwaitOutcome.h"
#include "LocalTransport.h"
#include "models/FleetModel.h"
#include "models/ModelRoles.h"
#include "models/StateWords.h"
#include "models/TimeSeriesStore.h"
#include "session/FleetFeed.h"
#include "session/NodeSession.h"
#include "session/TransportBinding.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <csignal>

namespace anycast::modeltest {
namespace {

using protocoltest::spinUntil;

const QString kEndpoint = QStringLiteral("local:test");

void spinFor(std::chrono::milliseconds duration)
{
    spinUntil([] { return false; }, duration);
}

ReconnectBackoff quickBackoff()
{
    ReconnectBackoff::Settings quick;
    quick.initial = std::chrono::milliseconds(200);
    quick.maximum = std::chrono::seconds(1);
    return ReconnectBackoff([] { return 0.0; }, quick);
}

NodeSession::Timings quickTimings()
{
    NodeSession::Timings timings;
    timings.statusRefresh = std::chrono::seconds(2);
    timings.livenessInterval = std::chrono::milliseconds(800);
    timings.livenessDeadline = std::chrono::milliseconds(600);
    return timings;
}

// The agent of the API tests (one service "web", samples every 200 ms, operators_group
// root), with a console session, its fleet model and its store on the other end.
class NodeSessionAgentTest : public apitest::AgentApiTest
{
protected:
    void SetUp() override
    {
        AgentApiTest::SetUp();
        startAgent();
        QObject::connect(
            &m_session, &NodeSession::eventsReceived,
            [this](const QString &, const QList<AgentEvent> &events) { m_events.append(events); });
        QObject::connect(&m_session, &NodeSession::agentRestarted,
                         [this](const QString &) { ++m_restarts; });
        QObject::connect(&m_session, &NodeSession::eventsLost,
                         [this](const QString &, quint64, quint64) { ++m_lost; });
        m_feed.add(&m_session);
        m_transport.setBackoff(quickBackoff());
    }

    void TearDown() override
    {
        m_transport.stop();
        AgentApiTest::TearDown();
    }

    // anycastctl, the agent's own client, as an operator on the node would run it.
    void ctl(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(ANYCAST_BIN_DIR "/anycastctl"),
                      QStringList{QStringLiteral("--socket"), socketPath()} + arguments);
        ASSERT_TRUE(process.waitForFinished(10000));
        ASSERT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    }

    QVariant nodeData(FleetColumn column, int role) const
    {
        return m_model.indexOf({QStringLiteral("test-region"), kEndpoint}, static_cast<int>(column))
            .data(role);
    }

    bool connectedWithSamples() const
    {
        return m_session.link().isConnected() &&
               !m_store
                    .means({SeriesKey::Scope::Node, kEndpoint, {}}, SeriesMetric::Established,
                           SeriesWindow::FiveMinutes)
                    .isEmpty() &&
               nodeData(FleetColumn::Connection, ModelRole::LinkPhaseRole).toInt() ==
                   int(LinkPhase::Connected);
    }

    bool sawEvent(const QString &kind, qsizetype from = 0) const
    {
        return std::any_of(m_events.begin() + from, m_events.end(),
                           [&](const AgentEvent &e) { return e.kind == kind; });
    }

    // Seqs delivered since `from` go up by one each time: nothing skipped, nothing twice.
    ::testing::AssertionResult contiguous(qsizetype from = 0) const
    {
        for (qsizetype i = from + 1; i < m_events.size(); ++i) {
            if (m_events[i].seq != m_events[i - 1].seq + 1) {
                return ::testing::AssertionFailure()
                       << "seq " << m_events[i - 1].seq << " then " << m_events[i].seq;
            }
        }
        return ::testing::AssertionSuccess();
    }

    FleetState m_fleet;
    TimeSeriesStore m_store;
    FleetModel m_model{&m_fleet};
    FleetFeed m_feed{&m_fleet, &m_store};
    NodeSession m_session{kEndpoint, quickTimings()};
    LocalTransport m_transport{socketPath()};
    TransportBinding m_binding{&m_transport, &m_session};
    QList<AgentEvent> m_events;
    int m_restarts = 0;
    int m_lost = 0;
};

TEST_F(NodeSessionAgentTest, StatusAndSamplesReachTheFleetModelAndTheStore)
{
    m_transport.start();
    ASSERT_TRUE(spinUntil([&] { return connectedWithSamples(); }, apitest::kPatience))
        << StateWords::link(m_session.link(), LinkStatus::Clock::now()).toStdString();
    EXPECT_EQ(nodeData(FleetColumn::Name, Qt::DisplayRole).toString(), QStringLiteral("api-1"));
    ASSERT_TRUE(spinUntil([&] {
        return nodeData(FleetColumn::Health, ModelRole::HealthRole).toInt() ==
               int(HealthShown::Healthy);
    })) << nodeData(FleetColumn::Health, Qt::DisplayRole).toString().toStdString();
    EXPECT_EQ(nodeData(FleetColumn::Operator, ModelRole::OperatorStateRole).toInt(),
              int(OperatorState::Active));
    const QModelIndex service =
        m_model.indexOf({QStringLiteral("test-region"), kEndpoint, QStringLiteral("web")},
                        static_cast<int>(FleetColumn::AcceptQueue));
    ASSERT_TRUE(service.isValid());
    EXPECT_TRUE(service.data(ModelRole::AcceptQueueFillRole).isValid()); // backlog from sock_diag
    EXPECT_LT(nodeData(FleetColumn::LastSample, ModelRole::SampleAgeRole).toDouble(), 5.0);
    EXPECT_EQ(m_store.services(kEndpoint), QStringList{QStringLiteral("web")});
    EXPECT_EQ(m_store.nodesIn(QStringLiteral("test-region")), QStringList{kEndpoint});
    // The first load brought the agent's events from seq 1.
    ASSERT_FALSE(m_events.isEmpty());
    EXPECT_EQ(m_events.first().seq, 1u);
    EXPECT_TRUE(contiguous());
}

TEST_F(NodeSessionAgentTest, ADrainWhileTheConsoleWasAwayArrivesWithNoGap)
{
    m_transport.start();
    ASSERT_TRUE(spinUntil([&] { return connectedWithSamples() && !m_events.isEmpty(); }));
    const quint64 lastBefore = m_events.last().seq;
    const QDateTime awaySince = QDateTime::currentDateTimeUtc();
    m_transport.stop();
    EXPECT_FALSE(m_session.link().isConnected());
    ctl({QStringLiteral("drain"), QStringLiteral("--reason"), QStringLiteral("console away test")});
    spinFor(std::chrono::milliseconds(1500)); // samples the console must backfill
    const QDateTime awayUntil = QDateTime::currentDateTimeUtc();
    const qsizetype before = m_events.size();
    m_transport.start();
    ASSERT_TRUE(spinUntil([&] {
        return sawEvent(QStringLiteral("drain"), before) &&
               nodeData(FleetColumn::Operator, ModelRole::OperatorStateRole).toInt() !=
                   int(OperatorState::Active);
    })) << "events "
        << m_events.size();
    EXPECT_EQ(m_events[before].seq, lastBefore + 1);
    EXPECT_TRUE(contiguous());
    EXPECT_EQ(m_restarts, 0);
    EXPECT_EQ(m_lost, 0);
    EXPECT_EQ(nodeData(FleetColumn::Operator, ModelRole::DrainReasonRole).toString(),
              QStringLiteral("console away test"));
    // Every second the console was away has its bucket: the history filled the hole.
    const auto points = m_store.means({SeriesKey::Scope::Node, kEndpoint, {}},
                                      SeriesMetric::Established, SeriesWindow::FiveMinutes);
    const qint64 firstSecond = awaySince.toMSecsSinceEpoch() / 1000;
    const qint64 lastSecond = awayUntil.toMSecsSinceEpoch() / 1000;
    for (qint64 second = firstSecond; second <= lastSecond; ++second) {
        EXPECT_TRUE(std::any_of(
            points.begin(), points.end(),
            [&](const QPointF &point) { return static_cast<qint64>(point.x()) / 1000 == second; }))
            << "no sample for second " << second;
    }
}

TEST_F(NodeSessionAgentTest, AnAgentRestartIsNoticedAndEverythingReloads)
{
    m_transport.start();
    ASSERT_TRUE(spinUntil([&] { return connectedWithSamples() && !m_events.isEmpty(); }));
    killAgent();
    ASSERT_TRUE(spinUntil([&] { return !m_session.link().isConnected(); }));
    m_model.flush();
    EXPECT_EQ(nodeData(FleetColumn::Name, ModelRole::ObservationRole).toInt(),
              int(Observation::NoData));
    // The owner holds the link down while the agent comes back and an operator drains it.
    m_transport.stop();
    startAgent();
    ctl({QStringLiteral("drain"), QStringLiteral("--reason"), QStringLiteral("after restart")});
    const qsizetype before = m_events.size();
    m_transport.start();
    ASSERT_TRUE(spinUntil([&] {
        return m_restarts == 1 && sawEvent(QStringLiteral("drain"), before) &&
               connectedWithSamples() &&
               nodeData(FleetColumn::Operator, ModelRole::OperatorStateRole).toInt() !=
                   int(OperatorState::Active);
    })) << "restarts "
        << m_restarts << ", events " << m_events.size() - before;
    // The new run's events, from its seq 1, none skipped.
    EXPECT_EQ(m_events[before].seq, 1u);
    EXPECT_TRUE(contiguous(before));
}

TEST_F(NodeSessionAgentTest, AFrozenAgentIsDeclaredDeadByTheTransportsLivenessPing)
{
    m_transport.start();
    ASSERT_TRUE(spinUntil([&] { return connectedWithSamples(); }));
    signalAgent(SIGSTOP);
    const bool noticed =
        spinUntil([&] { return !m_session.link().isConnected(); }, std::chrono::seconds(10));
    const QString reason = m_session.link().reason;
    signalAgent(SIGCONT);
    ASSERT_TRUE(noticed);
    EXPECT_TRUE(reason.contains(QStringLiteral("within"))) << reason.toStdString();
    // Thawed, it answers again and the owner's retry brings the session back.
    ASSERT_TRUE(spinUntil([&] { return m_session.link().isConnected(); }));
}

// A stand-in agent that speaks another API version: the real agent cannot be made to.
TEST(NodeSessionFakeAgent, AnotherApiVersionIsAMismatchNotAParseError)
{
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/acfake-XXXXXX"));
    ASSERT_TRUE(dir.isValid());
    QLocalServer fake;
    ASSERT_TRUE(fake.listen(dir.filePath(QStringLiteral("fake.sock"))));
    QObject::connect(&fake, &QLocalServer::newConnection, [&fake] {
        QLocalSocket *client = fake.nextPendingConnection();
        QObject::connect(client, &QLocalSocket::readyRead, client, [client] {
            while (client->canReadLine()) {
                const QJsonObject request = QJsonDocument::fromJson(client->readLine()).object();
                const QJsonObject reply{
                    {QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                    {QStringLiteral("id"), request.value(QStringLiteral("id"))},
                    {QStringLiteral("result"),
                     QJsonObject{{QStringLiteral("versions"),
                                  QJsonObject{{QStringLiteral("api"), 2},
                                              {QStringLiteral("agent"), QStringLiteral("9.0")}}}}}};
                client->write(QJsonDocument(reply).toJson(QJsonDocument::Compact) + '\n');
            }
        });
    });
    FleetState fleet;
    TimeSeriesStore store;
    FleetModel model(&fleet);
    FleetFeed feed(&fleet, &store);
    NodeSession session(kEndpoint);
    feed.add(&session);
    LocalTransport transport(fake.fullServerName());
    transport.setBackoff(quickBackoff());
    TransportBinding binding(&transport, &session);
    transport.start();
    ASSERT_TRUE(spinUntil([&] { return session.link().phase == LinkPhase::ProtocolMismatch; }));
    EXPECT_TRUE(session.link().reason.contains(QStringLiteral("version 2")))
        << session.link().reason.toStdString();
    model.flush();
    const QModelIndex node = model.indexOf({QString(), kEndpoint}, int(FleetColumn::Connection));
    EXPECT_TRUE(node.data().toString().startsWith(QStringLiteral("protocol version mismatch")))
        << node.data().toString().toStdString();
    // Reconnecting cannot help: the transport stopped and the reason stays.
    spinFor(std::chrono::milliseconds(500));
    EXPECT_EQ(transport.state().phase, ConnectionPhase::Idle);
    EXPECT_EQ(session.link().phase, LinkPhase::ProtocolMismatch);
}

} // namespace
} // namespace anycast::modeltest
