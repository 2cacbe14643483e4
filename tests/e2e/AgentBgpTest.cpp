#include "tests/e2e/LabAgentNode.h"
#include "tests/integration/AgentProcess.h"
#include "tests/lab/LabClient.h"
#include "tests/lab/bgp/BgpLab.h"
#include "tests/support/AgentTestConfig.h"
#include "tests/support/LoopbackPort.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>

// The whole route path, every part real: anycast-lab-service on loopback -> anycast-agent
// (sampler, health, policy, BGP controller) -> anycast-exabgp-bridge run by ExaBGP 4.2 as
// its API process -> a BGP session -> GoBGP, whose RIB is read with `gobgp -j`. Times are
// printed, not asserted.
namespace anycast::labtest {
namespace {

using namespace std::chrono_literals;
using lab::RibRoute;

constexpr auto kPatience = 20s;
const QString kPrefix = QStringLiteral("192.0.2.10/32");
constexpr quint32 kLocalAs = 65001;

QList<quint32> pathOf(int copies)
{
    return QList<quint32>(copies, kLocalAs);
}

void report(const char *what, const QElapsedTimer &timer)
{
    std::printf("[ timing ] %s: %lld ms\n", what, static_cast<long long>(timer.elapsed()));
    std::fflush(stdout);
}

class AgentOverBgp : public ::testing::Test
{
protected:
    void startAll(const QString &onAgentLoss = QStringLiteral("keep"))
    {
        ASSERT_TRUE(m_dir.isValid());
        m_service = std::make_unique<LabServiceProcess>(
            QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                        QStringLiteral("--backlog"), QStringLiteral("8")});
        lab::ExabgpNodeConfig node;
        node.localAs = kLocalAs;
        node.api = lab::ApiProcess{QStringLiteral("anycast-agent"),
                                   {QStringLiteral(ANYCAST_BIN_DIR "/anycast-exabgp-bridge"),
                                    QStringLiteral("--socket"), m_config.bgpSocket(),
                                    QStringLiteral("--on-agent-loss"), onAgentLoss,
                                    QStringLiteral("--grace"), QStringLiteral("1s")}};
        m_lab.addNode(node);
        ASSERT_TRUE(m_lab.start()) << m_lab.diagnostics().toStdString();
        configure(onAgentLoss);
        m_agent = std::make_unique<AgentProcess>(m_config.write());
    }

    void configure(const QString &onAgentLoss)
    {
        m_config.node(QStringLiteral("bgp-lab-1"))
            .httpListen(m_httpPort)
            .fastPathInterval(100ms)
            .sampleInterval(500ms)
            .localAs(kLocalAs)
            .nextHop(QStringLiteral("198.51.100.7"))
            .onAgentLoss(onAgentLoss)
            // The test changes the route five times in a minute on purpose; the default
            // budget of 4 would (rightly) hold the last state.
            .flapBudget(20);
        m_config.addService(QStringLiteral("web"), {m_service->port()})
            .prefixes({kPrefix})
            .rise(2)
            .fall(2)
            .probe(QStringLiteral("tcp://127.0.0.1:%1").arg(m_service->port()))
            .probeInterval(500ms)
            .probeTimeout(400ms)
            .med(50)
            .communities({QStringLiteral("65001:100")})
            .degradedPrepend(3);
    }

    std::optional<RibRoute> waitForPath(int copies)
    {
        return m_lab.gobgp().waitForRoute(
            kPrefix, [copies](const RibRoute &route) { return route.asPath == pathOf(copies); },
            kPatience);
    }

    // GET /status from the running agent: its own view of health and BGP.
    QJsonObject status() const { return fetchStatus(m_httpPort); }

