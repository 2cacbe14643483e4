// The anycast-agent .deb: `cpack -G DEB` against the current build folder, then its control
// data and contents with dpkg-deb, and the extracted package installed into a private copy
// of /etc (installed-root.sh, in a mount namespace) where the packaged agent and ExaBGP's
// bridge meet. No apt-get install on the machine itself (CI machines are shared);
// docs/PACKAGING.md has the manual check.
#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

namespace {

const QString kBuildDir = QStringLiteral(ANYCAST_BUILD_DIR);

struct ToolRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

ToolRun runTool(const QString &program, const QStringList &arguments, int timeoutMs = 120000)
{
    ToolRun run;
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(5000))
        return run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

bool haveTool(const char *name)
{
    return !QStandardPaths::findExecutable(QString::fromLatin1(name)).isEmpty();
}

// One package for the whole suite: cpack takes a few seconds.
class AgentPackage : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        outDir = new QTemporaryDir;
        ASSERT_TRUE(outDir->isValid());
        cpackRun = runTool(QStringLiteral("cpack"),
                           {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"),
                            outDir->path(), QStringLiteral("--config"),
                            kBuildDir + QStringLiteral("/CPackConfig.cmake")},
                           300000);
        debs = QDir(outDir->path()).entryList({QStringLiteral("anycast-agent_*.deb")}, QDir::Files);
    }

    static void TearDownTestSuite()
    {
        delete outDir;
        outDir = nullptr;
    }

    void SetUp() override
    {
        ASSERT_TRUE(haveTool("cpack") && haveTool("dpkg-deb")) << "cpack or dpkg-deb missing";
        ASSERT_EQ(cpackRun.exitCode, 0) << qPrintable(cpackRun.out) << qPrintable(cpackRun.err);
        ASSERT_EQ(debs.size(), 1) << qPrintable(debs.join(QLatin1Char(' ')))
                                  << qPrintable(cpackRun.out);
    }

    static QString deb() { return outDir->filePath(debs.first()); }

    static inline QTemporaryDir *outDir = nullptr;
    static inline ToolRun cpackRun;
    static inline QStringList debs;
};

TEST_F(AgentPackage, ControlNamesPackageAndQtDependency)
{
    const ToolRun info = runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("--info"), deb()});
    ASSERT_EQ(info.exitCode, 0) << qPrintable(info.err);
    EXPECT_TRUE(info.out.contains(QStringLiteral("\n Package: anycast-agent\n")))
        << qPrintable(info.out);
    EXPECT_TRUE(info.out.contains(QStringLiteral(" Section: net\n"))) << qPrintable(info.out);
    const qsizetype depends = info.out.indexOf(QStringLiteral("\n Depends: "));
    ASSERT_GE(depends, 0) << qPrintable(info.out);
    const QString dependsLine =
        info.out.mid(depends + 1, info.out.indexOf(QLatin1Char('\n'), depends + 1) - depends);
    EXPECT_TRUE(dependsLine.contains(QStringLiteral("libqt6core6"))) << qPrintable(dependsLine);
    EXPECT_TRUE(dependsLine.contains(QStringLiteral("libqt6network6"))) << qPrintable(dependsLine);
    EXPECT_TRUE(dependsLine.contains(QStringLiteral("libsystemd0"))) << qPrintable(dependsLine);
    // Its postinst gives the agent the group Debian's exabgp package creates.
    EXPECT_TRUE(dependsLine.trimmed().startsWith(QStringLiteral("Depends: exabgp, ")))
        << qPrintable(dependsLine);
}

TEST_F(AgentPackage, ContainsAgentFilesOnly)
{
    const ToolRun contents =
        runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("--contents"), deb()});
    ASSERT_EQ(contents.exitCode, 0) << qPrintable(contents.err);
    QStringList paths;
    for (const QString &line : contents.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        paths << line.section(QLatin1Char(' '), -1);
    for (const char *expected :
         {"./usr/bin/anycast-agent", "./usr/bin/anycastctl", "./usr/bin/anycast-exabgp-bridge",
          "./usr/lib/systemd/system/anycast-agent.service",
          "./usr/lib/sysusers.d/anycast-agent.conf", "./usr/lib/tmpfiles.d/anycast-agent.conf",
          "./etc/anycast-agent/agent.toml"})
        EXPECT_TRUE(paths.contains(QString::fromLatin1(expected))) << expected << "\n"
                                                                   << qPrintable(contents.out);
    EXPECT_FALSE(contents.out.contains(QStringLiteral("/usr/bin/anycast-console")));
    // The config may name exec probes and peers: not world-readable, even before postinst.
    for (const QString &line : contents.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.endsWith(QStringLiteral(" ./etc/anycast-agent/agent.toml"))) {
            EXPECT_TRUE(line.startsWith(QStringLiteral("-rw-r----- "))) << qPrintable(line);
        }
    }
}

