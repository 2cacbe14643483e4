#pragma once

#include "app/transport/SshDestination.h"

#include <QList>
#include <QString>

namespace anycast {

// The agent socket path an inventory node uses when it names none.
inline constexpr char kDefaultAgentSocket[] = "/run/anycast-agent/api.sock";

// One agent the console connects to: through sshd (direct-streamlocal to `socket`) or, for
// an agent on this machine, straight to its Unix socket. Name, region and location are
// not here: the agent says them in `hello`.
struct InventoryNode
{
    enum class Kind
    {
        Ssh,
        Local
    };

    Kind kind = Kind::Ssh;
    SshDestination ssh; // Kind::Ssh
    QString sshConfig;  // Kind::Ssh: the inventory's ssh_config file, empty for the defaults
    QString socket;     // Kind::Ssh: the agent socket on the remote host; Kind::Local: the path
    int line = 0;       // where the node starts in the file, for messages

    // Equal for two nodes that reach the same agent the same way; what duplicates and
    // inventory diffs compare.
    QString endpoint() const;
    // What a person reads: "noc@fra-1.example.net:22" or "local /run/anycast-agent/api.sock".
    QString displayName() const;
};

struct Inventory
{
    QString path;      // the file it was read from
    QString sshConfig; // absolute, or empty: libssh's defaults (~/.ssh/config, /etc/ssh/ssh_config)
    QList<InventoryNode> nodes;
};

} // namespace anycast
