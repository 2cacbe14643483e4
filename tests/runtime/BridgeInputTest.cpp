#include "agent/bgp/BgpController.h"
#include "tests/bridge/BridgeHarness.h"
#include "tests/runtime/QtWarnings.h"
#include "tests/runtime/RuntimeAgent.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QProcess>
#include <QThread>

#include <gtest/gtest.h>

#include <cstdio>

// What ExaBGP's side of the bridge can make the agent do: the real agent and the real
// anycast-exabgp-bridge, with this test writing on the bridge's stdin as ExaBGP would
// (neighbor-changes events, any line at all). The input is bounded, sessions go unknown with
// the bridge, and ExaBGP's side cannot speak for the bridge.
namespace anycast::test {
namespace {

// The agent's memory target, 30 MB with MB = 10^6 bytes as docs/PERFORMANCE.md reads it.
constexpr quint64 kRssTargetKb = 30'000'000 / 1024;
constexpr int kEvents = 50000;

std::string stateEvent(const std::string &peer, const std::string &state)
{
    return R"({"exabgp": "4.0.1", "time": 1700000000.0, "host": "lab", "pid": 4242, "ppid": 1, )"
           R"("counter": 1, "type": "state", "neighbor": {"address": {"local": "127.0.0.2", )"
           R"("peer": ")" +
           peer + R"("}, "asn": {"local": 65001, "peer": 65000}, "state": ")" + state + "\"}}\n";
}

std::string trackedPeer(int i)
{
    return "10.0.0." + std::to_string(i % BgpController::kMaxNeighbors);
}

class BridgeInputTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_agent.start()) << "the agent never answered /status";
        m_bridge = std::make_unique<BridgeProcess>(
            std::vector<std::string>{"--socket", m_agent.bgpSocket().toStdString(), "--grace",
                                     "10s"},
            m_agent.path(QStringLiteral("bridge.log")).toStdString());
        ASSERT_TRUE(m_bridge->started());
        ASSERT_TRUE(waitForStatus([](const QJsonObject &bgp) {
            return bgp.value(QStringLiteral("bridge_connected")).toBool() &&
                   !bgp.value(QStringLiteral("bridge")).toString().isEmpty();
        })) << "the bridge never connected and said hello";
    }

    // Until the agent's status (its "bgp" part) satisfies `wanted`.
    bool waitForStatus(const std::function<bool(const QJsonObject &)> &wanted,
                       std::chrono::milliseconds patience = std::chrono::seconds(20)) const
    {
        const QDeadlineTimer deadline(patience);
        while (!deadline.hasExpired()) {
            if (wanted(m_agent.status().value(QStringLiteral("bgp")).toObject()))
                return true;
            QThread::msleep(20);
        }
        return false;
    }

    static qint64 ignored(const QJsonObject &bgp)
    {
        return bgp.value(QStringLiteral("neighbor_events_ignored")).toInteger();
    }

    RuntimeAgent m_agent;
    std::unique_ptr<BridgeProcess> m_bridge;
};

TEST_F(BridgeInputTest, FloodOfNeighborEventsStaysWithinTheRssTarget)
{
    const quint64 before = m_agent.rssKb();
    ASSERT_GT(before, 0u);
    // First the neighbors the agent will track, then a flood: flaps of those, made-up peers
    // beyond the bound, and peers that are not addresses at all (terminal escapes, a newline).
    qint64 expectedIgnored = 0;
    std::string chunk;
    for (int i = 0; i < kEvents; ++i) {
        if (i < BgpController::kMaxNeighbors) {
            chunk += stateEvent(trackedPeer(i), "up");
        } else if (i % 3 == 0) {
            static const char *const kStates[] = {"down", "connected", "up"};
            chunk += stateEvent(trackedPeer(i), kStates[(i / 3) % 3]);
        } else if (i % 3 == 1) {
            chunk += stateEvent("10." + std::to_string(1 + i / 65536) + "." +
                                    std::to_string((i / 256) % 256) + "." + std::to_string(i % 256),
                                "up");
            ++expectedIgnored;
        } else {
            chunk += stateEvent("evil\\u001b[2J\\n" + std::to_string(i), "up");
            ++expectedIgnored;
        }
        // In steps the agent is seen to have read: the bridge drops an agent that falls
        // 4 MiB behind, and this test is about the agent's memory, not that bound.
        if ((i + 1) % 5000 == 0) {
            m_bridge->writeStdin(chunk);
            chunk.clear();
            ASSERT_TRUE(waitForStatus([expectedIgnored](const QJsonObject &bgp) {
                return ignored(bgp) == expectedIgnored;
            })) << "after "
                << i + 1 << " events the agent had not counted " << expectedIgnored
                << " ignored ones";
        }
    }
    const QJsonObject bgp = m_agent.status().value(QStringLiteral("bgp")).toObject();
    EXPECT_EQ(bgp.value(QStringLiteral("neighbors")).toObject().size(),
              BgpController::kMaxNeighbors);
    EXPECT_TRUE(bgp.value(QStringLiteral("bridge_connected")).toBool());
    // Scrapes of what the flood could have grown.
    qsizetype metricsBytes = 0;
    for (int i = 0; i < 5; ++i)
        metricsBytes = m_agent.metrics().size();
    EXPECT_GT(metricsBytes, 0);
    EXPECT_LT(metricsBytes, 64 * 1024) << "/metrics grew with the flood";
    const quint64 after = m_agent.rssKb();
    std::printf("[ memory ] agent VmRSS: %llu KiB before, %llu KiB after %d bridge events; "
                "/metrics %lld bytes\n",
                static_cast<unsigned long long>(before), static_cast<unsigned long long>(after),
                kEvents, static_cast<long long>(metricsBytes));
    EXPECT_LE(after, kRssTargetKb);
}

