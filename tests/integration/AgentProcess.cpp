#include "tests/integration/AgentProcess.h"

#include "tests/support/AgentStopCheck.h"

#include <QElapsedTimer>
#include <QFile>

#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>

namespace anycast::labtest {

AgentProcess::AgentProcess(const QString &configPath, const QString &logFile,
                           const QProcessEnvironment &environment)
    : m_logFile(logFile)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setProcessEnvironment(environment);
    if (!logFile.isEmpty())
        m_process.setStandardErrorFile(logFile);
    m_process.start(QStringLiteral(ANYCAST_BIN_DIR "/anycast-agent"),
                    {QStringLiteral("--config"), configPath});
    m_process.waitForStarted(5000);
}

AgentProcess::~AgentProcess()
{
    if (m_stopProblems)
        return; // stopped, killed or checked already
    const QStringList problems = stop();
    if (!problems.isEmpty()) {
        std::vector<std::string> lines;
        for (const QString &problem : problems)
            lines.push_back(problem.toStdString());
        ADD_FAILURE() << test::describeStopProblems(lines);
    }
}

QStringList AgentProcess::stop()
{
    if (m_stopProblems)
        return *m_stopProblems;
    if (m_process.state() == QProcess::NotRunning && m_process.error() == QProcess::FailedToStart) {
        m_stopProblems = QStringList{QStringLiteral("the agent never started")};
        return *m_stopProblems;
    }
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate(); // SIGTERM, as systemctl stop sends
        if (!m_process.waitForFinished(15000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
            m_stopProblems = QStringList{QStringLiteral("no exit within 15 s of SIGTERM")};
            readLog();
            return *m_stopProblems;
        }
    }
    readLog();
    const bool exited = m_process.exitStatus() == QProcess::NormalExit;
    // QProcess gives a crash's signal number as the exit code.
    const std::vector<std::string> problems = test::agentStopProblems(
        {exited, m_process.exitCode()}, m_log.join(QLatin1Char('\n')).toStdString());
    QStringList described;
    for (const std::string &problem : problems)
        described.append(QString::fromStdString(problem));
    m_stopProblems = described;
    return described;
}

void AgentProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(5000);
    m_stopProblems = QStringList();
}

void AgentProcess::signal(int number)
{
    ::kill(static_cast<pid_t>(m_process.processId()), number);
}

void AgentProcess::readLog()
{
    if (!m_logFile.isEmpty()) {
        QFile file(m_logFile);
        if (file.open(QIODevice::ReadOnly))
            m_log = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        return;
    }
    readPipe();
}

void AgentProcess::readPipe()
{
    m_partial += m_process.readAllStandardError();
    qsizetype newline;
    while ((newline = m_partial.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_partial.left(newline));
        std::fprintf(stderr, "  agent| %s\n", qPrintable(line));
        m_log.append(line);
        m_partial.remove(0, newline + 1);
    }
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
        readPipe();
    }
}

} // namespace anycast::labtest
