#include "agent/api/SocketAccess.h"

#include "agent/api/PeerCredentials.h"
#include "agent/support/UnixSocketPath.h"

#include <QFile>
#include <QLocalServer>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace anycast {
namespace {

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

Result<SocketAccess> ownerOnly(const QByteArray &path, const QString &warning)
{
    if (::chmod(path.constData(), 0600) != 0) {
        return Result<SocketAccess>::failure(QStringLiteral("cannot make %1 owner-only: %2")
                                                 .arg(QFile::decodeName(path), systemError()));
    }
    return Result<SocketAccess>::success({QStringLiteral("owner only, mode 0600"), warning, false});
}

} // namespace

Result<SocketAccess> grantGroupAccess(const QString &path, const QString &group)
{
    const QByteArray encoded = QFile::encodeName(path);
    gid_t gid = ::getegid();
    if (!group.isEmpty()) {
        const auto found = groupId(group);
        if (!found) {
            return ownerOnly(encoded,
                             QStringLiteral("group '%1' does not exist on this host").arg(group));
        }
        gid = found.value();
    }
    // chown only when needed: a socket that already has the group needs no chown(2) call.
    struct stat info
    {};
    if (::stat(encoded.constData(), &info) != 0) {
        return Result<SocketAccess>::failure(
            QStringLiteral("cannot read %1: %2").arg(path, systemError()));
    }
    if (info.st_gid != gid && ::chown(encoded.constData(), static_cast<uid_t>(-1), gid) != 0) {
        return ownerOnly(
            encoded, QStringLiteral("cannot give the socket to group '%1': %2 (the agent's user "
                                    "must be a member)")
                         .arg(group, systemError()));
    }
    if (::chmod(encoded.constData(), 0660) != 0) {
        return Result<SocketAccess>::failure(
            QStringLiteral("cannot set mode 0660 on %1: %2").arg(path, systemError()));
    }
    return Result<SocketAccess>::success(
        {QStringLiteral("mode 0660, group %1").arg(groupName(gid)), QString(), true});
}

Result<SocketAccess> listenForGroup(QLocalServer &server, const QString &path, const QString &group)
{
    if (const auto prepared = prepareUnixSocketPath(path); !prepared)
        return Result<SocketAccess>::failure(prepared.error());
    server.setSocketOptions(QLocalServer::UserAccessOption);
    if (!server.listen(path)) {
        return Result<SocketAccess>::failure(
            QStringLiteral("cannot listen on %1: %2").arg(path, server.errorString()));
    }
    auto access = grantGroupAccess(path, group);
    if (!access)
        server.close();
    return access;
}

} // namespace anycast
