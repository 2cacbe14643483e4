#include "agent/bgp/BgpBridgeServer.h"

#include <QLocalSocket>

#include <chrono>

namespace anycast {

BgpBridgeServer::BgpBridgeServer(QString path, BgpController &controller, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_controller(controller)
{
    connect(&m_server, &QLocalServer::newConnection, this, &BgpBridgeServer::onNewConnection);
    // Backed-off retries come due without any other event to trigger a flush.
    m_retryTimer.setInterval(250);
    connect(&m_retryTimer, &QTimer::timeout, this, &BgpBridgeServer::flush);
}

BgpBridgeServer::~BgpBridgeServer()
{
    close();
}

void BgpBridgeServer::close()
{
    m_retryTimer.stop();
    if (m_bridge) {
        QLocalSocket *bridge = m_bridge;
        releaseBridge();
        delete bridge;
    }
    m_server.close();
}

void BgpBridgeServer::releaseBridge()
{
    m_bridge->disconnect(this);
    m_bridge->abort();
    m_bridge = nullptr;
    m_partial.clear();
    m_discarding = false;
}

Result<SocketAccess> BgpBridgeServer::listen(const QString &group)
{
    auto access = listenForGroup(m_server, m_path, group);
    if (!access)
        return access;
    if (!access->warning.isEmpty()) {
        emit logLine(QStringLiteral("bgp: WARNING: bgp_group: %1, so %2 stays owner-only: the "
                                    "ExaBGP bridge can connect only as root or the agent's own "
                                    "user, and routes are not sent until it does")
                         .arg(access->warning, m_path));
    }
    m_retryTimer.start();
    return access;
}

void BgpBridgeServer::onNewConnection()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        if (m_bridge) {
            emit logLine(QStringLiteral("bgp: a new bridge connected; dropping the old one"));
            QLocalSocket *old = m_bridge;
            releaseBridge();
            old->deleteLater();
        }
        // Ours from here on: the listener deletes only the connections nobody took.
        socket->setParent(this);
        socket->setReadBufferSize(kReadBufferBytes);
        m_bridge = socket;
        connect(socket, &QLocalSocket::readyRead, this, &BgpBridgeServer::onReadyRead);
        connect(socket, &QLocalSocket::disconnected, this, &BgpBridgeServer::onDisconnected);
        m_controller.onConnected();
        emit logLine(QStringLiteral("bgp: bridge connected; sending the whole desired state"));
        flush();
    }
}

void BgpBridgeServer::onDisconnected()
{
    if (!m_bridge || sender() != m_bridge)
        return;
    QLocalSocket *gone = m_bridge;
    releaseBridge();
    gone->deleteLater(); // it is still inside its own signal
    m_controller.onDisconnected();
    emit logLine(QStringLiteral("bgp: bridge disconnected"));
}

void BgpBridgeServer::onReadyRead()
{
    if (!m_bridge)
        return;
    m_partial += m_bridge->readAll();
    const SteadyTime now = steadyNow();
    qsizetype start = 0;
    for (qsizetype newline; (newline = m_partial.indexOf('\n', start)) >= 0; start = newline + 1) {
        if (m_discarding) {
            m_discarding = false; // the end of an oversize line
            continue;
        }
        const QString line = QString::fromUtf8(m_partial.constData() + start, newline - start);
        logOutcome(m_controller.onLine(line, now));
    }
    m_partial.remove(0, start);
    if (m_partial.size() > kMaxLine) {
        emit logLine(
            QStringLiteral("bgp: bridge sent a line over %1 bytes; ignored").arg(kMaxLine));
        m_partial.clear();
        m_discarding = true;
    }
    flush();
}

void BgpBridgeServer::logOutcome(const BgpController::LineOutcome &outcome)
{
    using Kind = BgpController::LineOutcome::Kind;
    switch (outcome.kind) {
    case Kind::BridgeHello:
        emit logLine(QStringLiteral("bgp: bridge says: %1").arg(outcome.detail));
        return;
    case Kind::Rejected:
        emit logLine(QStringLiteral("bgp: ExaBGP rejected '%1'; retrying with back-off")
                         .arg(outcome.detail));
        return;
    case Kind::NeighborState:
        emit logLine(QStringLiteral("bgp: neighbor %1").arg(outcome.detail));
        return;
    case Kind::NeighborRefused:
    case Kind::NotFromBridge:
        // ExaBGP's side can repeat these at will: at most one line per interval.
        if (const auto heldBack = m_refusedLog.admit(steadyNow())) {
            const QString what = outcome.kind == Kind::NotFromBridge
                                     ? QStringLiteral("ignored a line from ExaBGP's side: %1")
                                     : QStringLiteral("ignored a neighbor event: %1");
            emit logLine(QStringLiteral("bgp: %1 (and %2 more ignored since the last such line)")
                             .arg(what.arg(outcome.detail))
                             .arg(*heldBack));
        }
        return;
    case Kind::Ignored:
    case Kind::Acknowledged:
        return;
    }
}

void BgpBridgeServer::flush()
{
    if (!m_bridge)
        return;
    const QStringList commands = m_controller.takeCommands(steadyNow());
    for (const QString &command : commands) {
        m_bridge->write(command.toUtf8() + '\n');
        emit logLine(QStringLiteral("bgp: -> %1").arg(command));
    }
    if (m_bridge->bytesToWrite() > kMaxPendingBytes) {
        emit logLine(QStringLiteral("bgp: the bridge is not reading; dropping it"));
        m_bridge->abort();
    }
}

} // namespace anycast
