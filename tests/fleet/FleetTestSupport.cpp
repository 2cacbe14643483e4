#include "tests/fleet/FleetTestSupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTimer>

#include <gtest/gtest.h>

namespace anycast::fleettest {

bool waitUntil(const std::function<bool()> &done, std::chrono::milliseconds limit)
{
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    while (!done()) {
        if (clock.elapsed() >= limit.count())
            return false;
        QTimer::singleShot(5ms, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void runFor(std::chrono::milliseconds duration, const std::function<void()> &each)
{
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    while (clock.elapsed() < duration.count()) {
        QTimer::singleShot(5ms, &loop, &QEventLoop::quit);
        loop.exec();
        if (each)
            each();
    }
}

AgentStatus peerStatus(const QString &node, const QMap<QString, QString> &routes,
                       std::optional<bool> probeOk)
{
    ServiceStatus service;
    service.name = QStringLiteral("https");
    service.health = HealthLabel{false, ServiceHealth::Healthy};
    for (auto it = routes.cbegin(); it != routes.cend(); ++it) {
        PrefixDecision route;
        route.prefix = it.key();
        route.state = prefixStateFromName(it.value()).value();
        route.reason = QStringLiteral("test");
        service.routes.append(route);
    }
    if (probeOk)
        service.probe = ProbeStatus{*probeOk, QStringLiteral("test")};
    AgentStatus status;
    status.node = node;
    status.region = QStringLiteral("region-") + node;
    status.version = QStringLiteral("0.1.0");
    status.sampler = QStringLiteral("netlink");
    status.services = {service};
    status.bgp.bridgeConnected = true;
    return status;
}

QJsonObject peerStatusJson(const QString &node, const QMap<QString, QString> &routes,
                           std::optional<bool> probeOk)
{
    return peerStatus(node, routes, probeOk).toJson();
}

RawPeer::RawPeer(QByteArray response)
    : m_response(std::move(response))
{
    EXPECT_TRUE(m_server.listen(QHostAddress::LocalHost, 0))
        << m_server.errorString().toStdString();
    QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++m_accepted;
            // Owned by the server: the connection stays open for as long as the peer lives.
            socket->setParent(&m_server);
            if (m_response.isEmpty())
                continue;
            // Answers once the whole request head is in, as a real server would.
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                if (socket->property("answered").toBool())
                    return;
                const QByteArray head = socket->peek(64 * 1024);
                if (!head.contains("\r\n\r\n"))
                    return;
                socket->setProperty("answered", true);
                socket->readAll();
                socket->write(m_response);
            });
        }
    });
}

quint16 closedPort()
{
    QTcpServer server;
    EXPECT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace anycast::fleettest
