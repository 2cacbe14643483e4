// NodeSession against the real anycast-agent over its real Unix socket: status and samples
// reach the fleet model and the charts' store; a console that was away (link dropped, agent
// restarted, agent frozen) notices, reconnects and catches up with no gap.
#include "app/models/FleetModel.h"
#include "app/models/ModelRoles.h"
#include "app/models/StateWords.h"
#include "app/models/TimeSeriesStore.h"
#include "app/session/FleetFeed.h"
#include "app/session/NodeSession.h"
#include "app/session/TransportBinding.h"
#include "app/transport/LocalTransport.h"
#include "common/protocol/UtcTimestamp.h"
#include "tests/api/AgentApiFixture.h"
#include "tests/protocol/AwaitOutcome.h"

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

// The agent's own history, over a connection of its own: what the console should end up with.
QList<QDateTime> agentHistoryTimes(apitest::ApiTestClient &client)
{
    const QJsonObject reply = client.call(QStringLiteral("history"));
    QList<QDateTime> times;
    for (const QJsonValue &sample : reply.value(QStringLiteral("result"))
                                        .toObject()
                                        .value(QStringLiteral("samples"))
                                        .toArray())
        times.append(parseUtcTimestamp(sample.toObject().value(QStringLiteral("time")).toString())
                         .value_or(QDateTime()));
    return times;
}

// A session of its own on the fixture's agent, with a first look of `firstBackfill`, and
// every sample it hands on, in the order of its signals.
struct BackfillWatch
{
    explicit BackfillWatch(const QString &socketPath, std::chrono::seconds firstBackfill)
        : transport(socketPath)
        , session(kEndpoint,
                  [&] {
                      NodeSession::Timings timings = quickTimings();
                      timings.firstBackfill = firstBackfill;
                      timings.historyWindow = std::max(firstBackfill, timings.historyWindow);
                      return timings;
                  }())
        , binding(&transport, &session)
    {
        feed.add(&session);
        session.setBackfillQueue(&queue);
        QObject::connect(&session, &NodeSession::seriesReceived,
                         [this](const QString &, const QList<SamplePoint> &samples) {
                             if (newer.isEmpty())
                                 firstBatch = samples.size();
                             for (const SamplePoint &sample : samples)
                                 newer.append(sample.time);
                         });
        QObject::connect(&session, &NodeSession::olderSeriesReceived,
                         [this](const QString &, const QList<SamplePoint> &samples) {
                             older.prepend(QList<QDateTime>());
                             QList<QDateTime> batch;
                             for (const SamplePoint &sample : samples)
                                 batch.append(sample.time);
                             older.first() = batch;
                         });
    }
    ~BackfillWatch() { transport.stop(); }

    // Everything delivered, oldest first: the older batches (each older than the one after
    // it), then the newer side.
    QList<QDateTime> all() const
    {
        QList<QDateTime> times;
        for (const QList<QDateTime> &batch : older)
            times.append(batch);
        times.append(newer);
        return times;
    }

    BackfillQueue queue;
    FleetState fleet;
    TimeSeriesStore store;
    FleetFeed feed{&fleet, &store};
    LocalTransport transport;
    NodeSession session;
    TransportBinding binding;
    QList<QDateTime> newer;
    qsizetype firstBatch = 0; // the first look and the live samples held while it ran
    QList<QList<QDateTime>> older;
};

::testing::AssertionResult strictlyIncreasing(const QList<QDateTime> &times)
{
    for (qsizetype i = 1; i < times.size(); ++i) {
        if (!(times[i - 1] < times[i]))
            return ::testing::AssertionFailure()
                   << "at " << i << ": " << times[i - 1].toString(Qt::ISODateWithMs).toStdString()
                   << " then " << times[i].toString(Qt::ISODateWithMs).toStdString();
    }
    return ::testing::AssertionSuccess();
}

