#include "app/session/TransportBinding.h"

#include "app/session/NodeSession.h"
#include "app/transport/AgentTransport.h"

namespace anycast {
namespace {

LinkPhase linkPhase(ConnectionPhase phase)
{
    switch (phase) {
    case ConnectionPhase::Idle:
    case ConnectionPhase::Connecting:
        return LinkPhase::Connecting;
    case ConnectionPhase::Connected:
        return LinkPhase::Connected;
    case ConnectionPhase::Reconnecting:
        return LinkPhase::Reconnecting;
    case ConnectionPhase::Unreachable:
        return LinkPhase::Unreachable;
    case ConnectionPhase::HostKeyUnknown:
        return LinkPhase::HostKeyUnknown;
    case ConnectionPhase::HostKeyRefused:
        return LinkPhase::HostKeyRefused;
    case ConnectionPhase::PermissionDenied:
        return LinkPhase::PermissionDenied;
    case ConnectionPhase::AgentSocketUnreachable:
        return LinkPhase::AgentSocketUnreachable;
    }
    return LinkPhase::Connecting;
}

} // namespace

TransportBinding::TransportBinding(AgentTransport *transport, NodeSession *session, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_session(session)
{
    connect(transport, &AgentTransport::stateChanged, this, &TransportBinding::onStateChanged);
    connect(transport, &AgentTransport::connected, this, &TransportBinding::onConnected);
    m_session->setDeadHandler([this](const QString &reason) {
        if (m_transport)
            m_transport->declareDead(reason);
    });
    m_sessionLink = connect(session, &NodeSession::linkChanged, this,
                            [this](const QString &, const LinkStatus &link) {
                                if (link.phase != LinkPhase::ProtocolMismatch || !m_transport)
                                    return;
                                // Not from inside the session's read of the stream.
                                m_gaveUp = true;
                                QMetaObject::invokeMethod(
                                    this,
                                    [this] {
                                        if (m_transport && m_gaveUp)
                                            m_transport->stop();
                                    },
                                    Qt::QueuedConnection);
                            });
    const NodeSession::Timings &timings = session->timings();
    transport->setLivenessProbe(
        [session = QPointer<NodeSession>(session)] {
            if (session)
                session->ping();
        },
        timings.livenessInterval, timings.livenessDeadline);
    if (transport->state().phase == ConnectionPhase::Connected)
        onConnected();
    else
        onStateChanged(transport->state());
}

TransportBinding::~TransportBinding()
{
    m_session->setDeadHandler({});
    disconnect(m_sessionLink);
}

LinkStatus TransportBinding::linkStatus(const ConnectionState &state)
{
    LinkStatus link;
    link.phase = linkPhase(state.phase);
    link.reason = state.reason;
    if (link.reason.isEmpty() && state.phase == ConnectionPhase::HostKeyUnknown)
        link.reason = state.hostKey.describe();
    if (link.reason.isEmpty() && state.phase == ConnectionPhase::Idle)
        link.reason = QStringLiteral("not connected");
    link.retryAt = state.retryAt;
    return link;
}

void TransportBinding::onStateChanged(const ConnectionState &state)
{
    // Connected is handled by connected(), which follows with the stream open.
    if (state.phase == ConnectionPhase::Connected)
        return;
    if (m_gaveUp) {
        if (state.phase == ConnectionPhase::Idle)
            return; // our own stop(): the session keeps saying why
        m_gaveUp = false;
    }
    m_session->detach(linkStatus(state));
}

void TransportBinding::onConnected()
{
    m_gaveUp = false;
    if (m_transport && m_transport->device())
        m_session->attach(m_transport->device());
}

} // namespace anycast
