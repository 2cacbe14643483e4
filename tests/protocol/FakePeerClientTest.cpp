// AgentClient against a scripted peer: a fake agent (a QLocalServer in this test) that sends
// what the real agent never does -- late, stray, malformed and oversize replies -- to check
// that the client fails each call exactly once and never takes a broken stream as data.
#include "tests/protocol/AwaitOutcome.h"
#include "tests/protocol/ProtocolSamples.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace anycast::protocoltest {
namespace {

class FakePeerClientTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_TRUE(m_server.listen(m_dir.filePath(QStringLiteral("fake.sock"))));
        m_socket.connectToServer(m_server.fullServerName());
        ASSERT_TRUE(m_socket.waitForConnected(2000));
        ASSERT_TRUE(spinUntil([this] { return m_server.hasPendingConnections(); }));
        m_peer = m_server.nextPendingConnection();
        m_client.attach(&m_socket);
        QObject::connect(&m_client, &AgentClient::protocolViolated,
                         [this](const QString &why) { m_violations.append(why); });
    }

    // The next request the client wrote, as the fake agent reads it.
    QJsonObject nextRequest()
    {
        spinUntil([this] { return m_peer->canReadLine(); });
        return QJsonDocument::fromJson(m_peer->readLine()).object();
    }
    void send(const QByteArray &line)
    {
        m_peer->write(line);
        m_peer->flush();
    }

    QTemporaryDir m_dir;
    QLocalServer m_server;
    QLocalSocket m_socket;
    QLocalSocket *m_peer = nullptr;
    AgentClient m_client;
    QStringList m_violations;
};

TEST_F(FakePeerClientTest, ATimedOutCallFailsOnceAndItsLateReplyIsDropped)
{
    std::optional<CallOutcome<QJsonValue>> outcome;
    int runs = 0;
    m_client.call(
        QStringLiteral("status"), {},
        [&](CallOutcome<QJsonValue> result) {
            ++runs;
            outcome = std::move(result);
        },
        std::chrono::milliseconds(100));
    const QJsonObject request = nextRequest();
    ASSERT_TRUE(spinUntil([&] { return outcome.has_value(); }));
    ASSERT_TRUE(std::holds_alternative<ClientError>(*outcome));
    EXPECT_EQ(std::get<ClientError>(*outcome).failure, CallFailure::Timeout);
    send(QStringLiteral(R"({"jsonrpc":"2.0","id":%1,"result":{}})"
                        "\n")
             .arg(request.value("id").toInteger())
             .toUtf8());
    spinUntil([] { return false; }, std::chrono::milliseconds(100));
    EXPECT_EQ(runs, 1);
    EXPECT_TRUE(m_violations.isEmpty()) << m_violations.join(';').toStdString();
    EXPECT_TRUE(m_client.isAttached());
}

TEST_F(FakePeerClientTest, AReplyToNoCallIsAViolationThatFailsWhatIsInFlight)
{
    int runs = 0;
    std::optional<CallOutcome<AgentStatus>> outcome;
    m_client.status([&](CallOutcome<AgentStatus> result) {
        ++runs;
        outcome = std::move(result);
    });
    nextRequest();
    send(R"({"jsonrpc":"2.0","id":999,"result":{}})"
         "\n");
    ASSERT_TRUE(spinUntil([&] { return outcome.has_value(); }));
    EXPECT_EQ(runs, 1);
    ASSERT_TRUE(std::holds_alternative<ClientError>(*outcome));
    EXPECT_EQ(std::get<ClientError>(*outcome).failure, CallFailure::Protocol);
    ASSERT_EQ(m_violations.size(), 1);
    EXPECT_TRUE(m_violations.at(0).contains(QStringLiteral("never sent")));
    EXPECT_FALSE(m_client.isAttached());
}

TEST_F(FakePeerClientTest, AMalformedResultFailsTheCallButNotTheStream)
{
    const auto outcome = awaitOutcome<AgentStatus>([this](auto done) {
        m_client.status(std::move(done));
        const QJsonObject request = nextRequest();
        send(QStringLiteral(R"({"jsonrpc":"2.0","id":%1,"result":{"node":"x"}})"
                            "\n")
                 .arg(request.value("id").toInteger())
                 .toUtf8());
    });
    ASSERT_TRUE(outcome.has_value());
    ASSERT_TRUE(std::holds_alternative<ClientError>(*outcome));
    EXPECT_EQ(std::get<ClientError>(*outcome).failure, CallFailure::Protocol);
    EXPECT_TRUE(std::get<ClientError>(*outcome).message.contains(QStringLiteral("region: missing")))
        << std::get<ClientError>(*outcome).message.toStdString();
    EXPECT_TRUE(m_client.isAttached());
}

