#include "tests/integration/AgentProcess.h"
#include "tests/lab/LabClient.h"
#include "tests/support/AgentTestConfig.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstdio>

// The real agent against the real lab service on loopback: the kernel's sockets, the agent's
// samplers, probes, health engine and route policy, end to end. Times are printed, never
// asserted (benchmarks measure; tests check behaviour).
namespace anycast::labtest {
namespace {

using namespace std::chrono_literals;

// Generous: a loaded 2-core CI machine must not fail a test that is merely slow.
constexpr auto kPatience = 15s;

class AgentWithLabService : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_lab = std::make_unique<LabServiceProcess>(
            QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                        QStringLiteral("--backlog"), QStringLiteral("8")});
    }

    // One service "web" on the lab service's port, checked by `probe`.
    AgentTestConfig webConfig(const QString &probe)
    {
        AgentTestConfig config(m_dir);
        config.fastPathInterval(100ms).sampleInterval(500ms);
        config.addService(QStringLiteral("web"), {m_lab->port()})
            .prefixes({QStringLiteral("192.0.2.1/32")})
            .rise(2)
            .fall(2)
            .probe(probe)
            .probeInterval(500ms)
            .probeTimeout(400ms);
        return config;
    }

    QString tcpProbe() const { return QStringLiteral("tcp://127.0.0.1:%1").arg(m_lab->port()); }
    QString httpProbe() const
    {
        return QStringLiteral("http://127.0.0.1:%1/health").arg(m_lab->port());
    }

    QTemporaryDir m_dir;
    std::unique_ptr<LabServiceProcess> m_lab;
};

void report(const char *what, const QElapsedTimer &timer)
{
    std::printf("[ timing ] %s: %lld ms\n", what, static_cast<long long>(timer.elapsed()));
    std::fflush(stdout);
}

TEST_F(AgentWithLabService, ClosedListenerTurnsDownAndIsWithdrawnThenRecovers)
{
    AgentProcess agent(webConfig(tcpProbe()).write());
    ASSERT_TRUE(agent.waitForLine(QStringLiteral("health web: starting -> healthy"), kPatience));
    ASSERT_TRUE(agent.waitForLine(QStringLiteral("route web 192.0.2.1/32: withdrawn -> announced"),
                                  kPatience));

    ASSERT_EQ(m_lab->command("close-listener").rfind("ok", 0), 0u);
    QElapsedTimer sinceClose;
    sinceClose.start();
    const auto down = agent.waitForLine(QStringLiteral("health web: healthy -> down"), kPatience);
    ASSERT_TRUE(down) << "the agent never saw the listener go";
    report("listener closed -> verdict down", sinceClose);
    EXPECT_TRUE(down->contains(QStringLiteral("no listener on :%1 (fast path)").arg(m_lab->port())))
        << down->toStdString();
    const auto withdrawn =
        agent.waitForLine(QStringLiteral("route web 192.0.2.1/32: announced"), kPatience);
    ASSERT_TRUE(withdrawn);
    EXPECT_TRUE(withdrawn->contains(QStringLiteral("-> withdrawn: down: no listener")))
        << withdrawn->toStdString();

    ASSERT_EQ(m_lab->command("reopen-listener").rfind("ok", 0), 0u);
    QElapsedTimer sinceReopen;
    sinceReopen.start();
    ASSERT_TRUE(agent.waitForLine(QStringLiteral("health web: down -> healthy"), kPatience));
    report("listener reopened -> verdict healthy (rise 2 at 500 ms)", sinceReopen);
    ASSERT_TRUE(agent.waitForLine(QStringLiteral("-> announced (med 100): healthy"), kPatience));
}

