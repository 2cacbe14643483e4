#include "agent/anycastctl/AgentConnector.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace anycast {
namespace {

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(static_cast<double>(duration.count()) / 1000.0, 'g', 6);
}

// EACCES on connect: the socket's mode or a folder on the way. Naming the socket's group
// tells the user what to ask for.
QString permissionMessage(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        return QStringLiteral("permission denied on %1: a folder above it is closed to you (%2)")
            .arg(path, systemError(errno));
    }
    const group *entry = ::getgrgid(info.st_gid);
    const QString name = entry ? QString::fromLocal8Bit(entry->gr_name)
                               : QString::number(static_cast<qulonglong>(info.st_gid));
    return QStringLiteral("permission denied on %1: you must be in group %2").arg(path, name);
}

ConnectError connectError(int error, const QString &path, std::chrono::milliseconds timeout)
{
    switch (error) {
    case ENOENT:
    case ENOTDIR:
        return {ConnectFailure::NotRunning,
                QStringLiteral("the agent is not running (no socket at %1)").arg(path)};
    case ECONNREFUSED:
        return {ConnectFailure::Refused,
                QStringLiteral("the agent refused the connection at %1: is anycast-agent running?")
                    .arg(path)};
    case EACCES:
    case EPERM:
        return {ConnectFailure::PermissionDenied, permissionMessage(path)};
    case EAGAIN:
    case EINPROGRESS:
        return {ConnectFailure::Timeout,
                QStringLiteral("the agent at %1 did not accept the connection within %2 s")
                    .arg(path, seconds(timeout))};
    default:
        return {ConnectFailure::System,
                QStringLiteral("cannot connect to %1: %2").arg(path, systemError(error))};
    }
}

} // namespace

std::variant<int, ConnectError> AgentConnector::connect(const QString &path,
                                                        std::chrono::milliseconds timeout)
{
    const QByteArray encoded = QFile::encodeName(path);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    if (encoded.isEmpty() || static_cast<size_t>(encoded.size()) >= sizeof(address.sun_path)) {
        return ConnectError{ConnectFailure::System,
                            QStringLiteral("%1 is not a usable socket path (1 to %2 bytes)")
                                .arg(path)
                                .arg(sizeof(address.sun_path) - 1)};
    }
    std::memcpy(address.sun_path, encoded.constData(), static_cast<size_t>(encoded.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return ConnectError{ConnectFailure::System, systemError(errno)};
    // A blocking connect() waits while the agent's backlog is full: SO_SNDTIMEO bounds it.
    const timeval limit{static_cast<time_t>(timeout.count() / 1000),
                        static_cast<suseconds_t>((timeout.count() % 1000) * 1000)};
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof(limit));
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0) {
        const int error = errno;
        ::close(fd);
        return connectError(error, path, timeout);
    }
    // From here on the event loop waits, and the calls' own deadlines bound it.
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0) {
        const int error = errno;
        ::close(fd);
        return ConnectError{ConnectFailure::System, systemError(error)};
    }
    return fd;
}

} // namespace anycast
