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
    explicit AgentProcess(const QString &configPath);
    ~AgentProcess();
    AgentProcess(const AgentProcess &) = delete;
    AgentProcess &operator=(const AgentProcess &) = delete;

    // The first log line from now on that contains `needle`, or nullopt after `patience`.
    std::optional<QString> waitForLine(const QString &needle, std::chrono::milliseconds patience);
    const QStringList &log() const { return m_log; }

private:
    QProcess m_process;
    QStringList m_log;
    qsizetype m_consumed = 0;
    QByteArray m_partial;
};

} // namespace anycast::labtest
