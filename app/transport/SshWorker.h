#pragma once

#include "app/transport/SshLink.h"
#include "app/transport/SshTarget.h"

#include <QString>

#include <libssh/libssh.h>
#include <memory>

namespace anycast {

class SshNetworkCore;
class SshSession;

// One connection attempt to one agent, on its own network thread: opens the session
// (SshSessionSetup), then the direct-streamlocal channel to the agent's socket, then moves
// bytes between that channel and the link until the stream ends or the transport cancels.
// Everything it learns goes to the transport through the link.
class SshWorker
{
public:
    SshWorker(std::shared_ptr<SshNetworkCore> core, std::shared_ptr<SshLink> link, SshTarget target,
              QString socketPath);

    void run();

private:
    // Until the stream ends; returns why (empty when cancelled).
    QString pump(SshSession &session, ssh_channel channel);

    std::shared_ptr<SshNetworkCore> m_core;
    std::shared_ptr<SshLink> m_link;
    SshTarget m_target;
    QString m_socketPath;
};

} // namespace anycast
