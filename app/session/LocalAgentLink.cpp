#include "LocalAgentLink.h"

#include "NodeSession.h"

namespace anycast {

LocalAgentLink::LocalAgentLink(QString socketPath, NodeSession *session, QObject *parent)
    : QObject(parent)
    , m_socketPath(std::move(socketPath))
    , m_session(session)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &LocalAgentLink::connectNow);
    connect(&m_socket, &QLocalSocket::connected, this, &LocalAgentLink::onConnected);
    connect(&m_socket, &QLocalSocket::disconnected, this,
            [this] { onLost(QStringLiteral("the agent closed the connection")); });
    connect(&m_socket, &QLocalSocket::errorOccurred, this,
            [this](QLocalSocket::LocalSocketError) { onLost(m_socket.errorString()); });
    m_session->setDeadHandler(
        [this](const QString &why) { closeAndRetry(LinkPhase::Reconnecting, why); });
}

LocalAgentLink::~LocalAgentLink()
{
    m_running = false;
    m_session->setDeadHandler({});
    m_socket.disconnect(this);
    abortQuietly();
}

void LocalAgentLink::start()
{
    m_running = true;
    m_nextRetry = m_firstRetry;
    connectNow();
}

void LocalAgentLink::stop()
{
    m_running = false;
    m_retryTimer.stop();
    if (m_attached) {
        m_attached = false;
        m_session->detach(LinkStatus{LinkPhase::Reconnecting, QStringLiteral("stopped"), {}});
    }
    abortQuietly();
}

void LocalAgentLink::connectNow()
{
    if (!m_running)
        return;
    m_session->setTransportStatus(LinkStatus{LinkPhase::Connecting, m_socketPath, {}});
    abortQuietly();
    m_socket.connectToServer(m_socketPath);
}

void LocalAgentLink::onConnected()
{
    m_nextRetry = m_firstRetry;
    m_attached = true;
    m_session->attach(&m_socket);
}

void LocalAgentLink::onError(QLocalSocket::LocalSocketError error)
{
    if (m_attached) {
        onLost(tr("the connection to the agent broke: %1").arg(m_socket.errorString()));
        return;
    }
    switch (error) {
    case QLocalSocket::ServerNotFoundError:
        onLost(tr("no agent socket at %1 (is the agent running?)").arg(m_socketPath));
        break;
    case QLocalSocket::ConnectionRefusedError:
        onLost(tr("nothing listens on %1 (the agent is not running)").arg(m_socketPath));
        break;
    case QLocalSocket::SocketAccessError:
        m_refused = true;
        onLost(tr("%1 is closed to this user (the agent's api_group)").arg(m_socketPath));
        break;
    default:
        onLost(m_socket.errorString());
        break;
    }
}

void LocalAgentLink::onLost(const QString &why)
{
    if (!m_running || m_aborting || m_retryTimer.isActive())
        return;
    LinkPhase phase = m_attached ? LinkPhase::Reconnecting : LinkPhase::AgentSocketUnreachable;
    if (m_refused)
        phase = LinkPhase::PermissionDenied;
    m_refused = false;
    closeAndRetry(phase, why);
}

void LocalAgentLink::abortQuietly()
{
    // abort() reports the disconnect synchronously; that is our own doing, not a loss.
    m_aborting = true;
    m_socket.abort();
    m_aborting = false;
}

void LocalAgentLink::closeAndRetry(LinkPhase phase, const QString &why)
{
    m_attached = false;
    abortQuietly();
    if (!m_running)
        return;
    const auto delay = m_nextRetry;
    m_nextRetry = std::min(m_nextRetry * 2, kLongestRetry);
    m_session->detach(LinkStatus{phase, why, LinkStatus::Clock::now() + delay});
    m_retryTimer.start(delay);
}

} // namespace anycast
