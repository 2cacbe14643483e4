#include "tests/lab/bgp/LabSystem.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <pwd.h>
#include <signal.h>
#include <unistd.h>

namespace anycast::lab {

bool isListeningOnLoopback(quint16 port)
{
    QFile file(QStringLiteral("/proc/net/tcp"));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray portHex = QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    const QByteArray loopback = "0100007F:" + portHex;
    const QByteArray any = "00000000:" + portHex;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        // sl local_address rem_address st ...; state 0A is LISTEN.
        if (fields.size() > 3 && fields[3] == "0A" && (fields[1] == loopback || fields[1] == any))
            return true;
    }
    return false;
}

QString commandLineOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray raw = file.readAll();
    if (raw.endsWith('\0'))
        raw.chop(1);
    raw.replace('\0', ' ');
    return QString::fromUtf8(raw);
}

static QList<qint64> allPids()
{
    QList<qint64> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (ok)
            pids.append(pid);
    }
    return pids;
}

QList<qint64> processesMentioning(const QString &needle)
{
    QList<qint64> found;
    const qint64 self = ::getpid();
    for (qint64 pid : allPids()) {
        if (pid != self && commandLineOf(pid).contains(needle))
            found.append(pid);
    }
    return found;
}

static qint64 parentOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    // The command name in parentheses may contain spaces; the fields after the last ')' do not.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() : -1;
}

QList<qint64> descendantsOf(qint64 pid)
{
    QList<QPair<qint64, qint64>> parents;
    for (qint64 candidate : allPids())
        parents.append({candidate, parentOf(candidate)});
    QList<qint64> result;
    QList<qint64> frontier{pid};
    while (!frontier.isEmpty()) {
        const qint64 parent = frontier.takeFirst();
        for (const auto &[child, childParent] : parents) {
            if (childParent == parent && !result.contains(child)) {
                result.append(child);
                frontier.append(child);
            }
        }
    }
    return result;
}

QString currentUserName()
{
    if (const passwd *entry = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(entry->pw_name);
    return QString::fromLocal8Bit(qgetenv("USER"));
}

void stopProcess(QProcess &process, std::chrono::milliseconds grace)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(static_cast<int>(grace.count()))) {
        process.kill();
        process.waitForFinished(5000);
    }
}

void stopForeignProcesses(const QList<QPair<qint64, QString>> &processes,
                          std::chrono::milliseconds grace)
{
    // The command line check guards against a recycled pid now belonging to someone else.
    auto stillOurs = [](const QPair<qint64, QString> &entry) {
        return commandLineOf(entry.first) == entry.second && !entry.second.isEmpty();
    };
    for (const auto &entry : processes) {
        if (stillOurs(entry))
            ::kill(static_cast<pid_t>(entry.first), SIGTERM);
    }
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        bool anyLeft = false;
        for (const auto &entry : processes)
            anyLeft = anyLeft || stillOurs(entry);
        if (!anyLeft)
            return;
        if (timer.elapsed() > grace.count())
            break;
        QThread::msleep(10);
    }
    for (const auto &entry : processes) {
        if (stillOurs(entry))
            ::kill(static_cast<pid_t>(entry.first), SIGKILL);
    }
}

} // namespace anycast::lab