TEST_F(FakePeerClientTest, AnotherApiVersionIsAMismatchNotAParseError)
{
    QJsonObject hello = sampleHello().toJson();
    hello.insert(
        QStringLiteral("versions"),
        QJsonObject{{QStringLiteral("agent"), QStringLiteral("9.0")}, {QStringLiteral("api"), 2}});
    hello.insert(QStringLiteral("something_new"), true);
    const auto outcome = awaitOutcome<HelloReply>([&](auto done) {
        m_client.hello(QStringLiteral("test"), std::move(done));
        const QJsonObject request = nextRequest();
        send(QJsonDocument(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                       {QStringLiteral("id"), request.value("id")},
                                       {QStringLiteral("result"), hello}})
                 .toJson(QJsonDocument::Compact) +
             '\n');
    });
    ASSERT_TRUE(outcome.has_value());
    ASSERT_TRUE(std::holds_alternative<ClientError>(*outcome));
    EXPECT_EQ(std::get<ClientError>(*outcome).failure, CallFailure::VersionMismatch);
}

TEST_F(FakePeerClientTest, NotificationsAreCheckedBeforeAnyoneSeesThem)
{
    int samples = 0;
    QObject::connect(&m_client, &AgentClient::sampleReceived, [&] { ++samples; });
    const QByteArray good =
        QJsonDocument(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                  {QStringLiteral("method"), QStringLiteral("sample")},
                                  {QStringLiteral("params"), sampleSample().toJson()}})
            .toJson(QJsonDocument::Compact);
    send(good + '\n');
    ASSERT_TRUE(spinUntil([&] { return samples == 1; }));
    send(R"({"jsonrpc":"2.0","method":"sample","params":{"time":"yesterday","services":[]}})"
         "\n");
    ASSERT_TRUE(spinUntil([&] { return !m_violations.isEmpty(); }));
    EXPECT_TRUE(m_violations.at(0).startsWith(QStringLiteral("malformed sample: time")));
    send(good + '\n');
    spinUntil([] { return false; }, std::chrono::milliseconds(100));
    EXPECT_EQ(samples, 1) << "nothing is read after a violation";
}

TEST_F(FakePeerClientTest, AnOversizeLineIsAViolation)
{
    QByteArray huge(AgentClient::kMaxLineBytes + 10, 'x');
    send(huge);
    ASSERT_TRUE(spinUntil([&] { return !m_violations.isEmpty(); }, std::chrono::seconds(30)));
    EXPECT_TRUE(m_violations.at(0).contains(QStringLiteral("longer than")));
}

TEST_F(FakePeerClientTest, DetachFailsEveryCallInFlightExactlyOnce)
{
    int runs = 0;
    QList<CallFailure> failures;
    for (int i = 0; i < 3; ++i) {
        m_client.call(QStringLiteral("status"), {}, [&](CallOutcome<QJsonValue> outcome) {
            ++runs;
            failures.append(std::get<ClientError>(outcome).failure);
        });
    }
    EXPECT_EQ(m_client.callsInFlight(), 3);
    m_client.detach(QStringLiteral("going away"));
    EXPECT_EQ(runs, 3);
    EXPECT_EQ(failures, QList<CallFailure>(3, CallFailure::Closed));
    spinUntil([] { return false; }, std::chrono::milliseconds(50));
    EXPECT_EQ(runs, 3);
    // A call without a connection still answers, asynchronously.
    const auto outcome = awaitOutcome<QJsonValue>(
        [this](auto done) { m_client.call(QStringLiteral("status"), {}, std::move(done)); });
    ASSERT_TRUE(outcome.has_value());
    EXPECT_EQ(std::get<ClientError>(*outcome).failure, CallFailure::Closed);
}

QByteArray replyTo(const QJsonObject &request, const QJsonObject &result)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                     {QStringLiteral("id"), request.value("id")},
                                     {QStringLiteral("result"), result}})
               .toJson(QJsonDocument::Compact) +
           '\n';
}

