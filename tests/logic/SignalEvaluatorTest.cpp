#include "agent/health/SignalEvaluator.h"

#include "tests/logic/LogicTestSupport.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace anycast {
namespace {

using namespace logictest;

ServiceSocketStats withStates(quint64 synRecv, quint64 closeWait)
{
    ServiceSocketStats stats = quietStats();
    stats.states[TcpState::SynRecv] = synRecv;
    stats.states[TcpState::CloseWait] = closeWait;
    return stats;
}

HostCounters hostRates(QMap<QString, double> rates)
{
    HostCounters host;
    host.ratesPerSecond = std::move(rates);
    return host;
}

// One full sample, the one before it, and the reasons the default thresholds must give. Each
// expected entry must appear in the reason at the same position; where the wording is an
// operator-facing contract (the accept queue), the entry is the whole reason.
struct SignalRow
{
    std::string name;
    ServiceSocketStats current = quietStats();
    std::optional<ServiceSocketStats> previous = {};
    double elapsedSeconds = 1;
    HostCounters host = {};
    QStringList expected = {};
    HealthThresholds thresholds = {};
    // The deepest queues the fast path saw since the previous check; unset: the current ones.
    std::optional<QList<ListenerStats>> queuePeaks = {};
};

// `unacked` segments in flight over 10 connections, `retransmitted` of them retransmissions.
ServiceSocketStats inFlight(quint64 unacked, quint64 retransmitted, bool available = true)
{
    ServiceSocketStats stats = quietStats();
    stats.tcpInfo.available = available;
    stats.tcpInfo.sockets = 10;
    stats.tcpInfo.unacked = unacked;
    stats.tcpInfo.retransmittedInFlight = retransmitted;
    return stats;
}

std::optional<QList<ListenerStats>> peaks(QList<ListenerStats> listeners)
{
    return listeners;
}

HealthThresholds depthThreshold(quint64 depth)
{
    HealthThresholds thresholds;
    thresholds.acceptQueueDepth = depth;
    return thresholds;
}

const QString kOverflows = QStringLiteral("TcpExt.ListenOverflows");
const QString kDrops = QStringLiteral("TcpExt.ListenDrops");
const QString kOut = QStringLiteral("Tcp.OutSegs");
const QString kRetrans = QStringLiteral("Tcp.RetransSegs");

const std::vector<SignalRow> kSignalRows = {
    {"QuietServiceGivesNoReason"},
    // accept queue share: 0.5 of the backlog
    {"AcceptQueueJustBelowHalf", queuedStats(2047)},
    {"AcceptQueueAtHalf",
     queuedStats(2048),
     {},
     1,
     {},
     {QStringLiteral("accept queue 50% of 4096 on :443")}},
    {"AcceptQueueAboveHalf",
     queuedStats(3728),
     {},
     1,
     {},
     {QStringLiteral("accept queue 91% of 4096 on :443")}},
    {"AcceptQueueFull",
     queuedStats(4096),
     {},
     1,
     {},
     {QStringLiteral("accept queue 100% of 4096 on :443")}},
    {"AcceptQueueOfEachListener",
     serviceStats({listener(10, 128, 443), listener(120, 128, 8443)}),
     {},
     1,
     {},
     {QStringLiteral("accept queue 94% of 128 on :8443")}},
    // /proc has no backlog: only an absolute depth can judge the queue, and only when set.
    {"ProcListenerWithoutBacklogIgnoredByDefault", serviceStats({listener(100000, std::nullopt)})},
    {"ProcListenerBelowDepth",
     serviceStats({listener(99, std::nullopt)}),
     {},
     1,
     {},
     {},
     depthThreshold(100)},
    {"ProcListenerAtDepth",
     serviceStats({listener(100, std::nullopt)}),
     {},
     1,
     {},
     {QStringLiteral("accept queue 100 waiting on :443")},
     depthThreshold(100)},
    {"ProcListenerAboveDepth",
     serviceStats({listener(150, std::nullopt)}),
     {},
     1,
     {},
     {QStringLiteral("accept queue 150 waiting on :443")},
     depthThreshold(100)},
    {"ZeroBacklogUsesDepthOnly",
     serviceStats({listener(5, 0)}),
     {},
     1,
     {},
     {QStringLiteral("accept queue 5 waiting on :443")},
     depthThreshold(5)},
    // SYN_RECV count: 512
    {"SynRecvBelow", withStates(511, 0)},
    {"SynRecvAt", withStates(512, 0), {}, 1, {}, {QStringLiteral("SYN_RECV 512")}},
    {"SynRecvAbove", withStates(600, 0), {}, 1, {}, {QStringLiteral("SYN_RECV 600")}},
    // SYN_RECV growth: 100/s, against the previous sample
    {"SynRecvGrowthBelow", withStates(199, 0), withStates(100, 0)},
    {"SynRecvGrowthAt",
     withStates(200, 0),
     withStates(100, 0),
     1,
     {},
     {QStringLiteral("SYN_RECV growing 100")}},
    {"SynRecvGrowthAbove",
     withStates(250, 0),
     withStates(100, 0),
     1,
     {},
     {QStringLiteral("SYN_RECV growing 150")}},
    {"SynRecvGrowthOverTwoSeconds",
     withStates(300, 0),
     withStates(100, 0),
     2,
     {},
     {QStringLiteral("SYN_RECV growing 100")}},
    {"SynRecvGrowthNeedsAPreviousSample", withStates(300, 0)},
    {"SynRecvGrowthNeedsElapsedTime", withStates(300, 0), withStates(0, 0), 0},
    {"SynRecvShrinkingIsNoGrowth", withStates(100, 0), withStates(400, 0)},
    // CLOSE_WAIT count: 1024
    {"CloseWaitBelow", withStates(0, 1023)},
    {"CloseWaitAt",
     withStates(0, 1024),
     withStates(0, 1024),
     1,
     {},
     {QStringLiteral("CLOSE_WAIT 1024")}},
    {"CloseWaitAbove",
     withStates(0, 2000),
     withStates(0, 2000),
     1,
     {},
     {QStringLiteral("CLOSE_WAIT 2000")}},
    // CLOSE_WAIT growth: 20/s
    {"CloseWaitGrowthBelow", withStates(0, 119), withStates(0, 100)},
    {"CloseWaitGrowthAt",
     withStates(0, 120),
     withStates(0, 100),
     1,
     {},
     {QStringLiteral("CLOSE_WAIT growing 20")}},
    {"CloseWaitGrowthAbove",
     withStates(0, 150),
     withStates(0, 100),
     1,
     {},
     {QStringLiteral("CLOSE_WAIT growing 50")}},
    {"CloseWaitGrowthNeedsAPreviousSample", withStates(0, 500)},
    // Host listen drops: 1/s, the larger of overflows and drops, and only with this service's
    // own evidence: a listener at (or within a tenth of) its backlog since the last check, or
    // SYN_RECV on its ports up by at least 4.
    {"ListenDropsOfAnotherListenerIgnored", quietStats(), quietStats(), 1,
     hostRates({{kOverflows, 50}, {kDrops, 50}})},
    {"ListenDropsBelowWithEvidence",
     quietStats(),
     {},
     1,
     hostRates({{kOverflows, 0.9}, {kDrops, 0.9}}),
     {},
     {},
     peaks({listener(kBacklog)})},
    {"ListenDropsAtWithQueuePeak",
     quietStats(),
     {},
     1,
     hostRates({{kOverflows, 1.0}}),
     {QStringLiteral("listen queue drops 1.0/s (host), this service's: accept queue reached "
                     "4096 of 4096 on :443")},
     {},
     peaks({listener(kBacklog)})},
    {"ListenDropsAboveWithQueueNearBacklog",
     quietStats(),
     {},
     1,
     hostRates({{kOverflows, 0.5}, {kDrops, 2.5}}),
     {QStringLiteral("listen queue drops 2.5/s (host), this service's: accept queue reached "
                     "3687 of 4096 on :443")},
     {},
     peaks({listener(3687)})},
    {"ListenDropsQueuePeakBelowNearBacklog",
     quietStats(),
     {},
     1,
     hostRates({{kDrops, 2.5}}),
     {},
     {},
     peaks({listener(3686)})},
    {"ListenDropsSmallBacklogNeedsTheFullQueue",
     quietStats(),
     {},
     1,
     hostRates({{kDrops, 2.5}}),
     {},
     {},
     peaks({listener(7, 8)})},
    {"ListenDropsSmallBacklogFull",
     quietStats(),
     {},
     1,
     hostRates({{kDrops, 2.5}}),
     {QStringLiteral("accept queue reached 9 of 8 on :443")},
     {},
     peaks({listener(9, 8)})},
    {"ListenDropsWithTheCurrentQueueFull",
     queuedStats(kBacklog),
     {},
     1,
     hostRates({{kOverflows, 3}}),
     {QStringLiteral("accept queue 100% of 4096 on :443"),
      QStringLiteral("listen queue drops 3.0/s (host), this service's: accept queue reached")}},
    {"ListenDropsWithSynRecvPilingUp",
     withStates(14, 0),
     withStates(10, 0),
     1,
     hostRates({{kOverflows, 3}}),
     {QStringLiteral("listen queue drops 3.0/s (host), this service's: SYN_RECV up from 10 "
                     "to 14")}},
    {"ListenDropsSynRecvGrowthTooSmall", withStates(13, 0), withStates(10, 0), 1,
     hostRates({{kOverflows, 3}})},
    {"ListenDropsSynRecvEvidenceNeedsAPreviousSample",
     withStates(100, 0),
     {},
     1,
     hostRates({{kOverflows, 3}})},
    {"ListenDropsProcListenerAtDepth",
     quietStats(),
     {},
     1,
     hostRates({{kOverflows, 3}}),
     {QStringLiteral("this service's: accept queue reached 100 on :443")},
     depthThreshold(100),
     peaks({listener(100, std::nullopt)})},
    {"ListenDropsProcListenerWithoutDepthThreshold",
     quietStats(),
     {},
     1,
     hostRates({{kOverflows, 3}}),
     {},
     {},
     peaks({listener(100000, std::nullopt)})},
    // Retransmissions: this service's tcp_info, 5% of its segments in flight, once 100 are
    // in flight; the host's counters do not count at all.
    {"HostRetransmissionsIgnored", quietStats(), {}, 1, hostRates({{kOut, 1000}, {kRetrans, 500}})},
    {"RetransmitsBelow", inFlight(1000, 49)},
    {"RetransmitsAt",
     inFlight(1000, 50),
     {},
     1,
     {},
     {QStringLiteral("retransmissions 5.0% of 1000 segments in flight (tcp_info of 10 "
                     "connections)")}},
    {"RetransmitsAbove", inFlight(1000, 120), {}, 1, {}, {QStringLiteral("retransmissions 12.0%")}},
    {"RetransmitsIgnoredBelowMinimumInFlight", inFlight(99, 50)},
    {"RetransmitsCountedAtMinimumInFlight",
     inFlight(100, 5),
     {},
     1,
     {},
     {QStringLiteral("retransmissions 5.0% of 100 segments")}},
    {"RetransmitsWithoutTcpInfo", inFlight(1000, 500, false)},
    {"SeveralSignalsAtOnce",
     withStates(600, 1100),
     withStates(500, 1100),
     1,
     hostRates({{kOverflows, 3}}),
     {QStringLiteral("SYN_RECV 600"), QStringLiteral("CLOSE_WAIT 1100"),
      QStringLiteral("SYN_RECV growing 100"),
      QStringLiteral("listen queue drops 3.0/s (host), this service's: SYN_RECV up from 500 to "
                     "600")}},
};

void PrintTo(const SignalRow &row, std::ostream *out)
{
    *out << row.name;
}

class LeadingSignals : public ::testing::TestWithParam<SignalRow>
{};

TEST_P(LeadingSignals, MatchTheThresholds)
{
    const SignalRow &row = GetParam();
    const SignalEvaluator evaluator({kPort}, row.thresholds);
    const QStringList reasons = evaluator.leadingSignals(
        row.current, row.previous ? &*row.previous : nullptr, row.elapsedSeconds, row.host,
        row.queuePeaks ? &*row.queuePeaks : nullptr);
    ASSERT_EQ(reasons.size(), row.expected.size()) << ::testing::PrintToString(reasons);
    for (qsizetype i = 0; i < reasons.size(); ++i)
        EXPECT_TRUE(reasons[i].contains(row.expected[i])) << ::testing::PrintToString(reasons);
}

INSTANTIATE_TEST_SUITE_P(Table, LeadingSignals, ::testing::ValuesIn(kSignalRows),
                         [](const auto &row) { return row.param.name; });

TEST(SignalEvaluator, AcceptQueueReasonIsExact)
{
    const SignalEvaluator evaluator({kPort}, {});
    EXPECT_EQ(evaluator.leadingSignals(queuedStats(3728), nullptr, 0, {}),
              QStringList{QStringLiteral("accept queue 91% of 4096 on :443")});
}

TEST(SignalEvaluator, MissingListenerPerPort)
{
    const SignalEvaluator evaluator({443, 80}, {});
    EXPECT_EQ(evaluator.missingListeners({listener(0, kBacklog, 443), listener(0, kBacklog, 80)}),
              QStringList{});
    EXPECT_EQ(evaluator.missingListeners({listener(0, kBacklog, 443)}),
              QStringList{QStringLiteral("no listener on :80")});
    EXPECT_EQ(evaluator.missingListeners({}), (QStringList{QStringLiteral("no listener on :443"),
                                                           QStringLiteral("no listener on :80")}));
    // A listener on some other port does not stand in for a configured one.
    EXPECT_EQ(evaluator.missingListeners({listener(0, kBacklog, 8443)}).size(), 2);
}

TEST(SignalEvaluator, OneListenerOnAnyAddressIsEnough)
{
    const SignalEvaluator evaluator({443}, {});
    ListenerStats v6 = listener();
    v6.address = QStringLiteral("::");
    EXPECT_TRUE(evaluator.missingListeners({v6}).isEmpty());
}

} // namespace
} // namespace anycast