TEST_F(AgentPackage, ConfigIsAConffileAndScriptsAreThere)
{
    QTemporaryDir control;
    ASSERT_TRUE(control.isValid());
    const ToolRun run =
        runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("--control"), deb(), control.path()});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    QFile conffiles(control.filePath(QStringLiteral("conffiles")));
    ASSERT_TRUE(conffiles.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(conffiles.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    EXPECT_EQ(lines, QStringList{QStringLiteral("/etc/anycast-agent/agent.toml")});
    for (const char *script : {"postinst", "prerm"}) {
        const QFileInfo info(control.filePath(QString::fromLatin1(script)));
        EXPECT_TRUE(info.isFile() && info.isExecutable()) << script;
    }
}

TEST_F(AgentPackage, ExtractedToolsRun)
{
    QTemporaryDir root;
    ASSERT_TRUE(root.isValid());
    const ToolRun extract =
        runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), deb(), root.path()});
    ASSERT_EQ(extract.exitCode, 0) << qPrintable(extract.err);
    for (const char *tool : {"anycast-agent", "anycastctl", "anycast-exabgp-bridge"}) {
        const ToolRun version =
            runTool(root.filePath(QStringLiteral("usr/bin/") + QString::fromLatin1(tool)),
                    {QStringLiteral("--version")}, 30000);
        EXPECT_EQ(version.exitCode, 0) << tool << qPrintable(version.err);
    }
}

// The package on a host with Debian's exabgp: after its postinst, the shipped config checks
// out as the agent's user, bgp.sock is 0660 with group exabgp, and the bridge running as user
// exabgp (as the stock exabgp.service starts it) connects while one running as nobody is
// refused. The steps, and why each, are in installed-root.sh.
TEST_F(AgentPackage, InstalledNextToExabgpTheBridgeReachesTheAgent)
{
    ASSERT_EQ(::geteuid(), 0u) << "installs into a private /etc in a mount namespace: root";
    QTemporaryDir work;
    ASSERT_TRUE(work.isValid());
    // The agent's and exabgp's users read the package's files under it.
    ASSERT_EQ(::chmod(QFile::encodeName(work.path()).constData(), 0755), 0);
    const QString root = work.filePath(QStringLiteral("root"));
    const QString control = work.filePath(QStringLiteral("control"));
    ASSERT_EQ(runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), deb(), root}).exitCode, 0);
    ASSERT_EQ(runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("-e"), deb(), control}).exitCode,
              0);
    const ToolRun run =
        runTool(QStringLiteral("unshare"),
                {QStringLiteral("--mount"), QStringLiteral("--propagation"),
                 QStringLiteral("private"), QStringLiteral("bash"),
                 QStringLiteral(ANYCAST_SOURCE_DIR "/tests/packaging/installed-root.sh"), root,
                 control, work.path()},
                120000);
    const auto logOf = [&](const char *name) {
        QFile file(work.filePath(QString::fromLatin1(name)));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    };
    const QString context =
        run.out + run.err + QStringLiteral("\n--- postinst\n") + logOf("postinst.log") +
        QStringLiteral("--- check\n") + logOf("check.err") + QStringLiteral("--- agent\n") +
        logOf("agent.log") + QStringLiteral("--- bridge as exabgp\n") + logOf("bridge-exabgp.log") +
        QStringLiteral("--- bridge as nobody\n") + logOf("bridge-nobody.log");
    ASSERT_EQ(run.exitCode, 0) << qPrintable(context);
    QHash<QString, QString> result;
    for (const QString &line : run.out.split(QLatin1Char('\n'))) {
        const QStringList words = line.split(QLatin1Char(' '));
        if (words.size() == 3 && words[0] == QLatin1String("RESULT"))
            result.insert(words[1], words[2]);
    }
    EXPECT_EQ(result.value(QStringLiteral("postinst")), QStringLiteral("0")) << qPrintable(context);
    const QStringList agentGroups =
        result.value(QStringLiteral("agent-groups")).split(QLatin1Char(','));
    EXPECT_TRUE(agentGroups.contains(QStringLiteral("anycast-ops"))) << qPrintable(context);
    EXPECT_TRUE(agentGroups.contains(QStringLiteral("exabgp"))) << qPrintable(context);
    EXPECT_EQ(result.value(QStringLiteral("check")), QStringLiteral("0")) << qPrintable(context);
    EXPECT_EQ(result.value(QStringLiteral("bgp-socket")),
              QStringLiteral("660,anycast-agent,exabgp"))
        << qPrintable(context);
    EXPECT_EQ(result.value(QStringLiteral("api-socket")),
              QStringLiteral("660,anycast-agent,anycast-ops"))
        << qPrintable(context);
    EXPECT_EQ(result.value(QStringLiteral("bridge-exabgp")), QStringLiteral("seen"))
        << qPrintable(context);
    EXPECT_EQ(result.value(QStringLiteral("agent-saw-bridge")), QStringLiteral("1"))
        << qPrintable(context);
    EXPECT_EQ(result.value(QStringLiteral("bridge-nobody")), QStringLiteral("seen"))
        << qPrintable(context);
    EXPECT_EQ(result.value(QStringLiteral("root-status")), QStringLiteral("0"))
        << qPrintable(context);
    EXPECT_FALSE(logOf("agent.log").contains(QStringLiteral("WARNING"))) << qPrintable(context);
}

} // namespace
