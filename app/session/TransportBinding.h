#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>

namespace anycast {

class AgentTransport;
class NodeSession;
struct ConnectionState;
struct LinkStatus;

// Joins one transport to one session: the transport's open stream is attached when it
// reaches Connected and detached, with the transport's words for why, when it leaves it;
// the session's liveness ping is the transport's probe, and a session that finds the link
// dead says so to the transport, which closes and reconnects with its back-off. One
// mechanism for liveness and reconnects, the transport's. A protocol version mismatch stops
// the transport: reconnecting cannot help until one side is upgraded.
class TransportBinding final : public QObject
{
    Q_OBJECT

public:
    // Neither is owned; the transport may be destroyed first (the inventory dropped the node).
    TransportBinding(AgentTransport *transport, NodeSession *session, QObject *parent = nullptr);
    ~TransportBinding() override;

    // What the fleet tree shows for a transport state (the session adds greeting and
    // version mismatch).
    static LinkStatus linkStatus(const ConnectionState &state);

private:
    void onStateChanged(const ConnectionState &state);
    void onConnected();

    QPointer<AgentTransport> m_transport;
    NodeSession *m_session;
    QMetaObject::Connection m_sessionLink;
    bool m_gaveUp = false;
};

} // namespace anycast