TEST_F(FakePeerClientTest, ATypedCallKeepsTheResultAsItWasSent)
{
    const auto outcome = awaitOutcome<Received<AgentStatus>>([this](auto done) {
        m_client.callTyped<AgentStatus>(QStringLiteral("status"), {}, std::move(done));
        send(replyTo(nextRequest(), sampleStatus().toJson()));
    });
    ASSERT_TRUE(outcome.has_value());
    ASSERT_TRUE(std::holds_alternative<Received<AgentStatus>>(*outcome))
        << describe(*outcome).toStdString();
    EXPECT_EQ(std::get<Received<AgentStatus>>(*outcome).value, sampleStatus());
    EXPECT_EQ(std::get<Received<AgentStatus>>(*outcome).json, sampleStatus().toJson());
}

// A `history` reply long enough to be parsed on a worker thread.
QJsonObject longHistory(qsizetype minimumBytes)
{
    QJsonArray samples;
    qsizetype bytes = 0;
    while (bytes < minimumBytes) {
        const QJsonObject sample = sampleSample().toJson();
        bytes += QJsonDocument(sample).toJson(QJsonDocument::Compact).size();
        samples.append(sample);
    }
    return {{QStringLiteral("interval_ms"), 1000},
            {QStringLiteral("span_s"), 3600},
            {QStringLiteral("samples"), samples}};
}

QByteArray sampleLine()
{
    return QJsonDocument(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                     {QStringLiteral("method"), QStringLiteral("sample")},
                                     {QStringLiteral("params"), sampleSample().toJson()}})
               .toJson(QJsonDocument::Compact) +
           '\n';
}

TEST_F(FakePeerClientTest, ALongReplyReadOnAWorkerKeepsItsPlaceInTheStream)
{
    QStringList order;
    QObject::connect(&m_client, &AgentClient::sampleReceived,
                     [&] { order.append(QStringLiteral("sample")); });
    std::optional<CallOutcome<HistoryReply>> history;
    m_client.history(std::nullopt, [&](CallOutcome<HistoryReply> outcome) {
        order.append(QStringLiteral("history"));
        history = std::move(outcome);
    });
    const QJsonObject result = longHistory(AgentClient::kWorkerLineBytes * 2);
    const QByteArray reply = replyTo(nextRequest(), result);
    ASSERT_GT(reply.size(), AgentClient::kWorkerLineBytes);
    // The reply, a sample behind it and the end of the stream, all in one write: the sample
    // waits for the reply, and the end waits for both.
    send(reply + sampleLine());
    m_peer->disconnectFromServer();
    ASSERT_TRUE(spinUntil([&] { return order.size() == 2 && !m_client.isAttached(); }));
    EXPECT_EQ(order, (QStringList{QStringLiteral("history"), QStringLiteral("sample")}));
    ASSERT_TRUE(std::holds_alternative<HistoryReply>(*history)) << describe(*history).toStdString();
    const HistoryReply &read = std::get<HistoryReply>(*history);
    EXPECT_EQ(read.samples.size(), result.value("samples").toArray().size());
    EXPECT_EQ(read.samples.first(), sampleSample());
    EXPECT_TRUE(m_violations.isEmpty()) << m_violations.join(';').toStdString();
}

TEST_F(FakePeerClientTest, ALongMalformedReplyFailsItsCallAndALongBrokenLineIsAViolation)
{
    std::optional<CallOutcome<HistoryReply>> history;
    m_client.history(std::nullopt,
                     [&](CallOutcome<HistoryReply> outcome) { history = std::move(outcome); });
    QJsonObject result = longHistory(AgentClient::kWorkerLineBytes * 2);
    result.insert(QStringLiteral("span_s"), QStringLiteral("an hour"));
    send(replyTo(nextRequest(), result));
    ASSERT_TRUE(spinUntil([&] { return history.has_value(); }));
    ASSERT_TRUE(std::holds_alternative<ClientError>(*history));
    EXPECT_EQ(std::get<ClientError>(*history).failure, CallFailure::Protocol);
    EXPECT_TRUE(std::get<ClientError>(*history).message.contains(QStringLiteral("span_s")))
        << std::get<ClientError>(*history).message.toStdString();
    EXPECT_TRUE(m_client.isAttached()) << "a bad result is the call's failure, not the stream's";

    int samples = 0;
    QObject::connect(&m_client, &AgentClient::sampleReceived, [&] { ++samples; });
    send(QByteArray(AgentClient::kWorkerLineBytes + 10, '{') + '\n' + sampleLine());
    ASSERT_TRUE(spinUntil([&] { return !m_violations.isEmpty(); }));
    spinUntil([] { return false; }, std::chrono::milliseconds(100));
    EXPECT_EQ(samples, 0) << "nothing is read after a violation";
    EXPECT_FALSE(m_client.isAttached());
}

