#include "app/transport/LocalTransport.h"

namespace anycast {

LocalTransport::LocalTransport(QString socketPath, QObject *parent)
    : AgentTransport(parent)
    , m_path(std::move(socketPath))
{
    connect(&m_socket, &QLocalSocket::connected, this, [this] { reportConnected(); });
    connect(&m_socket, &QLocalSocket::errorOccurred, this, &LocalTransport::onError);
    connect(&m_socket, &QLocalSocket::disconnected, this, &LocalTransport::onDisconnected);
}

LocalTransport::~LocalTransport()
{
    m_closing = true;
    m_socket.abort();
}

QString LocalTransport::endpoint() const
{
    return QStringLiteral("local %1").arg(m_path);
}

void LocalTransport::openConnection()
{
    m_closing = false;
    m_socket.connectToServer(m_path, QIODevice::ReadWrite);
}

void LocalTransport::closeConnection()
{
    m_closing = true;
    m_socket.abort();
    m_closing = false;
}

void LocalTransport::onError(QLocalSocket::LocalSocketError error)
{
    if (m_closing)
        return;
    if (state().phase == ConnectionPhase::Connected) {
        if (error == QLocalSocket::PeerClosedError)
            return; // disconnected() follows
        m_closing = true;
        m_socket.abort();
        m_closing = false;
        reportLost(
            QStringLiteral("the connection to %1 failed: %2").arg(m_path, m_socket.errorString()));
        return;
    }
    const QString why = m_socket.errorString();
    m_closing = true;
    m_socket.abort();
    m_closing = false;
    if (error == QLocalSocket::SocketAccessError) {
        // The socket is there but closed to this user (the agent's api_group).
        reportFailed(
            ConnectionPhase::PermissionDenied,
            QStringLiteral("the agent socket %1 is closed to this user: %2").arg(m_path, why),
            true);
        return;
    }
    reportFailed(ConnectionPhase::AgentSocketUnreachable,
                 QStringLiteral("cannot reach the agent socket %1: %2").arg(m_path, why), true);
}

void LocalTransport::onDisconnected()
{
    if (m_closing || state().phase != ConnectionPhase::Connected)
        return;
    reportLost(QStringLiteral("the agent closed the connection"));
}

} // namespace anycast
