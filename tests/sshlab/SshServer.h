#pragma once

#include "tests/sshlab/SshKeyPair.h"

#include <QProcess>
#include <QString>

namespace anycast::sshlab {

// A real OpenSSH sshd on 127.0.0.1 for tests and benchmarks: its own throwaway ed25519 host
// key, authorized_keys and config in a folder the caller owns, a port the kernel chose,
// privilege separation as Debian runs it (root, UsePAM no), and its log (-E, LogLevel
// VERBOSE) in a file the tests read. stop() ends the listener and every session process
// it started, as a crashed or stopped host would; start() again reuses the port.
class SshServer
{
public:
    struct Options
    {
        bool streamLocalForwarding = true; // AllowStreamLocalForwarding
        bool tcpForwarding = true;         // AllowTcpForwarding (a jump host needs it)
    };

    // Files go to `folder`/`name`-*.
    SshServer(QString folder, QString name);
    ~SshServer();
    SshServer(const SshServer &) = delete;
    SshServer &operator=(const SshServer &) = delete;

    // Makes the host key. Empty on success, else why not.
    QString prepare();
    void setOptions(const Options &options) { m_options = options; }
    // Adds a key line to authorized_keys.
    bool authorize(const QString &publicLine);

    // Starts sshd and waits until it accepts connections. Empty on success.
    QString start();
    void stop();
    bool isRunning() const { return m_process.state() == QProcess::Running; }

    quint16 port() const { return m_port; }
    const SshKeyPair &hostKey() const { return m_hostKey; }
    // "[127.0.0.1]:PORT", how known_hosts names this server.
    QString knownHostsName() const;
    // A known_hosts line for this server with `key` (the real host key by default).
    QString knownHostsLine(const QString &key = {}) const;
    QString log() const;
    QString logPath() const { return file(QStringLiteral("log")); }

private:
    QString file(const QString &suffix) const;
    QString writeConfig();

    QString m_folder;
    QString m_name;
    Options m_options;
    SshKeyPair m_hostKey;
    quint16 m_port = 0;
    QProcess m_process;
};

} // namespace anycast::sshlab
