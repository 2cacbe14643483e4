#include "agent/http/StatusHttpServer.h"

#include "tests/http/HttpTestClient.h"

#include <QJsonDocument>
#include <QTcpServer>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>

namespace anycast {
namespace {

using namespace test;

class StatusHttpServerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const Result<bool> listening = m_server.listen(QStringLiteral("127.0.0.1:0"));
        ASSERT_TRUE(listening.ok()) << listening.error().toStdString();
        ASSERT_NE(m_server.port(), 0);
    }

    std::optional<HttpReply> get(const QByteArray &target, const QByteArray &method = "GET")
    {
        return exchange(m_server.port(),
                        method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    }

    QJsonObject m_status{{QStringLiteral("node"), QStringLiteral("fra-1")}};
    StatusHttpServer m_server{[this] { return m_status; }};
};

TEST_F(StatusHttpServerTest, StatusServesTheProvidersCurrentJson)
{
    const auto first = get("/status");
    ASSERT_TRUE(first);
    EXPECT_EQ(first->status, 200);
    EXPECT_EQ(first->headers.value("content-type"), "application/json");
    EXPECT_EQ(first->headers.value("connection"), "close");
    EXPECT_EQ(first->headers.value("content-length").toLongLong(), first->body.size());
    EXPECT_EQ(first->body, QJsonDocument(m_status).toJson(QJsonDocument::Indented));

    // Asked again on every request, never cached.
    m_status = {{QStringLiteral("node"), QStringLiteral("ams-2")}, {QStringLiteral("prefixes"), 3}};
    const auto second = get("/status?fresh=1");
    ASSERT_TRUE(second);
    EXPECT_EQ(second->status, 200);
    EXPECT_EQ(QJsonDocument::fromJson(second->body).object(), m_status);
}

TEST_F(StatusHttpServerTest, HeadSendsTheHeadersOfGetWithoutABody)
{
    const auto full = get("/status");
    const auto head = get("/status", "HEAD");
    ASSERT_TRUE(full && head);
    EXPECT_EQ(head->status, 200);
    EXPECT_EQ(head->headers.value("content-type"), "application/json");
    EXPECT_EQ(head->headers.value("content-length").toLongLong(), full->body.size());
    EXPECT_TRUE(head->body.isEmpty()) << head->body.toStdString();
}

TEST_F(StatusHttpServerTest, UnknownPathsAre404)
{
    for (const QByteArray target : {"/", "/statusx", "/status/", "/STATUS", "/metrics/x", "*"}) {
        const auto reply = get(target);
        ASSERT_TRUE(reply) << target.toStdString();
        EXPECT_EQ(reply->status, 404) << target.toStdString();
        EXPECT_EQ(reply->headers.value("content-length").toLongLong(), reply->body.size());
    }
}

TEST_F(StatusHttpServerTest, OtherMethodsAre405WithAllow)
{
    for (const QByteArray method : {"POST", "PUT", "DELETE", "OPTIONS", "PATCH", "get"}) {
        const auto reply = get("/status", method);
        ASSERT_TRUE(reply) << method.toStdString();
        EXPECT_EQ(reply->status, 405) << method.toStdString();
        EXPECT_EQ(reply->headers.value("allow"), "GET, HEAD") << method.toStdString();
    }
}

TEST_F(StatusHttpServerTest, MetricsWithoutAProviderIs404)
{
    const auto reply = get("/metrics");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 404);
    EXPECT_TRUE(reply->body.contains("no metrics")) << reply->body.toStdString();
}

TEST_F(StatusHttpServerTest, MetricsServesTheProvidersTextWithItsContentType)
{
    int calls = 0;
    m_server.setMetricsProvider(
        [&calls] {
            ++calls;
            return QByteArray("# HELP up x\n# TYPE up gauge\nup ") + QByteArray::number(calls) +
                   '\n';
        },
        "text/plain; version=0.0.4; charset=utf-8");
    auto reply = get("/metrics");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 200);
    EXPECT_EQ(reply->headers.value("content-type"), "text/plain; version=0.0.4; charset=utf-8");
    EXPECT_TRUE(reply->body.endsWith("up 1\n")) << reply->body.toStdString();
    reply = get("/metrics"); // rendered fresh for every scrape
    ASSERT_TRUE(reply);
    EXPECT_TRUE(reply->body.endsWith("up 2\n")) << reply->body.toStdString();
}

