#include "agent/api/PeerCredentials.h"

#include <QJsonArray>

#include <cerrno>
#include <cstring>
#include <grp.h>
#include <optional>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace anycast {
namespace {

QString systemError(const char *what)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what),
                                        QString::fromLocal8Bit(std::strerror(errno)));
}

long bufferSize(int name)
{
    const long size = sysconf(name);
    return size > 0 ? size : 16384;
}

QList<gid_t> databaseGroups(uid_t uid, gid_t gid)
{
    std::vector<char> buffer(static_cast<size_t>(bufferSize(_SC_GETPW_R_SIZE_MAX)));
    passwd entry{};
    passwd *found = nullptr;
    if (getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) != 0 || !found)
        return {gid};
    int count = 64;
    std::vector<gid_t> groups(static_cast<size_t>(count));
    if (getgrouplist(found->pw_name, gid, groups.data(), &count) < 0) {
        groups.resize(static_cast<size_t>(count));
        if (getgrouplist(found->pw_name, gid, groups.data(), &count) < 0)
            return {gid};
    }
    return QList<gid_t>(groups.begin(), groups.begin() + count);
}

std::optional<QList<gid_t>> kernelGroups(int socketDescriptor, gid_t gid)
{
    std::vector<gid_t> groups(64);
    socklen_t length = static_cast<socklen_t>(groups.size() * sizeof(gid_t));
    if (getsockopt(socketDescriptor, SOL_SOCKET, SO_PEERGROUPS, groups.data(), &length) != 0) {
        if (errno != ERANGE)
            return std::nullopt;
        groups.resize(length / sizeof(gid_t));
        if (getsockopt(socketDescriptor, SOL_SOCKET, SO_PEERGROUPS, groups.data(), &length) != 0)
            return std::nullopt;
    }
    QList<gid_t> result{gid};
    for (size_t i = 0; i < length / sizeof(gid_t); ++i) {
        if (!result.contains(groups[i]))
            result.append(groups[i]);
    }
    return result;
}

} // namespace

QString userName(uid_t uid)
{
    std::vector<char> buffer(static_cast<size_t>(bufferSize(_SC_GETPW_R_SIZE_MAX)));
    passwd entry{};
    passwd *found = nullptr;
    if (getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) != 0 || !found)
        return QString::number(uid);
    return QString::fromLocal8Bit(found->pw_name);
}

QString groupName(gid_t gid)
{
    std::vector<char> buffer(static_cast<size_t>(bufferSize(_SC_GETGR_R_SIZE_MAX)));
    group entry{};
    group *found = nullptr;
    if (getgrgid_r(gid, &entry, buffer.data(), buffer.size(), &found) != 0 || !found)
        return QString::number(gid);
    return QString::fromLocal8Bit(found->gr_name);
}

Result<gid_t> groupId(const QString &name)
{
    std::vector<char> buffer(static_cast<size_t>(bufferSize(_SC_GETGR_R_SIZE_MAX)));
    group entry{};
    group *found = nullptr;
    const QByteArray encoded = name.toLocal8Bit();
    const int error = getgrnam_r(encoded.constData(), &entry, buffer.data(), buffer.size(), &found);
    if (error != 0 || !found)
        return Result<gid_t>::failure(QStringLiteral("no group named '%1'").arg(name));
    return Result<gid_t>::success(found->gr_gid);
}

Result<Caller> readPeerCredentials(int socketDescriptor)
{
    ucred credentials{};
    socklen_t length = sizeof(credentials);
    if (getsockopt(socketDescriptor, SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0)
        return Result<Caller>::failure(systemError("SO_PEERCRED"));
    Caller caller;
    caller.uid = credentials.uid;
    caller.gid = credentials.gid;
    caller.pid = credentials.pid;
    caller.user = userName(credentials.uid);
    caller.groups = kernelGroups(socketDescriptor, credentials.gid)
                        .value_or(databaseGroups(credentials.uid, credentials.gid));
    return Result<Caller>::success(caller);
}

bool mayMutate(const Caller &caller, const QString &operatorsGroup)
{
    if (caller.uid == 0)
        return true;
    const auto operators = groupId(operatorsGroup);
    return operators && caller.groups.contains(operators.value());
}

CallerInfo Caller::info() const
{
    CallerInfo info;
    info.uid = uid;
    info.gid = gid;
    info.pid = static_cast<quint64>(pid);
    info.user = user;
    for (const gid_t group : groups)
        info.groups.append(groupName(group));
    info.rights = {QStringLiteral("read")};
    if (mayMutate)
        info.rights.append(QStringLiteral("mutate"));
    return info;
}

} // namespace anycast
