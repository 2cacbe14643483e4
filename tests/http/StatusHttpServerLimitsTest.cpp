#include "agent/http/StatusHttpServer.h"
#include "tests/http/HttpTestClient.h"

#include <QElapsedTimer>

#include <gtest/gtest.h>

#include <vector>

namespace anycast {
namespace {

using namespace test;

// The bounds a careless or hostile local client runs into, and that the server goes on
// serving everyone else afterwards.
class StatusHttpServerLimitsTest : public ::testing::Test
{
protected:
    void start(std::chrono::milliseconds headTimeout)
    {
        m_server.setHeadTimeout(headTimeout);
        QObject::connect(&m_server, &StatusHttpServer::logLine,
                         [this](const QString &line) { m_log.append(line); });
        const Result<bool> listening = m_server.listen(QStringLiteral("127.0.0.1:0"));
        ASSERT_TRUE(listening.ok()) << listening.error().toStdString();
    }

    void expectStillServing()
    {
        const auto reply = exchange(m_server.port(), "GET /status HTTP/1.1\r\n\r\n");
        ASSERT_TRUE(reply);
        EXPECT_EQ(reply->status, 200);
        EXPECT_EQ(reply->body, "{\n    \"ok\": true\n}\n");
    }

    qsizetype logLinesContaining(const QString &text) const
    {
        return std::count_if(m_log.begin(), m_log.end(),
                             [&text](const QString &line) { return line.contains(text); });
    }

    StatusHttpServer m_server{[] { return QJsonObject{{QStringLiteral("ok"), true}}; }};
    QStringList m_log;
};

TEST_F(StatusHttpServerLimitsTest, HeadOverEightKibIs431)
{
    start(StatusHttpServer::kDefaultHeadTimeout);
    const QByteArray filler(9 * 1024, 'a');
    const auto reply =
        exchange(m_server.port(), "GET /status HTTP/1.1\r\nX-Filler: " + filler + "\r\n\r\n");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 431);
    EXPECT_EQ(reply->headers.value("connection"), "close");
    expectStillServing();

