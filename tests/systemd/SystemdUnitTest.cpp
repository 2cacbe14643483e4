// The shipped unit file, checked with systemd's own tools, offline: no running systemd is
// needed (this runs in containers without one).
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstdio>

namespace {

const QString kUnit = QStringLiteral(ANYCAST_SOURCE_DIR "/agent/systemd/anycast-agent.service");

struct ToolRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

ToolRun systemdAnalyze(const QStringList &arguments)
{
    ToolRun run;
    QProcess process;
    process.start(QStringLiteral("systemd-analyze"), arguments);
    if (!process.waitForStarted(5000) || !process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

bool haveSystemdAnalyze()
{
    return !QStandardPaths::findExecutable(QStringLiteral("systemd-analyze")).isEmpty();
}

TEST(SystemdUnit, ExposureIsAtMostTwo)
{
    ASSERT_TRUE(haveSystemdAnalyze()) << "systemd-analyze is missing: scripts/install-deps";
    const ToolRun run =
        systemdAnalyze({QStringLiteral("security"), QStringLiteral("--offline=true"),
                        QStringLiteral("--no-pager"), kUnit});
    // Exit code 0 whatever the score (--threshold is not given), so judge the text.
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    static const QRegularExpression overall(
        QStringLiteral(R"(Overall exposure level for anycast-agent\.service: (\d+\.\d+))"));
    const QRegularExpressionMatch match = overall.match(run.out);
    ASSERT_TRUE(match.hasMatch()) << qPrintable(run.out) << qPrintable(run.err);
    const double exposure = match.captured(1).toDouble();
    std::printf("systemd-analyze security --offline=true: exposure %.1f\n", exposure);
    EXPECT_LE(exposure, 2.0) << qPrintable(run.out);
}

TEST(SystemdUnit, VerifiesCleanly)
{
    ASSERT_TRUE(haveSystemdAnalyze()) << "systemd-analyze is missing: scripts/install-deps";
    // verify also checks that ExecStart= is executable; /usr/bin/anycast-agent is not
    // installed here, so check a copy that starts the binary just built instead.
    QFile source(kUnit);
    ASSERT_TRUE(source.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(source.readAll());
    ASSERT_TRUE(text.contains(QStringLiteral("ExecStart=/usr/bin/anycast-agent ")));
    text.replace(QStringLiteral("ExecStart=/usr/bin/anycast-agent "),
                 QStringLiteral("ExecStart=" ANYCAST_BIN_DIR "/anycast-agent "));
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QFile copy(dir.filePath(QStringLiteral("anycast-agent.service")));
    ASSERT_TRUE(copy.open(QIODevice::WriteOnly));
    copy.write(text.toUtf8());
    copy.close();

    const ToolRun run = systemdAnalyze({QStringLiteral("verify"), copy.fileName()});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    // Unknown or misspelt directives are only warnings (exit code 0): none may appear.
    EXPECT_TRUE(run.err.trimmed().isEmpty()) << qPrintable(run.err);
}

} // namespace

TEST(SystemdSysusers, MakeTheAgentAMemberOfTheOperatorsGroup)
{
    // The agent gives its API socket to anycast-ops, which chown(2) allows only to members.
    QTemporaryDir root;
    ASSERT_TRUE(root.isValid());
    ASSERT_TRUE(QDir(root.path()).mkpath(QStringLiteral("etc")));
    QProcess sysusers;
    sysusers.setStandardInputFile(
        QStringLiteral(ANYCAST_SOURCE_DIR "/agent/systemd/anycast-agent.sysusers"));
    sysusers.start(QStringLiteral("systemd-sysusers"),
                   {QStringLiteral("--root=") + root.path(), QStringLiteral("-")});
    ASSERT_TRUE(sysusers.waitForFinished(30000));
    ASSERT_EQ(sysusers.exitCode(), 0) << sysusers.readAllStandardError().toStdString();
    QFile groups(root.filePath(QStringLiteral("etc/group")));
    ASSERT_TRUE(groups.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(groups.readAll());
    static const QRegularExpression operators(
        QStringLiteral(R"(^anycast-ops:x:\d+:anycast-agent$)"),
        QRegularExpression::MultilineOption);
    EXPECT_TRUE(operators.match(text).hasMatch()) << text.toStdString();
}
