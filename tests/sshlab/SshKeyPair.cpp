#include "tests/sshlab/SshKeyPair.h"

#include <QFile>
#include <QProcess>
#include <QStringList>

namespace anycast::sshlab {

QString SshKeyPair::generate(const QString &path, const QString &type, SshKeyPair *key,
                             const QString &passphrase)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".pub"));
    QProcess keygen;
    keygen.start(QStringLiteral("ssh-keygen"),
                 {QStringLiteral("-q"), QStringLiteral("-t"), type, QStringLiteral("-N"),
                  passphrase, QStringLiteral("-C"), QStringLiteral("anycast-test"),
                  QStringLiteral("-f"), path});
    if (!keygen.waitForFinished(30000) || keygen.exitCode() != 0)
        return QString::fromUtf8(keygen.readAllStandardError()) + keygen.errorString();
    key->path = path;
    key->type = type;
    return {};
}

QString SshKeyPair::publicLine() const
{
    QFile file(path + QStringLiteral(".pub"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

QString SshKeyPair::publicKey() const
{
    const QStringList fields = publicLine().split(QLatin1Char(' '));
    return fields.size() >= 2 ? fields[0] + QLatin1Char(' ') + fields[1] : QString();
}

QString SshKeyPair::fingerprint() const
{
    // The reference: ssh-keygen's own reading, not the console's.
    QProcess keygen;
    keygen.start(QStringLiteral("ssh-keygen"),
                 {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"),
                  QStringLiteral("-f"), path + QStringLiteral(".pub")});
    if (!keygen.waitForFinished(30000) || keygen.exitCode() != 0)
        return {};
    const QStringList fields =
        QString::fromUtf8(keygen.readAllStandardOutput()).split(QLatin1Char(' '));
    return fields.size() >= 2 ? fields[1] : QString();
}

} // namespace anycast::sshlab
