#pragma once

#include <QProcess>
#include <QStringList>

#include <chrono>
#include <optional>

namespace anycast::labtest {

// anycast-agent running as a daemon, its log (stderr) read line by line.
class AgentProcess
{
public:
    // With `logFile`, the log goes there instead (for long runs that never read it; a pipe
    // nobody reads would fill and stall the agent), and waitForLine() sees nothing.
    explicit AgentProcess(const QString &configPath, const QString &logFile = {});
    ~AgentProcess();
    AgentProcess(const AgentProcess &) = delete;
    AgentProcess &operator=(const AgentProcess &) = delete;

    // The first log line from now on that contains `needle`, or nullopt after `patience`.
    std::optional<QString> waitForLine(const QString &needle, std::chrono::milliseconds patience);
    const QStringList &log() const { return m_log; }
    // SIGKILL, like a crash: no clean-up, no goodbye to the bridge.
    void kill();
    // Sends a signal (SIGHUP to reload).
    void signal(int number);

private:
    QProcess m_process;
    QStringList m_log;
    qsizetype m_consumed = 0;
    QByteArray m_partial;
};

} // namespace anycast::labtest