    // Just under the limit is still a request.
    const QByteArray fits(8 * 1024 - 100, 'a');
    const auto near =
        exchange(m_server.port(), "GET /status HTTP/1.1\r\nX-Filler: " + fits + "\r\n\r\n");
    ASSERT_TRUE(near);
    EXPECT_EQ(near->status, 200);
}

TEST_F(StatusHttpServerLimitsTest, SlowClientIsClosedAtTheHeadTimeout)
{
    start(300ms);
    TestClient slow(m_server.port());
    ASSERT_TRUE(slow.waitConnected());
    QElapsedTimer elapsed;
    elapsed.start();
    slow.send("GET /sta");
    ASSERT_TRUE(slow.waitClosed(5s)) << "the server never closed a client that stalled";
    EXPECT_GE(elapsed.elapsed(), 250) << "closed before the timeout";
    EXPECT_LT(elapsed.elapsed(), 3000);
    EXPECT_TRUE(slow.received().isEmpty()) << slow.received().toStdString();
    EXPECT_TRUE(waitUntil([this] { return m_server.openConnections() == 0; }));
    expectStillServing();
}

TEST_F(StatusHttpServerLimitsTest, ClientLeavingMidHeadIsForgotten)
{
    start(StatusHttpServer::kDefaultHeadTimeout);
    {
        TestClient quitter(m_server.port());
        ASSERT_TRUE(quitter.waitConnected());
        quitter.send("GET /status HT");
        ASSERT_TRUE(waitUntil([this] { return m_server.openConnections() == 1; }));
    } // closes its socket
    EXPECT_TRUE(waitUntil([this] { return m_server.openConnections() == 0; }, 2s));
    expectStillServing();
}

TEST(StatusHttpServerLifetimeTest, DestroyingTheServerClosesItsClients)
{
    auto server = std::make_unique<StatusHttpServer>([] { return QJsonObject(); });
    ASSERT_TRUE(server->listen(QStringLiteral("127.0.0.1:0")).ok());
    TestClient client(server->port());
    ASSERT_TRUE(client.waitConnected());
    client.send("GET /status HTTP/1.1\r\n");
    ASSERT_TRUE(waitUntil([&server] { return server->openConnections() == 1; }));
    server.reset();
    EXPECT_TRUE(client.waitClosed(2s));
}

TEST_F(StatusHttpServerLimitsTest, OneAddressHoldsAtMostEightConnections)
{
    constexpr auto kTimeout = 3s;
    start(kTimeout);
    const QHostAddress greedy(QStringLiteral("127.0.0.2"));
    std::vector<std::unique_ptr<TestClient>> idle;
    for (int i = 0; i < StatusHttpServer::kMaxConnectionsPerAddress; ++i) {
        idle.push_back(std::make_unique<TestClient>(m_server.port(), greedy));
        ASSERT_TRUE(idle.back()->waitConnected()) << i;
    }
    ASSERT_TRUE(waitUntil([this] { return m_server.openConnections() == 8; }));

    QElapsedTimer elapsed;
    elapsed.start();
    TestClient ninth(m_server.port(), greedy);
    ASSERT_TRUE(ninth.waitClosed(2s)) << "the ninth connection from one address stayed open";
    EXPECT_TRUE(ninth.received().isEmpty());
    TestClient tenth(m_server.port(), greedy);
    ASSERT_TRUE(tenth.waitClosed(2s));
    ASSERT_LT(elapsed.elapsed(), std::chrono::milliseconds(kTimeout).count())
        << "too slow to tell a refusal from a timeout";
    EXPECT_EQ(m_server.openConnections(), 8);
    for (const auto &client : idle)
        EXPECT_FALSE(client->closed());
    EXPECT_EQ(logLinesContaining(QStringLiteral("127.0.0.2 already holds 8 connections")), 1)
        << "one line for a burst: " << m_log.join(QLatin1Char('\n')).toStdString();
    // Everyone else is served meanwhile.
    expectStillServing();

    // The idle ones do not hold their slots for ever.
    EXPECT_TRUE(waitUntil(
        [&idle] {
            return std::all_of(idle.begin(), idle.end(),
                               [](const auto &client) { return client->closed(); });
        },
        kTimeout + 5s));
    EXPECT_TRUE(waitUntil([this] { return m_server.openConnections() == 0; }));
    TestClient again(m_server.port(), greedy);
    ASSERT_TRUE(again.waitConnected());
    EXPECT_TRUE(waitUntil([this] { return m_server.openConnections() == 1; }));
}

TEST_F(StatusHttpServerLimitsTest, FullServerMakesRoomByClosingTheOldestIdleConnection)
{
    start(30s); // nothing times out during the test: only eviction frees a slot
    std::vector<std::unique_ptr<TestClient>> idle;
    for (int i = 0; i < StatusHttpServer::kMaxConnections; ++i) {
        // Eight hosts, eight connections each: every slot taken, no address over its share.
        const QHostAddress source(QStringLiteral("127.0.0.%1").arg(2 + i / 8));
        idle.push_back(std::make_unique<TestClient>(m_server.port(), source));
        ASSERT_TRUE(idle.back()->waitConnected()) << i;
        ASSERT_TRUE(waitUntil([this, i] { return m_server.openConnections() == i + 1; })) << i;
    }
    expectStillServing();
    EXPECT_TRUE(idle[0]->waitClosed(2s)) << "the oldest idle connection was not the one closed";
    for (std::size_t i = 1; i < idle.size(); ++i)
        EXPECT_FALSE(idle[i]->closed()) << i;
    // Full again: the next request takes the next oldest idle connection's slot.
    ASSERT_TRUE(waitUntil([this] { return m_server.openConnections() == 63; }));
    TestClient refill(m_server.port(), QHostAddress(QStringLiteral("127.0.0.10")));
    ASSERT_TRUE(refill.waitConnected());
    ASSERT_TRUE(waitUntil([this] { return m_server.openConnections() == 64; }));
    expectStillServing();
    EXPECT_TRUE(idle[1]->waitClosed(2s));
    EXPECT_FALSE(refill.closed());
    EXPECT_LE(m_server.openConnections(), StatusHttpServer::kMaxConnections);
}

} // namespace
} // namespace anycast
