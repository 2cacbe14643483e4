#include "AgentProcess.h"

#include <QElapsedTimer>

#include <csignal>
#include <cstdio>

namespace anycast::labtest {

AgentProcess::AgentProcess(const QString &configPath, const QString &logFile)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    if (!logFile.isEmpty())
        m_process.setStandardErrorFile(logFile);
    m_process.start(QStringLiteral(ANYCAST_BIN_DIR "/anycast-agent"),
                    {QStringLiteral("--config"), configPath});
    m_process.waitForStarted(5000);
}

AgentProcess::~AgentProcess()
{
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void AgentProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(5000);
}

void AgentProcess::signal(int number)
{
    ::kill(static_cast<pid_t>(m_process.processId()), number);
}

std::optional<QString> AgentProcess::waitForLine(const QString &needle,
                                                 std::chrono::milliseconds patience)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        while (m_consumed < m_log.size()) {
            const QString &line = m_log[m_consumed++];
            if (line.contains(needle))
                return line;
        }
        const qint64 left = patience.count() - timer.elapsed();
        if (left <= 0 || m_process.state() == QProcess::NotRunning)
            return std::nullopt;
        m_process.waitForReadyRead(static_cast<int>(std::min<qint64>(left, 100)));
        m_partial += m_process.readAllStandardError();
        qsizetype newline;
        while ((newline = m_partial.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(m_partial.left(newline));
            std::fprintf(stderr, "  agent| %s\n", qPrintable(line));
            m_log.append(line);
            m_partial.remove(0, newline + 1);
        }
    }
}

} // namespace anycast::labtest
