#include "tests/integration/AgentProcess.h"
#include "tests/lab/LabClient.h"
#include "tests/support/AgentTestConfig.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

// A hung service caught as it happens, by the real agent against the real lab service: an
// application that stops calling accept(), one that accepts but never reads, and one that
// reads and never answers. Clients
// arrive as they would in production (a request every 200 ms); times are printed, never
// asserted.
namespace anycast::labtest {
namespace {

using namespace std::chrono_literals;

constexpr auto kAgentPatience = 15s;

void report(const char *what, const QElapsedTimer &timer)
{
    std::printf("[ timing ] %s: %lld ms\n", what, static_cast<long long>(timer.elapsed()));
    std::fflush(stdout);
}

class AgentHang : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_lab = std::make_unique<LabServiceProcess>(
            QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                        QStringLiteral("--backlog"), QStringLiteral("64")});
        // The agent's defaults for the fast path, the full sample and the hang windows; a
        // probe with the defaults too (1 s interval and timeout).
        AgentTestConfig config(m_dir);
        config.addService(QStringLiteral("web"), {m_lab->port()})
            .prefixes({QStringLiteral("192.0.2.1/32")})
            .probe(QStringLiteral("http://127.0.0.1:%1/").arg(m_lab->port()));
        const QString path = config.write();
        ASSERT_FALSE(path.isEmpty());
        m_agent = std::make_unique<AgentProcess>(path);
        ASSERT_TRUE(m_agent->waitForLine(QStringLiteral("health web: starting -> healthy"),
                                         kAgentPatience));
    }

    // One client every 200 ms, each sending a request and waiting, until `line` appears in
    // the agent's log.
    std::optional<QString> clientsUntil(const QString &line, std::chrono::milliseconds patience)
    {
        const auto deadline = std::chrono::steady_clock::now() + patience;
        while (std::chrono::steady_clock::now() < deadline) {
            m_clients.push_back(connectTo("127.0.0.1", m_lab->port()));
            sendAll(m_clients.back(), kGet);
            if (auto found = m_agent->waitForLine(line, 200ms))
                return found;
        }
        return std::nullopt;
    }

    // Sends `fault` to the lab service and keeps clients coming until the agent has
    // de-preferred the service, for a reason that contains `because`, and then taken it
    // down on its probe; prints both times. The down line is kept in m_down.
    void degradedThenDown(const char *fault, const char *what, const QString &because)
    {
        ASSERT_EQ(m_lab->command(fault).rfind("ok", 0), 0u);
        QElapsedTimer sinceFault;
        sinceFault.start();
        const auto degraded =
            clientsUntil(QStringLiteral("health web: healthy -> degraded"), kAgentPatience);
        ASSERT_TRUE(degraded) << fault << ": the hang was never noticed";
        report((std::string(what) + " -> degraded").c_str(), sinceFault);
        EXPECT_TRUE(degraded->contains(because)) << degraded->toStdString();
        const auto down =
            clientsUntil(QStringLiteral("health web: degraded -> down"), kAgentPatience);
        ASSERT_TRUE(down) << fault << ": never down";
        report((std::string(what) + " -> down").c_str(), sinceFault);
        EXPECT_TRUE(down->contains(QStringLiteral("probe failed: "))) << down->toStdString();
        m_down = *down;
    }

    QTemporaryDir m_dir;
    QString m_down;
    std::unique_ptr<LabServiceProcess> m_lab;
    std::unique_ptr<AgentProcess> m_agent;
    std::vector<Fd> m_clients;
};

TEST_F(AgentHang, AcceptQueueStalledIsDePreferredAtOnceThenWithdrawn)
{
    ASSERT_EQ(m_lab->command("pause-accept").rfind("ok", 0), 0u);
    QElapsedTimer sincePause;
    sincePause.start();
    const auto degraded =
        clientsUntil(QStringLiteral("health web: healthy -> degraded"), kAgentPatience);
    ASSERT_TRUE(degraded) << "the stalled queue was never noticed";
    report("accept paused -> degraded", sincePause);
    // Noticed on the first fast-path reading past the 200 ms window.
    const QRegularExpression stalled(
        QStringLiteral("accept queue stalled 0\\.[23] s on :%1: \\d+ waiting, none accepted")
            .arg(m_lab->port()));
    EXPECT_TRUE(degraded->contains(stalled)) << degraded->toStdString();
    ASSERT_TRUE(m_agent->waitForLine(QStringLiteral("route web 192.0.2.1/32: announced"), 5s));
    const auto down = clientsUntil(QStringLiteral("health web: degraded -> down"), kAgentPatience);
    ASSERT_TRUE(down);
    report("accept paused -> down", sincePause);
    // Down by the stall's withdraw window or by the probe's timeouts, whichever came first;
    // the stall is named either way.
    EXPECT_TRUE(down->contains(QStringLiteral("accept queue stalled ")) &&
                down->contains(QStringLiteral(" on :%1: ").arg(m_lab->port())))
        << down->toStdString();
    const auto withdrawn = m_agent->waitForLine(QStringLiteral("-> withdrawn: down:"), 5s);
    ASSERT_TRUE(withdrawn);

    ASSERT_EQ(m_lab->command("resume-accept").rfind("ok", 0), 0u);
    ASSERT_TRUE(
        m_agent->waitForLine(QStringLiteral("health web: down -> healthy"), kAgentPatience));
}

TEST_F(AgentHang, AcceptedButNeverReadIsDePreferredThenTheProbeConfirmsAtOnce)
{
    // The probe times out; with the sockets already showing the hang, no retry: the first
    // failing probe counts, and `fall` checks later the service is down.
    degradedThenDown("pause-read", "reading paused",
                     QStringLiteral("holding unread bytes for 0.2 s or more"));
    EXPECT_TRUE(m_down.contains(QStringLiteral("holding unread bytes"))) << m_down.toStdString();

    ASSERT_EQ(m_lab->command("resume-read").rfind("ok", 0), 0u);
    ASSERT_TRUE(
        m_agent->waitForLine(QStringLiteral("health web: down -> healthy"), kAgentPatience));
}

TEST_F(AgentHang, RequestsReadAndNeverAnsweredAreDePreferredThenTheProbeConfirms)
{
    // The service reads each request and answers it 5 s later: past a client's patience.
    degradedThenDown("delay 5000", "answers delayed 5 s",
                     QStringLiteral("read and not answered for 1.0 s or more"));

    // The requests read before the fault cleared still get their answers 5 s late, so the
    // way back may pass through degraded.
    ASSERT_EQ(m_lab->command("delay 0").rfind("ok", 0), 0u);
    ASSERT_TRUE(m_agent->waitForLine(QStringLiteral("-> healthy"), kAgentPatience))
        << m_agent->log().filter(QStringLiteral("health web")).join(u'\n').toStdString();
}

TEST_F(AgentHang, BurstsThatDrainAreNoHang)
{
    // Bursts of 100 connections at once, twice a second, each answered: the accept queue
    // fills and drains, requests wait in receive queues for a moment. Ten seconds, no change.
    for (int burst = 0; burst < 20; ++burst) {
        std::vector<Fd> clients;
        for (int i = 0; i < 100; ++i) {
            clients.push_back(connectTo("127.0.0.1", m_lab->port()));
            sendAll(clients.back(), kGet);
        }
        for (const Fd &client : clients)
            EXPECT_EQ(parseHttpAnswer(readToEnd(client)).status, 200);
        EXPECT_FALSE(m_agent->waitForLine(QStringLiteral("health web: healthy ->"), 500ms))
            << "burst " << burst;
    }
}

} // namespace
} // namespace anycast::labtest