TEST_F(NodeSessionAgentTest, AFirstLookThenTheRestOfTheHourMeetWithNoGapAndNoRepeat)
{
    m_transport.stop();
    spinFor(std::chrono::milliseconds(3000)); // about 15 samples at 200 ms
    BackfillWatch watch(socketPath(), std::chrono::seconds(1));
    watch.transport.setBackoff(quickBackoff());
    watch.transport.start();
    ASSERT_TRUE(spinUntil([&] {
        return watch.session.seriesCoveredSince() && !watch.older.isEmpty();
    })) << "older batches "
        << watch.older.size();
    const auto client = connectClient();
    const QList<QDateTime> agent = agentHistoryTimes(*client);
    ASSERT_GT(agent.size(), 10);
    const QList<QDateTime> delivered = watch.all();
    EXPECT_TRUE(strictlyIncreasing(delivered));
    // The first look was about one second of 200 ms samples; the rest came as older ones.
    EXPECT_LE(watch.firstBatch, 12);
    EXPECT_GE(watch.older.first().size(), 5);
    // Every sample the agent held up to the newest the console has, exactly once.
    const QList<QDateTime> agentUpTo = QList<QDateTime>(
        agent.begin(), std::upper_bound(agent.begin(), agent.end(), delivered.last()));
    const QList<QDateTime> deliveredFromAgentStart = QList<QDateTime>(
        std::lower_bound(delivered.begin(), delivered.end(), agent.first()), delivered.end());
    EXPECT_EQ(deliveredFromAgentStart, agentUpTo);
    EXPECT_EQ(delivered.first(), agent.first());
    // The store was told, and its 1 s buckets run without a hole from the first to the last.
    ASSERT_TRUE(watch.store.coveredSince(kEndpoint).has_value());
    EXPECT_LE(*watch.store.coveredSince(kEndpoint), agent.first());
    const auto points = watch.store.means({SeriesKey::Scope::Node, kEndpoint, {}},
                                          SeriesMetric::Established, SeriesWindow::FiveMinutes);
    ASSERT_FALSE(points.isEmpty());
    for (qsizetype i = 1; i < points.size(); ++i)
        EXPECT_EQ(points[i].x() - points[i - 1].x(), 1000.0) << "after bucket " << i - 1;
    EXPECT_EQ(static_cast<qint64>(points.first().x()) / 1000,
              delivered.first().toMSecsSinceEpoch() / 1000);
}

TEST_F(NodeSessionAgentTest, AFirstLookLongerThanTheAgentKeepsAsksForAllOfIt)
{
    m_transport.stop();
    // The agent keeps an hour; a first look of more is refused by it, and the session asks
    // for everything instead.
    BackfillWatch watch(socketPath(), std::chrono::seconds(4000));
    watch.transport.setBackoff(quickBackoff());
    watch.transport.start();
    ASSERT_TRUE(spinUntil([&] { return watch.session.seriesCoveredSince().has_value(); }));
    EXPECT_TRUE(watch.session.link().isConnected());
    EXPECT_TRUE(watch.older.isEmpty());
    ASSERT_FALSE(watch.newer.isEmpty());
    const auto client = connectClient();
    EXPECT_EQ(watch.newer.first(), agentHistoryTimes(*client).first());
}

TEST_F(NodeSessionAgentTest, AViewAskingForOlderSamplesGoesAheadOfBackgroundBackfills)
{
    m_transport.stop();
    spinFor(std::chrono::milliseconds(1500));
    BackfillWatch watch(socketPath(), std::chrono::seconds(1));
    // Another node's background backfills hold every slot they may take.
    QList<BackfillQueue::Ticket> busy;
    for (int i = 0; i < BackfillQueue::kDefaultLimit - 1; ++i)
        busy.append(watch.queue.enqueue([] {}, BackfillQueue::Priority::Background));
    watch.queue.enqueue([] {}, BackfillQueue::Priority::Background); // waits
    watch.transport.start();
    ASSERT_TRUE(spinUntil([&] { return watch.session.seriesCoveredSince().has_value(); }));
    spinFor(std::chrono::milliseconds(500));
    EXPECT_TRUE(watch.older.isEmpty()); // waiting behind the others
    // The slot background work leaves free takes the view's request at once.
    watch.session.ensureHistory(std::chrono::seconds(60));
    ASSERT_TRUE(spinUntil([&] { return !watch.older.isEmpty(); }));
    EXPECT_EQ(watch.queue.running(), BackfillQueue::kDefaultLimit - 1);
    EXPECT_EQ(watch.queue.waiting(), 1); // the other node's background one still waits
    EXPECT_TRUE(strictlyIncreasing(watch.all()));
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
