#include "tests/probe/ProbeRunner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

#include <cerrno>
#include <csignal>
#include <sys/types.h>

namespace anycast {
namespace {

using namespace probetest;

std::unique_ptr<Probe> execProbe(const QStringList &command, std::chrono::milliseconds timeout = 5s)
{
    ProbeSpec spec;
    spec.kind = ProbeSpec::Kind::Exec;
    spec.command = command;
    spec.timeout = timeout;
    return Probe::create(spec);
}

std::unique_ptr<Probe> shellProbe(const QString &script, std::chrono::milliseconds timeout = 5s)
{
    return execProbe({QStringLiteral("/bin/sh"), QStringLiteral("-c"), script}, timeout);
}

ProbeResult onlyResult(const ProbeRun &run)
{
    EXPECT_TRUE(run.started);
    EXPECT_EQ(run.results.size(), 1u);
    return run.results.empty() ? ProbeResult{false, QStringLiteral("no result"), {}}
                               : run.results[0];
}

// Gone, or a zombie: killed, and only waiting for whoever inherited it to reap it (in a
// container that may be an init that never does).
bool processGone(pid_t pid)
{
    if (::kill(pid, 0) != 0 && errno == ESRCH)
        return true;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype afterName = text.lastIndexOf(')');
    return afterName >= 0 && text.mid(afterName + 2, 1) == "Z";
}

// Waits for the shell to write the pid of its background child to `path`.
pid_t waitForPid(const QString &path)
{
    pid_t pid = 0;
    waitUntil(
        [&] {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return false;
            const QByteArray text = file.readAll();
            pid = text.endsWith('\n') ? static_cast<pid_t>(text.trimmed().toLong()) : 0;
            return pid > 0;
        },
        3s);
    return pid;
}

TEST(ExecProbe, ExitZeroIsHealthy)
{
    const ProbeResult result = onlyResult(runProbe(*execProbe({QStringLiteral("/bin/true")})));
    EXPECT_TRUE(result.ok) << result.detail.toStdString();
    EXPECT_TRUE(result.detail.startsWith(QStringLiteral("exit 0 in ")))
        << result.detail.toStdString();
}

TEST(ExecProbe, NonZeroExitIsAFailure)
{
    const ProbeResult result = onlyResult(runProbe(*execProbe({QStringLiteral("/bin/false")})));
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.detail, QStringLiteral("exit 1"));
}

TEST(ExecProbe, MissingProgramIsAFailure)
{
    const ProbeResult result =
        onlyResult(runProbe(*execProbe({QStringLiteral("/nonexistent/anycast-check")})));
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(
        result.detail.startsWith(QStringLiteral("could not start /nonexistent/anycast-check: ")))
        << result.detail.toStdString();
}

TEST(ExecProbe, DetailHasTheExitCodeAndTheFirstLineOfStderr)
{
    const ProbeResult result =
        onlyResult(runProbe(*shellProbe(QStringLiteral("echo out; echo boom >&2; echo more >&2; "
                                                       "exit 3"))));
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.detail, QStringLiteral("exit 3: boom"));
}

TEST(ExecProbe, DetailFallsBackToStdout)
{
    const ProbeResult result =
        onlyResult(runProbe(*shellProbe(QStringLiteral("echo; echo first; echo second; exit 2"))));
    EXPECT_EQ(result.detail, QStringLiteral("exit 2: first"));
}

TEST(ExecProbe, LargeOutputIsDrainedAndTheDetailTruncated)
{
    // 1 MiB on one line: far over the pipe buffer, so the command only finishes if the probe
    // keeps reading, and far over what a status line should carry.
    const ProbeResult result = onlyResult(
        runProbe(*shellProbe(QStringLiteral("head -c 1048576 /dev/zero | tr '\\0' x; exit 4"))));
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.detail.startsWith(QStringLiteral("exit 4: xxxx")))
        << result.detail.left(80).toStdString();
    EXPECT_LE(result.detail.size(), 220);
    EXPECT_TRUE(result.detail.endsWith(QStringLiteral("...")));
}

