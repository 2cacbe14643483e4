#pragma once

#include "agent/probe/Probe.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QProcess>

namespace anycast {

// exec:/path/to/cmd args: healthy when the command exits 0 within the timeout, like exabgp
// healthcheck's --cmd. The command runs in a session (and so a process group) of its own;
// on timeout the whole group is killed, so whatever the command started dies with it, and
// the same happens to anything it left running when it exits. stdin is /dev/null; the first
// 4 KiB of stdout and of stderr are kept to explain a failure.
class ExecProbe final : public Probe
{
    Q_OBJECT

public:
    explicit ExecProbe(ProbeSpec spec, QObject *parent = nullptr);
    ~ExecProbe() override;

    bool start() final;
    bool running() const final { return m_state != State::Idle; }

    static constexpr qsizetype kOutputLimit = 4096;

private:
    // Killing: the timeout fired and the group was sent SIGKILL; the result is reported when
    // the command has been reaped, so a run never overlaps the next one. Reporting: the
    // result is decided and may be queued; nothing else may report.
    enum class State
    {
        Idle,
        Running,
        Killing,
        Reporting
    };

    void runTimedOut() final;
    void killGroup();
    void onFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void onErrorOccurred(QProcess::ProcessError error);
    void readOutput(QProcess::ProcessChannel channel, QByteArray &into);
    void report(bool ok, const QString &detail);
    QString failureDetail(const QString &what) const;

    ProbeSpec m_spec;
    QProcess m_process;
    QElapsedTimer m_clock;
    QByteArray m_stdout;
    QByteArray m_stderr;
    qint64 m_pid = 0;
    State m_state = State::Idle;
    bool m_starting = false;
};

} // namespace anycast