TEST_F(AgentWithLabService, FillingAcceptQueueDegradesBeforeAnythingFails)
{
    // The fill ratio alone: with the stall signals on, the queue that never drains would be
    // called stalled first (AgentHangTest covers that).
    AgentTestConfig stallsOff = webConfig(tcpProbe());
    stallsOff.service(QStringLiteral("web")).acceptStall(0ms).acceptStallWithdraw(0ms);
    AgentProcess agent(stallsOff.write());
    ASSERT_TRUE(agent.waitForLine(QStringLiteral("health web: starting -> healthy"), kPatience));

    // Backlog 8: six waiting connections are 75% of it, past the default 50% threshold,
    // while the queue still has room, so the probe keeps connecting.
    ASSERT_EQ(m_lab->command("pause-accept").rfind("ok", 0), 0u);
    std::vector<Fd> clients;
    for (int i = 0; i < 6; ++i)
        clients.push_back(connectTo("127.0.0.1", m_lab->port()));
    QElapsedTimer sincePause;
    sincePause.start();
    const auto degraded =
        agent.waitForLine(QStringLiteral("health web: healthy -> degraded"), kPatience);
    ASSERT_TRUE(degraded);
    report("accept queue 75% full -> verdict degraded", sincePause);
    EXPECT_TRUE(degraded->contains(QStringLiteral("of 8 on :%1").arg(m_lab->port())))
        << degraded->toStdString();
    const auto deprefered =
        agent.waitForLine(QStringLiteral("route web 192.0.2.1/32: announced"), kPatience);
    ASSERT_TRUE(deprefered);
    EXPECT_TRUE(deprefered->contains(QStringLiteral("-> degraded (med 100, prepend 3)")))
        << deprefered->toStdString();

    ASSERT_EQ(m_lab->command("resume-accept").rfind("ok", 0), 0u);
    ASSERT_TRUE(agent.waitForLine(QStringLiteral("health web: degraded -> healthy"), kPatience));
    EXPECT_FALSE(agent.log().filter(QStringLiteral("-> down")).size() > 0)
        << "a filling queue must degrade, not take the service down";
}

TEST_F(AgentWithLabService, HttpProbeAnswering500DePrefersAtOnceThenTakesTheServiceDown)
{
    AgentProcess agent(webConfig(httpProbe()).write());
    ASSERT_TRUE(agent.waitForLine(QStringLiteral("health web: starting -> healthy"), kPatience));
    ASSERT_EQ(m_lab->command("status 500").rfind("ok", 0), 0u);
    QElapsedTimer sinceError;
    sinceError.start();
    // The service itself answers wrongly: once the retry agrees, de-preferred at once ...
    const auto degraded =
        agent.waitForLine(QStringLiteral("health web: healthy -> degraded"), kPatience);
    ASSERT_TRUE(degraded);
    report("HTTP 500 -> degraded (probe retry agrees)", sinceError);
    EXPECT_TRUE(
        degraded->contains(QStringLiteral("probe answered wrongly: HTTP 500 (expected 200)")))
        << degraded->toStdString();
    // ... and down after `fall` checks, as any probe failure.
    const auto down = agent.waitForLine(QStringLiteral("health web: degraded -> down"), kPatience);
    ASSERT_TRUE(down);
    report("HTTP 500 -> down (fall 2)", sinceError);
    EXPECT_TRUE(down->contains(QStringLiteral("probe failed: HTTP 500 (expected 200)")))
        << down->toStdString();

    ASSERT_EQ(m_lab->command("status 200").rfind("ok", 0), 0u);
    ASSERT_TRUE(agent.waitForLine(QStringLiteral("health web: down -> healthy"), kPatience));
}

TEST_F(AgentWithLabService, SecondAgentDoesNotTakeOverALiveBgpSocket)
{
    AgentTestConfig config(m_dir);
    config.localAs(65001);
    config.addService(QStringLiteral("web"), {m_lab->port()});
    const QString socket = config.bgpSocket();
    const QString path = config.write();
    ASSERT_FALSE(path.isEmpty());
    AgentProcess first(path);
    ASSERT_TRUE(first.waitForLine(
        QStringLiteral("bgp: waiting for anycast-exabgp-bridge on ") + socket, kPatience));
    AgentProcess second(path);
    const auto refused = second.waitForLine(QStringLiteral("bgp: no route output:"), kPatience);
    ASSERT_TRUE(refused);
    EXPECT_TRUE(refused->contains(QStringLiteral("in use by another process")))
        << refused->toStdString();
    EXPECT_TRUE(QFileInfo::exists(socket)) << "the first agent's socket must survive";
}

} // namespace
} // namespace anycast::labtest