TEST_F(FakePeerClientTest, TheClientTimeoutAppliesToCallsWithoutOneOfTheirOwn)
{
    m_client.setTimeout(std::chrono::milliseconds(50));
    int runs = 0;
    const auto outcome = awaitOutcome<AgentStatus>(
        [this](auto done) { m_client.status(std::move(done)); }, &runs, std::chrono::seconds(5));
    ASSERT_TRUE(outcome.has_value());
    EXPECT_EQ(runs, 1);
    ASSERT_TRUE(std::holds_alternative<ClientError>(*outcome));
    EXPECT_EQ(std::get<ClientError>(*outcome).failure, CallFailure::Timeout);
    EXPECT_TRUE(std::get<ClientError>(*outcome).message.contains(QStringLiteral("50 ms")));
}

TEST_F(FakePeerClientTest, ARefusalWithoutAnIdAnswersEveryCallAndEndsTheStream)
{
    QList<RpcError> refusals;
    QObject::connect(&m_client, &AgentClient::refused,
                     [&](const RpcError &error) { refusals.append(error); });
    QList<CallOutcome<AgentStatus>> outcomes;
    for (int i = 0; i < 2; ++i)
        m_client.status([&](CallOutcome<AgentStatus> outcome) { outcomes.append(outcome); });
    nextRequest();
    send(R"({"jsonrpc":"2.0","id":null,"error":{"code":-32005,"message":"too many clients"}})"
         "\n");
    ASSERT_TRUE(spinUntil([&] { return outcomes.size() == 2 && !refusals.isEmpty(); }));
    for (const auto &outcome : std::as_const(outcomes)) {
        ASSERT_TRUE(std::holds_alternative<RpcError>(outcome)) << describe(outcome).toStdString();
        EXPECT_EQ(std::get<RpcError>(outcome).code, kOverloaded);
        EXPECT_EQ(std::get<RpcError>(outcome).message, QStringLiteral("too many clients"));
    }
    ASSERT_EQ(refusals.size(), 1);
    EXPECT_EQ(refusals.at(0).code, kOverloaded);
    EXPECT_TRUE(m_violations.isEmpty()) << m_violations.join(';').toStdString();
    EXPECT_FALSE(m_client.isAttached());
}

TEST_F(FakePeerClientTest, ThePeerClosingAfterAReplyFailsOnlyWhatIsLeft)
{
    std::optional<CallOutcome<AgentStatus>> first;
    std::optional<CallOutcome<AgentStatus>> second;
    m_client.status([&](CallOutcome<AgentStatus> outcome) { first = outcome; });
    m_client.status([&](CallOutcome<AgentStatus> outcome) { second = outcome; });
    const QJsonObject request = nextRequest();
    send(replyTo(request, sampleStatus().toJson()));
    m_peer->disconnectFromServer();
    ASSERT_TRUE(spinUntil([&] { return first && second; }));
    ASSERT_TRUE(std::holds_alternative<AgentStatus>(*first)) << describe(*first).toStdString();
    ASSERT_TRUE(std::holds_alternative<ClientError>(*second)) << describe(*second).toStdString();
    EXPECT_EQ(std::get<ClientError>(*second).failure, CallFailure::Closed);
    EXPECT_FALSE(m_client.isAttached());
}

TEST_F(FakePeerClientTest, NotificationsAsSentComeOnlyOnceTheyRead)
{
    QList<QJsonObject> raw;
    QObject::connect(&m_client, &AgentClient::notificationReceived,
                     [&](const QString &method, const QJsonObject &params) {
                         EXPECT_EQ(method, QStringLiteral("event"));
                         raw.append(params);
                     });
    const QJsonObject event = sampleRouteEvent().toJson();
    send(QJsonDocument(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                   {QStringLiteral("method"), QStringLiteral("event")},
                                   {QStringLiteral("params"), event}})
             .toJson(QJsonDocument::Compact) +
         '\n');
    ASSERT_TRUE(spinUntil([&] { return raw.size() == 1; }));
    EXPECT_EQ(raw.at(0), event);
    send(R"({"jsonrpc":"2.0","method":"event","params":{"seq":"one"}})"
         "\n");
    ASSERT_TRUE(spinUntil([&] { return !m_violations.isEmpty(); }));
    EXPECT_EQ(raw.size(), 1);
}

} // namespace
} // namespace anycast::protocoltest
