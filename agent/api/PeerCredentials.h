#pragma once

#include "agent/api/Caller.h"
#include "common/Result.h"

namespace anycast {

// Reads the identity of the process at the other end of a connected Unix socket. Identity
// comes from the kernel, never from anything the client says: SO_PEERCRED for uid/gid/pid
// and SO_PEERGROUPS (Linux 4.13) for the supplementary groups the process really holds; on
// kernels without SO_PEERGROUPS, the user's groups from the group database.
Result<Caller> readPeerCredentials(int socketDescriptor);

// Root, or a member of `operatorsGroup` (by name). A group that does not exist grants
// nothing: a typo in the config must not open drains to everyone.
bool mayMutate(const Caller &caller, const QString &operatorsGroup);

// The gid of a group name, for chgrp of the API socket.
Result<gid_t> groupId(const QString &name);
QString groupName(gid_t gid);
QString userName(uid_t uid);

} // namespace anycast
