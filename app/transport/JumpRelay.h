#pragma once

#include "app/transport/CancelToken.h"
#include "app/transport/SshSessionSetup.h"

#include <QByteArray>
#include <QString>

#include <deque>
#include <functional>
#include <list>
#include <memory>

namespace anycast {

class SshSession;

// The answer to one node's request for a tunnel, filled in by the jump host's thread.
struct TunnelResult
{
    ~TunnelResult();
    bool done = false;
    int socket = -1; // closed here unless the requester took it
    SshFailure failure;
};

class TunnelRequest
{
public:
    TunnelRequest(QString host, quint16 port, std::shared_ptr<CancelToken> requester);

    const QString &host() const { return m_host; }
    quint16 port() const { return m_port; }
    std::shared_ptr<TunnelResult> result() const { return m_result; }
    bool abandoned() const { return m_requester->isCancelled(); }
    // Hands the socket (or -1 and why not) to the waiting requester.
    void complete(int socket, const SshFailure &failure);

private:
    QString m_host;
    quint16 m_port;
    std::shared_ptr<CancelToken> m_requester;
    std::shared_ptr<TunnelResult> m_result;
};

// The jump host thread's loop over its non-blocking session: opens direct-tcpip channels
// as nodes ask for them and copies bytes between each channel and its socketpair, in both
// directions, with bounded buffers (a full side stops reading the other). One poll() waits
// for the session's socket, every tunnel's socket and the wake descriptor.
class JumpRelay
{
public:
    using TakeRequests = std::function<std::deque<TunnelRequest>()>;

    JumpRelay(SshSession &session, CancelToken &control, TakeRequests takeRequests);
    ~JumpRelay();
    JumpRelay(const JumpRelay &) = delete;
    JumpRelay &operator=(const JumpRelay &) = delete;

    // Until cancelled or the session ends; returns why it ended.
    QString run();

private:
    struct Tunnel;

    void acceptRequests();
    bool advanceOpen(Tunnel &tunnel);
    bool pump(Tunnel &tunnel);
    void close(Tunnel &tunnel);

    SshSession &m_session;
    CancelToken &m_control;
    TakeRequests m_takeRequests;
    std::list<std::unique_ptr<Tunnel>> m_tunnels;
};

} // namespace anycast