    QTemporaryDir m_dir;
    quint16 m_httpPort = test::freeLoopbackPort();
    AgentTestConfig m_config{m_dir};
    std::unique_ptr<LabServiceProcess> m_service;
    lab::BgpLab m_lab;
    std::unique_ptr<AgentProcess> m_agent;
};

TEST_F(AgentOverBgp, HealthDrivesTheRouteInARealPeersRib)
{
    startAll();
    QElapsedTimer sinceStart;
    sinceStart.start();
    const auto healthy = waitForPath(1);
    ASSERT_TRUE(healthy) << m_lab.diagnostics().toStdString();
    report("agent start -> prefix in GoBGP's RIB", sinceStart);
    EXPECT_EQ(healthy->med, std::optional<quint32>(50));
    EXPECT_EQ(healthy->communities, QStringList{QStringLiteral("65001:100")});
    EXPECT_EQ(healthy->nextHop, QStringLiteral("198.51.100.7"));

    // The agent's status shows the session and the acknowledged route.
    const QJsonObject bgp = status().value(QStringLiteral("bgp")).toObject();
    EXPECT_TRUE(bgp.value(QStringLiteral("bridge_connected")).toBool());
    EXPECT_EQ(bgp.value(QStringLiteral("neighbors")).toObject().value(QStringLiteral("127.0.0.1")),
              QStringLiteral("up"))
        << QJsonDocument(bgp).toJson().toStdString();
    const QJsonObject prefix = bgp.value(QStringLiteral("prefixes")).toArray().at(0).toObject();
    EXPECT_EQ(prefix.value(QStringLiteral("prefix")).toString(), kPrefix);
    EXPECT_TRUE(prefix.value(QStringLiteral("converged")).toBool())
        << QJsonDocument(prefix).toJson().toStdString();

    // Degraded: six unaccepted connections, a queue that stalls (and fills 75% of the backlog
    // of 8); resumed before the stall's withdraw window.
    ASSERT_EQ(m_service->command("pause-accept").rfind("ok", 0), 0u);
    std::vector<Fd> clients;
    for (int i = 0; i < 6; ++i)
        clients.push_back(connectTo("127.0.0.1", m_service->port()));
    ASSERT_TRUE(waitForPath(4)) << "degraded must prepend the AS path three times";
    ASSERT_EQ(m_service->command("resume-accept").rfind("ok", 0), 0u);
    ASSERT_TRUE(waitForPath(1)) << "healthy again: the prepends go";

    // Down: the listener closes; the route leaves the RIB.
    ASSERT_EQ(m_service->command("close-listener").rfind("ok", 0), 0u);
    QElapsedTimer sinceClose;
    sinceClose.start();
    ASSERT_TRUE(m_lab.gobgp().waitForNoRoute(kPrefix, kPatience));
    report("listener closed -> route gone from GoBGP's RIB", sinceClose);

    ASSERT_EQ(m_service->command("reopen-listener").rfind("ok", 0), 0u);
    QElapsedTimer sinceReopen;
    sinceReopen.start();
    ASSERT_TRUE(waitForPath(1));
    report("listener reopened -> route back after rise", sinceReopen);
}

TEST_F(AgentOverBgp, ExabgpRestartGetsTheRoutesAgainWithoutRestartingTheAgent)
{
    startAll();
    ASSERT_TRUE(waitForPath(1)) << m_lab.diagnostics().toStdString();
    m_lab.node(0).kill();
    ASSERT_TRUE(m_lab.gobgp().waitForNoRoute(kPrefix, kPatience));
    ASSERT_TRUE(m_lab.node(0).restart()) << m_lab.diagnostics().toStdString();
    QElapsedTimer sinceRestart;
    sinceRestart.start();
    ASSERT_TRUE(waitForPath(1)) << m_lab.diagnostics().toStdString();
    report("ExaBGP restarted -> route announced again", sinceRestart);
}

TEST_F(AgentOverBgp, KilledBridgeIsRespawnedAndTheStateSentAgain)
{
    startAll();
    ASSERT_TRUE(waitForPath(1)) << m_lab.diagnostics().toStdString();
    ASSERT_TRUE(m_agent->waitForLine(QStringLiteral("bgp: bridge connected"), kPatience));
    // The bridge is ExaBGP's child; kill it the hard way and let ExaBGP respawn it.
    // Only this lab's bridge (its socket path is unique); the bracket keeps pkill from
    // matching the shell that runs it.
    const QByteArray pkill = "pkill -9 -f 'anycast-exabgp-bridg[e] --socket " +
                             QFile::encodeName(m_config.bgpSocket()) + "'";
    ASSERT_EQ(std::system(pkill.constData()), 0);
    ASSERT_TRUE(m_agent->waitForLine(QStringLiteral("bgp: bridge disconnected"), kPatience));
    QElapsedTimer sinceKill;
    sinceKill.start();
    ASSERT_TRUE(m_agent->waitForLine(QStringLiteral("bgp: bridge connected"), kPatience))
        << m_lab.diagnostics().toStdString();
    ASSERT_TRUE(
        m_agent->waitForLine(QStringLiteral("bgp: -> announce route ") + kPrefix, kPatience));
    report("bridge killed -> respawned and the state sent again", sinceKill);
    EXPECT_TRUE(waitForPath(1));
}

TEST_F(AgentOverBgp, AgentLossKeepsTheRoutesWhenConfiguredToKeep)
{
    startAll(QStringLiteral("keep"));
    ASSERT_TRUE(waitForPath(1)) << m_lab.diagnostics().toStdString();
    m_agent->kill();
    // Past the bridge's 1 s grace the route must still be there.
    QElapsedTimer sinceKill;
    sinceKill.start();
    while (sinceKill.elapsed() < 3000) {
        ASSERT_TRUE(m_lab.gobgp().waitForRoute(kPrefix, {}, 1s)) << "keep must keep the route";
    }
}

TEST_F(AgentOverBgp, AgentLossWithdrawsAfterTheGraceWhenConfiguredToWithdraw)
{
    startAll(QStringLiteral("withdraw"));
    ASSERT_TRUE(waitForPath(1)) << m_lab.diagnostics().toStdString();
    m_agent->kill();
    QElapsedTimer sinceKill;
    sinceKill.start();
    ASSERT_TRUE(m_lab.gobgp().waitForNoRoute(kPrefix, kPatience));
    report("agent killed -> bridge withdrew after its 1 s grace", sinceKill);
    EXPECT_GE(sinceKill.elapsed(), 900) << "withdrawn before the grace time was over";
}

} // namespace
} // namespace anycast::labtest
