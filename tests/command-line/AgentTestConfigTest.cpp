// The tests' agent.toml builder against the real `anycast-agent --check`: every key it can
// write is one the agent accepts, and its raw escape hatch reaches the agent's own errors.
#include "tests/support/AgentTestConfig.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace anycast::labtest {
namespace {

using namespace std::chrono_literals;

struct CheckRun
{
    int exitCode = -1;
    QString output; // stdout and stderr
};

CheckRun check(const QString &config)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(ANYCAST_BIN_DIR "/anycast-agent"),
                  {QStringLiteral("--config"), config, QStringLiteral("--check")});
    EXPECT_TRUE(process.waitForFinished(30000)) << "--check did not finish";
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

// Every setter once, with values the agent accepts; groups that exist on every host.
AgentTestConfig everySetter(const QTemporaryDir &dir)
{
    AgentTestConfig config(dir);
    config.node(QStringLiteral("check-1"))
        .region(QStringLiteral("check-region"))
        .location(50.11, 8.68)
        .operatorsGroup(QStringLiteral("root"))
        .apiGroup(QStringLiteral("root"))
        .bgpGroup(QStringLiteral("root"))
        .history(2min)
        .httpListen(9)
        .fastPathInterval(100ms)
        .sampleInterval(500ms)
        .connectionWatchCpuPercent(1)
        .localAs(65001)
        .nextHop(QStringLiteral("198.51.100.7"))
        .onAgentLoss(QStringLiteral("withdraw"))
        .flapBudget(20)
        .flapWindowSeconds(600)
        .peers({QStringLiteral("http://127.0.0.2:9642")})
        .minAnnouncing(2)
        .pollInterval(300ms)
        .pollTimeout(250ms)
        .sharedFaultCheck(true);
    config.addService(QStringLiteral("web"), {8080, 8443})
        .prefixes({QStringLiteral("192.0.2.1/32"), QStringLiteral("2001:db8::1/128")})
        .rise(2)
        .fall(3)
        .listenerLossImmediate(false)
        .probe(QStringLiteral("http://127.0.0.1:8080/health"))
        .probeInterval(500ms)
        .probeTimeout(400ms)
        .probeRetryDelay(100ms)
        .probeExpectStatus(204)
        .acceptQueueRatio(0.75)
        .acceptQueueDepth(16)
        .acceptStall(300ms)
        .acceptStallWithdraw(3s)
        .unreadAge(250ms)
        .unreadConnections(2)
        .unansweredAge(2s)
        .unansweredAgeMin(300ms)
        .unansweredConnections(3)
        .med(50)
        .communities({QStringLiteral("65001:100")})
        .degradedPrepend(2)
        .degradedMed(150)
        .withdrawOnDown(false)
        .downMed(1000)
        .drainPrepend(4)
        .drainFloor(2)
        .drainGrace(5min);
    config.addService(QStringLiteral("dns"), {5353}).probe(QStringLiteral("tcp://127.0.0.1:5353"));
    return config;
}

TEST(AgentTestConfig, EverySetterWritesAKeyTheAgentAccepts)
{
    const QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = everySetter(dir).write();
    ASSERT_FALSE(path.isEmpty());
    const CheckRun run = check(path);
    EXPECT_EQ(run.exitCode, 0) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("OK (2 services)"))) << run.output.toStdString();
}

TEST(AgentTestConfig, PutsTheSocketsAndStateInTheTestsFolder)
{
    const QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const AgentTestConfig config(dir);
    ASSERT_EQ(config.write(), dir.filePath(QStringLiteral("agent.toml")));
    const QString text = config.text();
    EXPECT_TRUE(text.contains(QStringLiteral("api_socket = \"%1/api.sock\"").arg(dir.path())))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("bgp_socket = \"%1/bgp.sock\"").arg(dir.path())))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("state_dir = \"%1/state\"").arg(dir.path())))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("http_listen = \"\""))) << text.toStdString();
    EXPECT_TRUE(QFileInfo(config.stateDir()).isDir());
}

TEST(AgentTestConfig, SettingAKeyAgainReplacesIt)
{
    const QTemporaryDir dir;
    AgentTestConfig config(dir);
    config.addService(QStringLiteral("web"), {8080}).med(50);
    config.service(QStringLiteral("web")).med(70).ports({8081});
    const QString text = config.text();
    EXPECT_EQ(text.count(QStringLiteral("med = ")), 1) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("med = 70\n"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("ports = [8081]\n"))) << text.toStdString();
}

TEST(AgentTestConfig, AnUnknownExtraKeyFailsTheCheckAtItsLine)
{
    const QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    AgentTestConfig config = everySetter(dir);
    config.extraLine(QStringLiteral("rize = 3"));
    const QString path = config.write();
    ASSERT_FALSE(path.isEmpty());
    const int line = static_cast<int>(config.text().count(QLatin1Char('\n')));
    const CheckRun run = check(path);
    EXPECT_EQ(run.exitCode, 2) << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("%1:%2:").arg(path).arg(line)))
        << "expected " << path.toStdString() << ":" << line << ":\n"
        << run.output.toStdString();
    EXPECT_TRUE(run.output.contains(QStringLiteral("unknown key"))) << run.output.toStdString();
}

} // namespace
} // namespace anycast::labtest
