#pragma once

#include "app/transport/SshDestination.h"
#include "common/Result.h"

#include <QList>
#include <QString>

namespace anycast {

// How a host is reached according to its ssh_config. libssh 0.10 turns `ProxyJump` into a
// ProxyCommand that runs the ssh binary, which does not see the console's own ssh_config and
// whose errors go nowhere; the console makes the hops itself instead. This reads that
// generated command back (the form libssh writes: `ssh [-l U] [-p P] [-J NEXT] -W
// '[%h]:%p' HOST`) into the list of jump hosts.
struct ProxyRoute
{
    enum class Kind
    {
        Direct,
        Jump,
        Command
    };

    Kind kind = Kind::Direct;
    QList<SshDestination> hops; // Kind::Jump: in order, the first is dialled directly
    QString command;            // Kind::Command: a ProxyCommand the console does not run

    // `proxyCommand` as libssh holds it after ssh_options_parse_config (empty: none).
    static Result<ProxyRoute> fromProxyCommand(const QString &proxyCommand);
};

} // namespace anycast
