#include "agent/api/ApiServer.h"
#include "agent/bgp/BgpBridgeServer.h"
#include "agent/http/StatusHttpServer.h"
#include "tests/http/HttpTestClient.h"
#include "tests/runtime/QtWarnings.h"

#include <QLocalSocket>
#include <QTemporaryDir>

#include <gtest/gtest.h>

// Each of the agent's servers destroyed while clients are connected, as at every shutdown:
// a client's end must reach nothing of a half-destroyed server (no log line from it, no Qt
// warning, no crash), and every client must see its connection close.
namespace anycast {
namespace {

using namespace test;

class ServerTeardownTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        takeQtWarnings();
    }
    void TearDown() override
    {
        const QStringList warnings = takeQtWarnings();
        EXPECT_TRUE(warnings.isEmpty()) << warnings.join(QLatin1Char('\n')).toStdString();
    }

    // Collects a server's log lines into m_log, for as long as the server lives.
    template <typename Server> void record(Server *server)
    {
        QObject::connect(server, &Server::logLine,
                         [this](const QString &line) { m_log.append(line); });
    }

    static bool waitClosed(QLocalSocket &socket)
    {
        return waitUntil([&socket] { return socket.state() == QLocalSocket::UnconnectedState; });
    }

    QTemporaryDir m_dir;
    QStringList m_log;
};

TEST_F(ServerTeardownTest, BridgeServerWithItsBridgeConnected)
{
    BgpController controller(ExabgpCommands(QStringLiteral("self"), 65001));
    controller.setDesired({{QStringLiteral("192.0.2.1/32"), PrefixState::Announced, {}, {}}});
    const QString path = m_dir.filePath(QStringLiteral("bgp.sock"));
    auto server = std::make_unique<BgpBridgeServer>(path, controller);
    record(server.get());
    ASSERT_TRUE(server->listen(QString()).ok());

    QLocalSocket bridge;
    bridge.connectToServer(path);
    ASSERT_TRUE(waitUntil([&controller] { return controller.connected(); }));
    bridge.write("#bridge hello test on_agent_loss=keep\n");
    ASSERT_TRUE(waitUntil([&controller] { return !controller.bridgeHello().isEmpty(); }));
    ASSERT_TRUE(waitUntil([&bridge] { return bridge.canReadLine(); }))
        << "the desired state never reached the bridge";

    m_log.clear();
    server.reset();
    EXPECT_TRUE(m_log.isEmpty()) << "a server being destroyed reported: "
                                 << m_log.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(waitClosed(bridge));
}

TEST_F(ServerTeardownTest, BridgeServerAfterItsBridgeWasReplaced)
{
    BgpController controller(ExabgpCommands(QStringLiteral("self"), 65001));
    const QString path = m_dir.filePath(QStringLiteral("bgp.sock"));
    auto server = std::make_unique<BgpBridgeServer>(path, controller);
    record(server.get());
    ASSERT_TRUE(server->listen(QString()).ok());
    QLocalSocket first;
    first.connectToServer(path);
    ASSERT_TRUE(waitUntil([&controller] { return controller.connected(); }));
    QLocalSocket second;
    second.connectToServer(path);
    ASSERT_TRUE(waitClosed(first)) << "the old bridge was not dropped";
    server.reset();
    EXPECT_TRUE(waitClosed(second));
}

class NoMethods final : public ApiMethods
{
public:
    Reply call(const QString &, const QJsonObject &, const Caller &) override
    {
        return QJsonValue(QJsonObject());
    }
};

TEST_F(ServerTeardownTest, ApiServerWithSubscribersAndAQuietClient)
{
    NoMethods methods;
    const QString path = m_dir.filePath(QStringLiteral("api.sock"));
    auto server = std::make_unique<ApiServer>(methods, QStringLiteral("root"));
    record(server.get());
    ASSERT_TRUE(server->listen(path, QStringLiteral("root")).ok());

    std::vector<std::unique_ptr<QLocalSocket>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<QLocalSocket>());
        clients.back()->connectToServer(path);
    }
    ASSERT_TRUE(waitUntil([&server] { return server->clientCount() == 3; }));
    for (int i = 0; i < 2; ++i)
        clients[i]->write(R"({"jsonrpc": "2.0", "id": 1, "method": "subscribe"})"
                          "\n");
    ASSERT_TRUE(waitUntil([&server] { return server->hasSubscribers(QStringLiteral("event")); }));
    ASSERT_TRUE(waitUntil([&clients] { return clients[1]->canReadLine(); }));
    server->notify(QStringLiteral("event"), {{QStringLiteral("message"), QStringLiteral("x")}});

    m_log.clear();
    server.reset();
    EXPECT_TRUE(m_log.isEmpty()) << m_log.join(QLatin1Char('\n')).toStdString();
    for (const auto &client : clients)
        EXPECT_TRUE(waitClosed(*client));
}

TEST_F(ServerTeardownTest, StatusServerMidHeadAndMidResponse)
{
    auto server = std::make_unique<StatusHttpServer>([] { return QJsonObject(); });
    record(server.get());
    ASSERT_TRUE(server->listen(QStringLiteral("127.0.0.1:0")).ok());
    TestClient midHead(server->port());
    ASSERT_TRUE(midHead.waitConnected());
    midHead.send("GET /status HTTP/1.1\r\n");
    TestClient idle(server->port(), QHostAddress(QStringLiteral("127.0.0.2")));
    ASSERT_TRUE(idle.waitConnected());
    ASSERT_TRUE(waitUntil([&server] { return server->openConnections() == 2; }));

    m_log.clear();
    server.reset();
    EXPECT_TRUE(m_log.isEmpty()) << m_log.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(midHead.waitClosed(2s));
    EXPECT_TRUE(idle.waitClosed(2s));
}

} // namespace
} // namespace anycast
