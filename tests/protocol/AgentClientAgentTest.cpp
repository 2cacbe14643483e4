// AgentClient against the real anycast-agent over its real Unix socket: every reply and
// notification the agent sends must parse strictly into the typed model.
#include "tests/integration/AgentProcess.h"
#include "tests/integration/LoopbackListener.h"
#include "tests/protocol/AwaitOutcome.h"
#include "tests/support/AgentTestConfig.h"

#include <QDir>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <memory>

namespace anycast::protocoltest {
namespace {

class AgentClientAgentTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_EQ(::geteuid(), 0u) << "the agent runs with operators_group root, as CI runs";
        ASSERT_TRUE(m_dir.isValid());
        m_service.reset(labtest::listenOnLoopback(&m_servicePort));
        ASSERT_GE(m_service.get(), 0);
        labtest::AgentTestConfig config(m_dir);
        config.node(QStringLiteral("proto-1"))
            .region(QStringLiteral("test-region"))
            .location(50.11, 8.68)
            .operatorsGroup(QStringLiteral("root"))
            .fastPathInterval(std::chrono::milliseconds(100))
            .sampleInterval(std::chrono::milliseconds(200));
        config.addService(QStringLiteral("web"), {m_servicePort})
            .prefixes({QStringLiteral("192.0.2.1/32")})
            .probe(QStringLiteral("tcp://127.0.0.1:%1").arg(m_servicePort))
            .rise(1)
            .fall(2);
        const QString configPath = config.write();
        ASSERT_FALSE(configPath.isEmpty()) << "cannot write " << config.path().toStdString();
        m_agent = std::make_unique<labtest::AgentProcess>(configPath);
        ASSERT_TRUE(
            m_agent->waitForLine(QStringLiteral("api: listening on"), std::chrono::seconds(10)))
            << m_agent->log().join('\n').toStdString();
        m_socket.connectToServer(socketPath());
        ASSERT_TRUE(m_socket.waitForConnected(5000)) << m_socket.errorString().toStdString();
        m_client.attach(&m_socket);
        // The stream's owner says when it ended: QIODevice itself has no such signal.
        QObject::connect(&m_socket, &QLocalSocket::disconnected, &m_client,
                         [this] { m_client.detach(QStringLiteral("the agent closed")); });
    }

    void TearDown() override
    {
        m_client.detach(QStringLiteral("test over"));
        m_socket.abort();
        m_agent.reset();
        m_service.reset();
    }

    QString socketPath() const { return labtest::AgentTestConfig(m_dir).apiSocket(); }

    template <typename T> T expectResult(const std::optional<CallOutcome<T>> &outcome)
    {
        EXPECT_TRUE(outcome.has_value()) << "no callback";
        if (!outcome)
            return T{};
        EXPECT_TRUE(std::holds_alternative<T>(*outcome)) << describe(*outcome).toStdString();
        return std::holds_alternative<T>(*outcome) ? std::get<T>(*outcome) : T{};
    }

    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/acproto-XXXXXX")};
    FileDescriptor m_service;
    quint16 m_servicePort = 0;
    std::unique_ptr<labtest::AgentProcess> m_agent;
    QLocalSocket m_socket;
    AgentClient m_client;
};

TEST_F(AgentClientAgentTest, HelloAndStatusParseStrictly)
{
    const HelloReply hello = expectResult(awaitOutcome<HelloReply>(
        [this](auto done) { m_client.hello(QStringLiteral("protocol-test"), std::move(done)); }));
    EXPECT_EQ(hello.node, QStringLiteral("proto-1"));
    EXPECT_EQ(hello.region, QStringLiteral("test-region"));
    ASSERT_TRUE(hello.location.has_value());
    EXPECT_DOUBLE_EQ(hello.location->latitude, 50.11);
    EXPECT_TRUE(hello.caller.mayMutate());
    EXPECT_EQ(hello.sampleIntervalMs, 200u);
    ASSERT_EQ(hello.services.size(), 1);
    EXPECT_EQ(hello.services.at(0).ports, QList<quint16>{m_servicePort});

    const AgentStatus status = expectResult(
        awaitOutcome<AgentStatus>([this](auto done) { m_client.status(std::move(done)); }));
    EXPECT_EQ(status.node, QStringLiteral("proto-1"));
    ASSERT_EQ(status.services.size(), 1);
    ASSERT_EQ(status.services.at(0).routes.size(), 1);
    EXPECT_EQ(status.services.at(0).routes.at(0).prefix, QStringLiteral("192.0.2.1/32"));
    EXPECT_EQ(status.operatorStatus.nodeState, OperatorState::Active);
}