TEST(ExecProbe, CrashIsAFailureNamingTheSignal)
{
    const ProbeResult result = onlyResult(runProbe(*shellProbe(QStringLiteral("kill -SEGV $$"))));
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.detail, QStringLiteral("killed by signal %1").arg(SIGSEGV));
}

TEST(ExecProbe, TimeoutKillsTheWholeProcessGroup)
{
    QTemporaryDir dir;
    const QString pidFile = dir.filePath(QStringLiteral("grandchild.pid"));
    const auto probe =
        shellProbe(QStringLiteral("sleep 30 & echo $! > '%1'; sleep 30").arg(pidFile), 300ms);
    const ProbeRun run = runProbe(*probe, 5s);
    const ProbeResult result = onlyResult(run);
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.detail, QStringLiteral("timed out after 300 ms"));
    EXPECT_GE(result.elapsed, 300ms);
    EXPECT_LT(run.waited, 2s);
    EXPECT_FALSE(probe->running());

    const pid_t grandchild = waitForPid(pidFile);
    ASSERT_GT(grandchild, 0) << "the shell never wrote its background pid";
    EXPECT_TRUE(waitUntil([&] { return processGone(grandchild); }, 2s))
        << "grandchild " << grandchild << " survived the timeout";
}

TEST(ExecProbe, WhatTheCommandLeavesBehindIsKilled)
{
    QTemporaryDir dir;
    const QString pidFile = dir.filePath(QStringLiteral("leftover.pid"));
    const auto probe = shellProbe(QStringLiteral("sleep 30 & echo $! > '%1'").arg(pidFile));
    const ProbeRun run = runProbe(*probe);
    EXPECT_TRUE(onlyResult(run).ok);
    EXPECT_LT(run.waited, 2s);
    const pid_t leftover = waitForPid(pidFile);
    ASSERT_GT(leftover, 0);
    EXPECT_TRUE(waitUntil([&] { return processGone(leftover); }, 2s))
        << "background process " << leftover << " outlived its probe run";
}

TEST(ExecProbe, DestroyingARunningProbeKillsTheGroup)
{
    QTemporaryDir dir;
    const QString pidFile = dir.filePath(QStringLiteral("grandchild.pid"));
    auto probe = shellProbe(QStringLiteral("sleep 30 & echo $! > '%1'; sleep 30").arg(pidFile));
    ASSERT_TRUE(probe->start());
    const pid_t grandchild = waitForPid(pidFile);
    ASSERT_GT(grandchild, 0);
    probe.reset();
    EXPECT_TRUE(waitUntil([&] { return processGone(grandchild); }, 2s));
}

TEST(ExecProbe, StartWhileRunningIsRefusedAndFinishedComesOnce)
{
    const auto probe = shellProbe(QStringLiteral("sleep 30"), 200ms);
    ASSERT_NO_FATAL_FAILURE(expectStartRefusedWhileRunningAndFinishedOnce(*probe));

    const ProbeResult again = onlyResult(runProbe(*probe));
    EXPECT_EQ(again.detail, QStringLiteral("timed out after 200 ms"));
}

TEST(ExecProbe, EventLoopKeepsRunningDuringAProbe)
{
    const auto probe = execProbe({QStringLiteral("/bin/sleep"), QStringLiteral("0.5")});
    int ticks = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
    ticker.start(10ms);
    const ProbeRun run = runProbe(*probe);
    ticker.stop();
    EXPECT_TRUE(onlyResult(run).ok);
    EXPECT_GE(run.waited, 450ms);
    // ~50 ticks fit in 0.5 s; a loaded machine may merge some, a blocked loop gets none.
    EXPECT_GE(ticks, 20) << "the event loop stalled while the command ran";
}

TEST(ExecProbe, StdinIsEmpty)
{
    // A command that reads stdin must see end of file, not hang on the agent's input.
    const ProbeResult result = onlyResult(runProbe(*shellProbe(QStringLiteral("! read line"))));
    EXPECT_TRUE(result.ok) << result.detail.toStdString();
}

} // namespace
} // namespace anycast
