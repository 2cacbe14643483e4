#pragma once

#include "common/Result.h"

#include <QString>

class QLocalServer;

namespace anycast {

// Who may connect to one of the agent's listening Unix sockets, for the log.
struct SocketAccess
{
    QString description; // "mode 0660, group anycast-ops" or "owner only, mode 0600"
    QString warning;     // why the group could not be given; empty when it was
    bool groupGiven = false;
};

// Opens the socket at `path`, created owner-only, to `group`: mode 0660 and that group
// (empty: the agent's own group). A group that does not exist on this host, or that the agent
// may not give the socket to (it is not a member), leaves the socket owner-only (mode 0600):
// never wider than asked, and root and the agent's own user can still connect, so an operator
// is never locked out by a group name. Fails only when not even that mode can be set.
Result<SocketAccess> grantGroupAccess(const QString &path, const QString &group);

// `server` listening at `path` (made ready by prepareUnixSocketPath), created owner-only so
// that no one slips in before grantGroupAccess opens it to `group`. Closed again on failure.
Result<SocketAccess> listenForGroup(QLocalServer &server, const QString &path,
                                    const QString &group);

} // namespace anycast
