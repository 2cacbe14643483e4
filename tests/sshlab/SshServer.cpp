#include "tests/sshlab/SshServer.h"

#include "agent/support/FileDescriptor.h"
#include "tests/support/LoopbackPort.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace anycast::sshlab {
namespace {

bool accepts(quint16 port)
{
    const FileDescriptor fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    return ::connect(fd.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
}

// Every process below `pid` (sshd forks a process per connection, which calls setsid()).
QList<pid_t> descendants(pid_t pid)
{
    QList<pid_t> found;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool numeric = false;
        const pid_t candidate = entry.toInt(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const qsizetype close = text.lastIndexOf(')');
        const QList<QByteArray> fields = text.mid(close + 2).split(' ');
        if (fields.size() > 1 && fields[1].toInt() == pid) {
            found.append(candidate);
            found += descendants(candidate);
        }
    }
    return found;
}

} // namespace

SshServer::SshServer(QString folder, QString name)
    : m_folder(std::move(folder))
    , m_name(std::move(name))
{}

SshServer::~SshServer()
{
    stop();
}

QString SshServer::file(const QString &suffix) const
{
    return QStringLiteral("%1/%2-%3").arg(m_folder, m_name, suffix);
}

QString SshServer::prepare()
{
    // sshd running as root insists on its privilege separation folder (systemd's
    // RuntimeDirectory makes it on a real host).
    if (::geteuid() == 0)
        QDir().mkpath(QStringLiteral("/run/sshd"));
    QFile authorized(file(QStringLiteral("authorized_keys")));
    if (!authorized.open(QIODevice::WriteOnly | QIODevice::Append))
        return authorized.errorString();
    return SshKeyPair::generate(file(QStringLiteral("host_ed25519")), QStringLiteral("ed25519"),
                                &m_hostKey);
}

bool SshServer::authorize(const QString &publicLine)
{
    QFile authorized(file(QStringLiteral("authorized_keys")));
    return authorized.open(QIODevice::WriteOnly | QIODevice::Append) &&
           authorized.write((publicLine + QLatin1Char('\n')).toUtf8()) > 0;
}

QString SshServer::writeConfig()
{
    const auto yesNo = [](bool on) { return on ? QStringLiteral("yes") : QStringLiteral("no"); };
    const QString text =
        QStringLiteral("ListenAddress 127.0.0.1:%1\n"
                       "HostKey %2\n"
                       "AuthorizedKeysFile %3\n"
                       "PidFile none\n"
                       "UsePAM no\n"
                       "StrictModes no\n"
                       "PubkeyAuthentication yes\n"
                       "PasswordAuthentication no\n"
                       "KbdInteractiveAuthentication no\n"
                       "PermitRootLogin prohibit-password\n"
                       "AllowStreamLocalForwarding %4\n"
                       "AllowTcpForwarding %5\n"
                       "MaxStartups 200\n"
                       "MaxSessions 50\n"
                       "LogLevel VERBOSE\n")
            .arg(m_port)
            .arg(m_hostKey.path, file(QStringLiteral("authorized_keys")),
                 yesNo(m_options.streamLocalForwarding), yesNo(m_options.tcpForwarding));
    QFile config(file(QStringLiteral("config")));
    if (!config.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        config.write(text.toUtf8()) != text.toUtf8().size())
        return config.errorString();
    return {};
}

QString SshServer::start()
{
    stop();
    const bool choosePort = m_port == 0;
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (choosePort)
            m_port = test::freeLoopbackPort();
        if (const QString problem = writeConfig(); !problem.isEmpty())
            return problem;
        // sshd re-executes itself and so needs its absolute path.
        m_process.start(QStringLiteral("/usr/sbin/sshd"),
                        {QStringLiteral("-D"), QStringLiteral("-f"), file(QStringLiteral("config")),
                         QStringLiteral("-E"), logPath()});
        if (!m_process.waitForStarted(10000))
            return QStringLiteral("sshd did not start: %1").arg(m_process.errorString());
        const QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            if (accepts(m_port))
                return {};
            QThread::msleep(20);
        }
        stop();
        if (!choosePort)
            break; // the port was taken meanwhile: say so rather than move the server
    }
    return QStringLiteral("sshd did not listen on port %1; its log:\n%2").arg(m_port).arg(log());
}

void SshServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    const auto pid = static_cast<pid_t>(m_process.processId());
    for (const pid_t child : descendants(pid))
        ::kill(child, SIGTERM);
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString SshServer::knownHostsName() const
{
    return QStringLiteral("[127.0.0.1]:%1").arg(m_port);
}

QString SshServer::knownHostsLine(const QString &key) const
{
    return knownHostsName() + QLatin1Char(' ') + (key.isEmpty() ? m_hostKey.publicKey() : key);
}

QString SshServer::log() const
{
    QFile file(logPath());
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace anycast::sshlab