TEST_F(BridgeInputTest, SessionsGoUnknownWhenTheBridgeLeaves)
{
    m_bridge->writeStdin(stateEvent("198.51.100.1", "up") + stateEvent("2001:db8::1", "connected"));
    ASSERT_TRUE(waitForStatus([](const QJsonObject &bgp) {
        return bgp.value(QStringLiteral("neighbors")).toObject().size() == 2;
    }));
    m_bridge->closeStdin(); // ExaBGP went away; the bridge follows
    ASSERT_EQ(m_bridge->waitExit(), 0);
    ASSERT_TRUE(waitForStatus([](const QJsonObject &bgp) {
        return !bgp.value(QStringLiteral("bridge_connected")).toBool();
    }));
    const QJsonObject neighbors =
        m_agent.status().value(QStringLiteral("bgp")).toObject().value("neighbors").toObject();
    EXPECT_EQ(neighbors, (QJsonObject{{QStringLiteral("198.51.100.1"), QStringLiteral("unknown")},
                                      {QStringLiteral("2001:db8::1"), QStringLiteral("unknown")}}));

    const QString metrics = QString::fromUtf8(m_agent.metrics());
    EXPECT_TRUE(metrics.contains(
        QStringLiteral(R"(anycast_bgp_neighbor_state{neighbor="198.51.100.1",state="unknown"} 1)")))
        << metrics.toStdString();
    EXPECT_TRUE(metrics.contains(
        QStringLiteral(R"(anycast_bgp_neighbor_state{neighbor="198.51.100.1",state="up"} 0)")));
    EXPECT_TRUE(
        metrics.contains(QStringLiteral(R"(anycast_bgp_neighbor_up{neighbor="198.51.100.1"} 0)")));

    QProcess ctl;
    ctl.start(QStringLiteral(ANYCAST_BIN_DIR "/anycastctl"),
              {QStringLiteral("--socket"), m_agent.apiSocket(), QStringLiteral("status")});
    ASSERT_TRUE(ctl.waitForFinished(15000));
    const QString out = QString::fromUtf8(ctl.readAllStandardOutput());
    EXPECT_EQ(ctl.exitCode(), 0) << ctl.readAllStandardError().toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("bgp bridge not connected  neighbors 198.51.100.1 "
                                            "unknown, 2001:db8::1 unknown")))
        << out.toStdString();
}

TEST_F(BridgeInputTest, HelloFromExabgpsSideIsNotTheBridges)
{
    const QString real = QStringLiteral("hello " ANYCAST_VERSION " on_agent_loss=keep");
    ASSERT_EQ(m_agent.status().value(QStringLiteral("bgp")).toObject().value("bridge").toString(),
              real);
    m_bridge->writeStdin("#bridge hello 6.6.6 on_agent_loss=withdraw\n"
                         " #bridge hello 6.6.6 on_agent_loss=withdraw\n" +
                         stateEvent("198.51.100.1", "up"));
    ASSERT_TRUE(waitForStatus([](const QJsonObject &bgp) {
        return bgp.value(QStringLiteral("neighbors")).toObject().contains("198.51.100.1");
    })) << "the event after the forged hellos never arrived";
    const QJsonObject bgp = m_agent.status().value(QStringLiteral("bgp")).toObject();
    EXPECT_EQ(bgp.value(QStringLiteral("bridge")).toString(), real);
    EXPECT_TRUE(m_bridge->waitForStderr("starting with '#' (reserved for the bridge)"))
        << m_bridge->stderrText();
}

} // namespace
} // namespace anycast::test
