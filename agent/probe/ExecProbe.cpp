#include "agent/probe/ExecProbe.h"

#include <cerrno>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace anycast {
namespace {

constexpr qsizetype kDetailLineLimit = 200;

// The first non-empty line, so "exit 3: connection refused" reads well in a status line.
QString firstLine(const QByteArray &output)
{
    for (const QByteArray &line : output.split('\n')) {
        const QString text = QString::fromUtf8(line).trimmed();
        if (text.isEmpty())
            continue;
        if (text.size() > kDetailLineLimit)
            return text.left(kDetailLineLimit) + QStringLiteral("...");
        return text;
    }
    return QString();
}

QString milliseconds(const QElapsedTimer &clock)
{
    return QString::number(double(clock.nsecsElapsed()) / 1e6, 'f', 1);
}

} // namespace

ExecProbe::ExecProbe(ProbeSpec spec, QObject *parent)
    : Probe(parent)
    , m_spec(std::move(spec))
    , m_process(this)
{
    if (!m_spec.command.isEmpty()) {
        m_process.setProgram(m_spec.command.first());
        m_process.setArguments(m_spec.command.mid(1));
    }
    m_process.setStandardInputFile(QProcess::nullDevice());
    // A session of its own makes the child the leader of a new process group that holds
    // everything it starts, so kill(-pid) reaches grandchildren; it also has no controlling
    // terminal, so a command that reads the tty fails instead of being stopped by SIGTTIN.
    m_process.setChildProcessModifier([] { ::setsid(); });

    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            [this] { readOutput(QProcess::StandardOutput, m_stdout); });
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { readOutput(QProcess::StandardError, m_stderr); });
    connect(&m_process, &QProcess::finished, this, &ExecProbe::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &ExecProbe::onErrorOccurred);
}

ExecProbe::~ExecProbe()
{
    disconnect(&m_process, nullptr, this, nullptr);
    if (m_process.state() != QProcess::NotRunning) {
        killGroup();
        // Reaps the command now, so QProcess's destructor has nothing left to complain about.
        m_process.waitForFinished(5000);
    }
}

bool ExecProbe::start()
{
    if (m_state != State::Idle)
        return false;
    m_state = State::Running;
    m_starting = true;
    m_stdout.clear();
    m_stderr.clear();
    m_pid = 0;
    m_clock.start();
    if (m_spec.command.isEmpty()) {
        report(false, QStringLiteral("exec probe has no command"));
    } else {
        startRunTimeout(m_spec.timeout);
        m_process.start();
        m_pid = m_process.processId();
    }
    m_starting = false;
    return true;
}

void ExecProbe::runTimedOut()
{
    if (m_state != State::Running)
        return;
    // The result comes from onFinished() once the killed command is reaped.
    m_state = State::Killing;
    killGroup();
}

void ExecProbe::killGroup()
{
    if (m_pid <= 0)
        return;
    const auto pid = static_cast<pid_t>(m_pid);
    // ESRCH on the group: the child has not reached setsid() yet, or the whole group is gone.
    // Killing the child alone covers the first case; in the second it fails harmlessly.
    if (::kill(-pid, SIGKILL) != 0 && errno == ESRCH && m_process.state() != QProcess::NotRunning)
        ::kill(pid, SIGKILL);
}

void ExecProbe::onFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    // Anything the command left running in its group is part of this run and ends with it.
    // The group id cannot be reused while one member is alive, so this never hits a stranger.
    killGroup();
    m_pid = 0;
    readOutput(QProcess::StandardOutput, m_stdout);
    readOutput(QProcess::StandardError, m_stderr);

    if (m_state == State::Killing) {
        report(false, timedOutDetail(m_spec.timeout));
    } else if (exitStatus == QProcess::CrashExit) {
        // For a crash QProcess gives the signal number as the exit code.
        report(false, failureDetail(QStringLiteral("killed by signal %1").arg(exitCode)));
    } else if (exitCode != 0) {
        report(false, failureDetail(QStringLiteral("exit %1").arg(exitCode)));
    } else {
        report(true, QStringLiteral("exit 0 in %1 ms").arg(milliseconds(m_clock)));
    }
}

void ExecProbe::onErrorOccurred(QProcess::ProcessError error)
{
    // Crashes and timeouts come through onFinished(); only a failed start ends a run here.
    if (error != QProcess::FailedToStart)
        return;
    m_pid = 0;
    report(
        false,
        QStringLiteral("could not start %1: %2").arg(m_process.program(), m_process.errorString()));
}

void ExecProbe::readOutput(QProcess::ProcessChannel channel, QByteArray &into)
{
    // Always drain the pipe, or a chatty command blocks on a full pipe and times out.
    const QByteArray data = channel == QProcess::StandardOutput ? m_process.readAllStandardOutput()
                                                                : m_process.readAllStandardError();
    const qsizetype room = kOutputLimit - into.size();
    if (room > 0)
        into.append(data.left(room));
}

QString ExecProbe::failureDetail(const QString &what) const
{
    QString line = firstLine(m_stderr);
    if (line.isEmpty())
        line = firstLine(m_stdout);
    return line.isEmpty() ? what : what + QStringLiteral(": ") + line;
}

void ExecProbe::report(bool ok, const QString &detail)
{
    if (m_state == State::Idle || m_state == State::Reporting)
        return;
    m_state = State::Reporting;
    stopRunTimeout();
    deliver({ok, detail, std::chrono::milliseconds(m_clock.elapsed())}, m_starting,
            [this] { m_state = State::Idle; });
}

} // namespace anycast