TEST_F(StatusHttpServerTest, GarbageIs400AndTheServerGoesOn)
{
    for (const QByteArray &request :
         {QByteArray("hello\r\n\r\n"), QByteArray("GET /status\r\n\r\n"),
          QByteArray("GET /status HTTP/2.0\r\n\r\n"), QByteArray("GET status HTTP/1.1\r\n\r\n"),
          QByteArray("GET /status HTTP/1.1\r\nno colon here\r\n\r\n"),
          QByteArray("\x00\x01\x02\n", 4)}) {
        const auto reply = exchange(m_server.port(), request);
        ASSERT_TRUE(reply) << request.toStdString();
        EXPECT_EQ(reply->status, 400) << request.toStdString();
        const auto after = get("/status");
        ASSERT_TRUE(after);
        EXPECT_EQ(after->status, 200);
    }
}

TEST_F(StatusHttpServerTest, RequestArrivingInPiecesIsServed)
{
    TestClient client(m_server.port());
    ASSERT_TRUE(client.waitConnected());
    const QByteArray request = "GET /status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    for (qsizetype i = 0; i < request.size(); i += 7) {
        client.send(request.mid(i, 7));
        // Let the server see each piece on its own.
        waitUntil([] { return false; }, 10ms);
        if (i + 7 < request.size()) {
            EXPECT_TRUE(client.received().isEmpty());
        }
    }
    ASSERT_TRUE(client.waitClosed());
    const auto reply = parseReply(client.received());
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 200);
}

TEST_F(StatusHttpServerTest, ListenOnAnAddressInUseSaysSo)
{
    const QString taken = QStringLiteral("127.0.0.1:%1").arg(m_server.port());
    StatusHttpServer second([] { return QJsonObject(); });
    const Result<bool> result = second.listen(taken);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error(), QStringLiteral("cannot listen on %1: %2")
                                  .arg(taken, QString::fromLocal8Bit(std::strerror(EADDRINUSE))));
}

TEST_F(StatusHttpServerTest, ListenOnGarbageSaysWhatIsExpected)
{
    for (const QString &text :
         {QStringLiteral(""), QStringLiteral("garbage"), QStringLiteral("127.0.0.1"),
          QStringLiteral("127.0.0.1:"), QStringLiteral("127.0.0.1:99999"),
          QStringLiteral("127.0.0.1:http"), QStringLiteral(":9642"), QStringLiteral("::1:9642"),
          QStringLiteral("[127.0.0.1]:9642"), QStringLiteral("localhost:9642"),
          QStringLiteral("[::1:9642")}) {
        StatusHttpServer server([] { return QJsonObject(); });
        const Result<bool> result = server.listen(text);
        ASSERT_FALSE(result.ok()) << text.toStdString();
        EXPECT_TRUE(result.error().startsWith(QStringLiteral("cannot listen on ")))
            << result.error().toStdString();
        EXPECT_TRUE(result.error().contains(QStringLiteral("[::1]:9642")))
            << result.error().toStdString();
    }
}

TEST_F(StatusHttpServerTest, ListeningTwiceIsRefused)
{
    EXPECT_FALSE(m_server.listen(QStringLiteral("127.0.0.1:0")).ok());
    const auto reply = get("/status");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 200);
}

TEST(StatusHttpServerIpv6Test, ServesOnIpv6Loopback)
{
    QTcpServer probe;
    // IPv6 loopback is a requirement of the project's tests (the samplers' too): fail loudly.
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHostIPv6, 0)) << "no IPv6 loopback here";
    probe.close();
    StatusHttpServer server([] { return QJsonObject{{QStringLiteral("v6"), true}}; });
    const Result<bool> result = server.listen(QStringLiteral("[::1]:0"));
    ASSERT_TRUE(result.ok()) << result.error().toStdString();
    QTcpSocket socket;
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] { received += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHostIPv6, server.port());
    ASSERT_TRUE(waitUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; }));
    socket.write("GET /status HTTP/1.0\r\n\r\n");
    ASSERT_TRUE(waitUntil([&] { return socket.state() == QAbstractSocket::UnconnectedState; }));
    received += socket.readAll();
    const auto reply = parseReply(received);
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 200);
    EXPECT_TRUE(reply->body.contains("\"v6\": true")) << reply->body.toStdString();
}

} // namespace
} // namespace anycast
