// anycast-agent --check as a process: the file's own errors and the host's missing groups,
// each as FILE:LINE:COL with exit code 2. The host's group database is made what each test
// needs by giving the agent its own copy of /etc/group in a private mount namespace (the
// tests run as root, as CI does), so no test depends on, or changes, the machine's groups.
#include "tests/command-line/ConfigFolderTest.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <unistd.h>

namespace anycast {
namespace {

const QString kExample = QStringLiteral(ANYCAST_SOURCE_DIR "/examples/agent.toml");

struct CheckRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// /etc/group as this test wants it: the host's, with `removed` taken out and `added` put in.
class GroupDatabase
{
public:
    GroupDatabase(const QStringList &added, const QStringList &removed)
    {
        QFile host(QStringLiteral("/etc/group"));
        EXPECT_TRUE(host.open(QIODevice::ReadOnly));
        QByteArray text;
        for (const QByteArray &line : host.readAll().split('\n')) {
            const QString name = QString::fromUtf8(line.left(line.indexOf(':')));
            if (!line.isEmpty() && !removed.contains(name) && !added.contains(name))
                text += line + '\n';
        }
        int gid = 59990; // above the system range, below the usual user range's end
        for (const QString &name : added)
            text += QStringLiteral("%1:x:%2:\n").arg(name).arg(gid++).toUtf8();
        QFile copy(path());
        EXPECT_TRUE(copy.open(QIODevice::WriteOnly));
        copy.write(text);
    }
    QString path() const { return m_dir.filePath(QStringLiteral("group")); }

private:
    QTemporaryDir m_dir;
};

CheckRun check(const QString &config, const GroupDatabase &groups)
{
    EXPECT_EQ(::geteuid(), 0u) << "the group database is replaced in a mount namespace: root";
    QProcess process;
    process.start(QStringLiteral("unshare"),
                  {QStringLiteral("--mount"), QStringLiteral("--propagation"),
                   QStringLiteral("private"), QStringLiteral("sh"), QStringLiteral("-c"),
                   QStringLiteral("mount --bind \"$0\" /etc/group && exec \"$@\""), groups.path(),
                   QStringLiteral(ANYCAST_BIN_DIR "/anycast-agent"), QStringLiteral("--config"),
                   config, QStringLiteral("--check")});
    EXPECT_TRUE(process.waitForFinished(30000)) << "--check did not finish";
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

using AgentCheck = ConfigFolderTest;

TEST_F(AgentCheck, AcceptsTheExampleConfigWhereItsGroupsExist)
{
    const CheckRun run = check(
        kExample, GroupDatabase({QStringLiteral("anycast-ops"), QStringLiteral("exabgp")}, {}));
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("OK (2 services)"))) << run.out.toStdString();
}

TEST_F(AgentCheck, NamesEachMissingGroupAtItsLineAndExitsTwo)
{
    const CheckRun run = check(
        kExample, GroupDatabase({}, {QStringLiteral("anycast-ops"), QStringLiteral("exabgp")}));
    EXPECT_EQ(run.exitCode, 2);
    const QStringList lines = run.err.trimmed().split(QLatin1Char('\n'));
    ASSERT_EQ(lines.size(), 2) << run.err.toStdString();
    EXPECT_EQ(lines[0], kExample + QStringLiteral(":9:19: operators_group 'anycast-ops' does not "
                                                  "exist on this host: only root could drain "
                                                  "and undrain"));
    EXPECT_TRUE(lines[1].startsWith(kExample + QStringLiteral(":12:13: bgp_group 'exabgp' does "
                                                              "not exist on this host")))
        << lines[1].toStdString();
    EXPECT_FALSE(run.out.contains(QStringLiteral("OK"))) << run.out.toStdString();
}

TEST_F(AgentCheck, ReportsFileLineColumnAndExitsTwo)
{
    const QString path = writeConfig(QStringLiteral("[agent]\nregion = \"r\"\n[[service]]\n"
                                                    "name = \"s\"\nports = [0]\n"));
    const CheckRun run = check(path, GroupDatabase({QStringLiteral("anycast-ops")}, {}));
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(
        path + QStringLiteral(":5:10: ports: a port is an integer from 1 to 65535")))
        << run.err.toStdString();
}

TEST_F(AgentCheck, ABadPrefixFailsWithTheCanonicalFormSuggested)
{
    const QString path = writeConfig(
        QStringLiteral("[agent]\nregion = \"r\"\noperators_group = \"root\"\n[[service]]\n"
                       "name = \"web\"\nports = [80]\n"
                       "prefixes = [\"192.0.2.1/24\", \"fe80::1%eth0 next-hop 10.9.9.9/128\"]\n"));
    const CheckRun run = check(path, GroupDatabase({}, {}));
    EXPECT_EQ(run.exitCode, 2);
    const QStringList lines = run.err.trimmed().split(QLatin1Char('\n'));
    ASSERT_EQ(lines.size(), 2) << run.err.toStdString();
    EXPECT_EQ(lines[0], path + QStringLiteral(":7:13: prefixes: '192.0.2.1/24' has host bits set; "
                                              "did you mean 192.0.2.0/24?"));
    EXPECT_TRUE(lines[1].startsWith(path + QStringLiteral(":7:29: prefixes: 'fe80::1%eth0 "
                                                          "next-hop 10.9.9.9/128' contains "
                                                          "whitespace")))
        << lines[1].toStdString();
}

TEST_F(AgentCheck, ASocketPathTooLongForSunPathIsAConfigError)
{
    const QString socket = QStringLiteral("/run/anycast-agent/") + QString(100, QLatin1Char('s'));
    const QString path = writeConfig(
        QStringLiteral("[agent]\nregion = \"r\"\noperators_group = \"root\"\nbgp_socket = \"%1\"\n")
            .arg(socket));
    const CheckRun run = check(path, GroupDatabase({}, {}));
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err.trimmed(),
              path + QStringLiteral(":4:14: bgp_socket is 119 bytes long, longer than 107 bytes: "
                                    "a Unix socket path must fit sun_path"));
}

} // namespace
} // namespace anycast
