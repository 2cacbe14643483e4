#include "agent/support/UnixSocketPath.h"

#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>

namespace anycast {

Result<bool> prepareUnixSocketPath(const QString &path)
{
    QLocalSocket probe;
    probe.connectToServer(path);
    if (probe.waitForConnected(200)) {
        return Result<bool>::failure(
            QStringLiteral("%1 is in use by another process (another agent?)").arg(path));
    }
    const QFileInfo folder(QFileInfo(path).absolutePath());
    if (!folder.isDir()) {
        // Qt says only "Name error" here; say what is missing and who usually makes it.
        return Result<bool>::failure(
            QStringLiteral("cannot listen on %1: the folder %2 does not exist (systemd's "
                           "RuntimeDirectory= creates it)")
                .arg(path, folder.filePath()));
    }
    QLocalServer::removeServer(path);
    return Result<bool>::success(true);
}

} // namespace anycast
