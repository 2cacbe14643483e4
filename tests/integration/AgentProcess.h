#pragma once

#include <QProcess>
#include <QStringList>

#include <chrono>
#include <optional>

namespace anycast::labtest {

// anycast-agent running as a daemon, its log (stderr) read line by line. However it ends
// (stop(), or this object going away while the agent runs), the agent is stopped with
// SIGTERM, as systemd stops it, and must exit 0 with no Qt warning in its log
// (AgentStopCheck); from the destructor, a test failure says what went wrong.
class AgentProcess
{
public:
    // With `logFile`, the log goes there instead (for long runs that never read it; a pipe
    // nobody reads would fill and stall the agent), and waitForLine() sees nothing.
    explicit AgentProcess(
        const QString &configPath, const QString &logFile = {},
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    ~AgentProcess();
    AgentProcess(const AgentProcess &) = delete;
    AgentProcess &operator=(const AgentProcess &) = delete;

    // The first log line from now on that contains `needle`, or nullopt after `patience`.
    std::optional<QString> waitForLine(const QString &needle, std::chrono::milliseconds patience);
    const QStringList &log() const { return m_log; }
    // SIGTERM, then waits for the exit and reads the rest of the log: what went wrong, one
    // sentence each (empty: it exited 0 with a clean log). Once; later calls return the same.
    QStringList stop();
    // SIGKILL, like a crash: no clean-up, no goodbye to the bridge, nothing checked.
    void kill();
    // Sends a signal (SIGHUP to reload).
    void signal(int number);
    qint64 pid() const { return m_process.processId(); }
    bool running() const { return m_process.state() != QProcess::NotRunning; }

private:
    // The whole log once the agent has exited: from the file, or the rest of the pipe.
    void readLog();
    void readPipe();

    QProcess m_process;
    QString m_logFile;
    QStringList m_log;
    qsizetype m_consumed = 0;
    QByteArray m_partial;
    std::optional<QStringList> m_stopProblems;
};

} // namespace anycast::labtest
