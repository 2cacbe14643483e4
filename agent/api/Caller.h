#pragma once

#include "common/protocol/HelloReply.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <sys/types.h>

namespace anycast {

// Who is on the other end of an API connection, as the kernel says (SO_PEERCRED and
// SO_PEERGROUPS at connect time), and what that allows.
struct Caller
{
    uid_t uid = static_cast<uid_t>(-1);
    gid_t gid = static_cast<gid_t>(-1);
    pid_t pid = 0;
    QString user;        // the uid's name, or the number when it has none
    QList<gid_t> groups; // primary and supplementary
    bool mayMutate = false;

    // As `hello` reports it: group names, rights ["read"] or ["read", "mutate"].
    CallerInfo info() const;
};

} // namespace anycast
