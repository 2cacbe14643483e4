#pragma once

#include "app/transport/CancelToken.h"
#include "app/transport/SshSessionSetup.h"
#include "app/transport/SshTarget.h"

#include <memory>

namespace anycast {

class SshNetworkCore;

// One SSH session to a jump host (ProxyJump), shared by every node behind it, on a network
// thread of its own. Each node asks for a tunnel: the jump host opens a direct-tcpip channel
// to the node's sshd and relays it to one end of a socketpair; the node's own session runs
// over the other end (SSH_OPTIONS_FD), so its host key and authentication are checked end to
// end like a direct connection's. The session ends when the last node lets go of it.
class JumpHost
{
public:
    explicit JumpHost(SshTarget hop);
    ~JumpHost();
    JumpHost(const JumpHost &) = delete;
    JumpHost &operator=(const JumpHost &) = delete;

    void launch(const std::shared_ptr<SshNetworkCore> &core);
    // A failed jump host is not handed out again; the next node starts a new one.
    bool hasFailed() const;

    struct TunnelOutcome
    {
        int socket = -1; // the caller's end of the tunnel, or -1 and the failure
        SshFailure failure;
    };
    // Blocks the calling network thread until the tunnel is open, the jump host fails or
    // `requester` is cancelled.
    TunnelOutcome openTunnel(const QString &host, quint16 port,
                             const std::shared_ptr<CancelToken> &requester);

    struct Shared;

private:
    std::shared_ptr<Shared> m_shared;
};

} // namespace anycast
