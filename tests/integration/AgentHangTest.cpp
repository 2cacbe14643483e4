#include "tests/integration/AgentProcess.h"
#include "tests/lab/LabClient.h"
#include "tests/support/AgentTestConfig.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <cstdio>
#include <optional>
#include <string>

// A hung service caught as it happens, by the real agent against the real lab service: an
// application that stops calling accept(), one that accepts but never reads, and one that
// reads and never answers, with the fixed bound and with the one learned from the service's
// answers. Clients arrive as they would in production (a request every 200 ms); times are
// printed, never asserted.
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
    // The fixed bound (unanswered_age_min = unanswered_age): each hang is caught by its own
    // signal, not by the probe's request overdue once the service's pace is learned (the
    // AgentHangLearned tests below).
    void SetUp() override { start(1s); }

    // `unansweredAgeMin`: none for the default, learned bound.
    void start(std::optional<std::chrono::milliseconds> unansweredAgeMin = std::nullopt)
    {
        ASSERT_TRUE(m_dir.isValid());
        m_lab = std::make_unique<LabServiceProcess>(
            QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                        QStringLiteral("--backlog"), QStringLiteral("64")});
        // The agent's defaults for the fast path, the full sample and the hang windows; a
        // probe with the defaults too (100 ms interval, 1 s timeout).
        AgentTestConfig config(m_dir);
        ServiceTestConfig &web =
            config.addService(QStringLiteral("web"), {m_lab->port()})
                .prefixes({QStringLiteral("192.0.2.1/32")})
                .probe(QStringLiteral("http://127.0.0.1:%1/").arg(m_lab->port()));
        if (unansweredAgeMin)
            web.unansweredAgeMin(*unansweredAgeMin);
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
        degradedThenDown(fault, what, QRegularExpression(QRegularExpression::escape(because)));
    }

    void degradedThenDown(const char *fault, const char *what, const QRegularExpression &because)
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

// The agent's defaults: the bound on an unanswered request is learned from the service's
// answers (its probe, ten a second), so a service that answers in milliseconds is caught
// within a fraction of the second the fixed bound waits.
class AgentHangLearned : public AgentHang
{
protected:
    void SetUp() override
    {
        start();
        // At least 20 answers learned: the probe's runs since the agent started (the first
        // full sample is at once, `rise` = 3 checks a second apart), and three seconds more.
        // The probe runs on the fast path's 25 ms ticks, so its 100 ms are 100 to 125 ms:
        // 20 answers take up to 2.5 s.
        QThread::msleep(3000);
    }
};

TEST_F(AgentHangLearned, AFastServiceThatStopsAnsweringIsDePreferredWithinItsLearnedBound)
{
    // The probe's own request or the clients' requests, whichever passed the learned bound
    // first; either names the bound (the floor: the lab service answers in milliseconds)
    // and what it was learned from. Withdrawn later, by the probe's timeout, believed at
    // once since the sockets agree.
    degradedThenDown("delay 5000", "answers delayed 5 s, learned bound",
                     QRegularExpression(QStringLiteral(
                         "not answered for 0\\.2 s or more.*answers here take up to \\d+ ms")));

    ASSERT_EQ(m_lab->command("delay 0").rfind("ok", 0), 0u);
    ASSERT_TRUE(m_agent->waitForLine(QStringLiteral("-> healthy"), kAgentPatience))
        << m_agent->log().filter(QStringLiteral("health web")).join(u'\n').toStdString();
}

TEST_F(AgentHangLearned, AnswersSlowerThanUsualButNotHungAreLearnedNotDePreferred)
{
    // Every answer now takes 100 ms: slower than anything learned (the bound is the 200 ms
    // floor), but each request is answered well inside it, and the bound grows with them
    // (4 x 100 ms). Clients every 200 ms for five seconds: no route change.
    ASSERT_EQ(m_lab->command("delay 100").rfind("ok", 0), 0u);
    EXPECT_FALSE(clientsUntil(QStringLiteral("health web: healthy -> "), 5s))
        << m_agent->log().filter(QStringLiteral("health web")).join(u'\n').toStdString();
    ASSERT_EQ(m_lab->command("delay 0").rfind("ok", 0), 0u);
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