TEST_F(AgentClientAgentTest, SamplesAndEventsArriveTypedAfterSubscribe)
{
    QList<SamplePoint> samples;
    QList<AgentEvent> events;
    QString violation;
    QObject::connect(&m_client, &AgentClient::sampleReceived,
                     [&](const SamplePoint &sample) { samples.append(sample); });
    QObject::connect(&m_client, &AgentClient::eventReceived,
                     [&](const AgentEvent &event) { events.append(event); });
    QObject::connect(&m_client, &AgentClient::protocolViolated,
                     [&](const QString &why) { violation = why; });
    const QStringList topics = expectResult(awaitOutcome<QStringList>([this](auto done) {
        m_client.subscribe({QStringLiteral("sample"), QStringLiteral("event")}, std::move(done));
    }));
    EXPECT_EQ(topics.size(), 2);
    // A drain makes events of its own; samples come every 200 ms.
    DrainRequest drain;
    drain.reason = QStringLiteral("protocol test");
    drain.ticket = QStringLiteral("T-1");
    const MutationReply drained = expectResult(
        awaitOutcome<MutationReply>([&](auto done) { m_client.drain(drain, std::move(done)); }));
    EXPECT_TRUE(drained.persisted);
    ASSERT_TRUE(drained.drain.has_value());
    EXPECT_EQ(drained.drain->reason, QStringLiteral("protocol test"));
    EXPECT_TRUE(drained.drain->isNodeDrain());

    ASSERT_TRUE(spinUntil([&] {
        return samples.size() >= 3 &&
               std::any_of(events.begin(), events.end(),
                           [](const AgentEvent &e) { return e.kind == QLatin1String("drain"); });
    })) << "samples "
        << samples.size() << ", events " << events.size() << "; " << violation.toStdString();
    EXPECT_TRUE(violation.isEmpty()) << violation.toStdString();
    EXPECT_EQ(samples.last().services.at(0).stats.name, QStringLiteral("web"));
    EXPECT_GE(samples.last().services.at(0).stats.states[TcpState::Listen], 1u);

    const EventsReply replay = expectResult(awaitOutcome<EventsReply>(
        [this](auto done) { m_client.events(std::nullopt, 100, std::move(done)); }));
    EXPECT_GE(replay.lastSeq, 1u);
    EXPECT_FALSE(replay.events.isEmpty());
    const HistoryReply history = expectResult(
        awaitOutcome<HistoryReply>([this](auto done) { m_client.history(60, std::move(done)); }));
    EXPECT_EQ(history.intervalMs, 200u);
    EXPECT_FALSE(history.samples.isEmpty());

    UndrainRequest undrain;
    undrain.reason = QStringLiteral("protocol test over");
    const MutationReply undrained = expectResult(awaitOutcome<MutationReply>(
        [&](auto done) { m_client.undrain(undrain, std::move(done)); }));
    EXPECT_TRUE(undrained.persisted);
}

TEST_F(AgentClientAgentTest, AnAgentErrorIsTypedAndTheConnectionLives)
{
    DrainRequest drain;
    drain.service = QStringLiteral("no-such-service");
    drain.reason = QStringLiteral("test");
    const auto outcome =
        awaitOutcome<MutationReply>([&](auto done) { m_client.drain(drain, std::move(done)); });
    ASSERT_TRUE(outcome.has_value());
    ASSERT_TRUE(std::holds_alternative<RpcError>(*outcome)) << describe(*outcome).toStdString();
    EXPECT_EQ(std::get<RpcError>(*outcome).code, kUnknownService);
    expectResult(
        awaitOutcome<AgentStatus>([this](auto done) { m_client.status(std::move(done)); }));
}

TEST_F(AgentClientAgentTest, CallsInFlightFailOnceWhenTheAgentDies)
{
    int runs = 0;
    std::optional<CallOutcome<HistoryReply>> outcome;
    m_client.history(60, [&](CallOutcome<HistoryReply> result) {
        ++runs;
        outcome = std::move(result);
    });
    m_agent->kill();
    ASSERT_TRUE(spinUntil([&] { return outcome.has_value() || !m_client.isAttached(); }));
    // The reply may have won the race; if not, the call failed as Closed.
    ASSERT_TRUE(spinUntil([&] { return outcome.has_value(); }));
    EXPECT_EQ(runs, 1);
    if (!std::holds_alternative<HistoryReply>(*outcome)) {
        ASSERT_TRUE(std::holds_alternative<ClientError>(*outcome));
        EXPECT_EQ(std::get<ClientError>(*outcome).failure, CallFailure::Closed);
    }
}

} // namespace
} // namespace anycast::protocoltest
