#pragma once

#include "common/Result.h"

#include <QString>

namespace anycast {

// Where an inventory node's sshd is: `user@host[:port]`, `host[:port]` or an ssh_config Host
// alias. User and port are optional; what is missing comes from ssh_config, then from
// libssh's defaults (the local user, port 22).
struct SshDestination
{
    QString user;     // empty: from ssh_config or the local user
    QString host;     // a host name, an address (IPv6 without brackets) or a Host alias
    quint16 port = 0; // 0: from ssh_config or 22

    // Strict: a user of [A-Za-z0-9._-], a host name, IPv4 address, [IPv6] address or alias,
    // and a port of 1 to 65535 without leading zeros. The error says what is wrong.
    static Result<SshDestination> parse(const QString &text);

    // The form parse() reads, with the host in lower case: two spellings of one endpoint
    // ("Noc@FRA-1" and "noc@fra-1") give the same text.
    QString toString() const;
    friend bool operator==(const SshDestination &, const SshDestination &) = default;
};

} // namespace anycast
