#pragma once

#include "app/transport/SshDestination.h"

#include <QList>
#include <QString>

#include <optional>

namespace anycast {

// What one SSH session connects to, before ssh_config is applied.
struct SshTarget
{
    SshDestination destination;
    QString sshConfig; // empty: ~/.ssh/config and /etc/ssh/ssh_config, as ssh does
    // Set for a jump host reached through earlier hops of a ProxyJump list (as ssh -J does,
    // the list wins over the hop's own ProxyJump); unset: ssh_config decides.
    std::optional<QList<SshDestination>> via;
    int depth = 0;           // jump hosts between the console and this host
    bool isJumpHost = false; // for messages

    // The same host through the same config and hops: one jump host session serves all.
    QString key() const;
};

} // namespace anycast
