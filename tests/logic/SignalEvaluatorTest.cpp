#include "SignalEvaluator.h"

#include "LogicTestSupport.h"

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
// expected entry must appear in the reason at the same position; where the issue fixes the
// wording (the accept queue), the entry is the whole reason.
struct SignalRow
{
    std::string name;
    ServiceSocketStats current = quietStats();
    std::optional<ServiceSocketStats> previous = {};
    double elapsedSeconds = 1;
    HostCounters host = {};
    QStringList expected = {};
    HealthThresholds thresholds = {};
};

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
    // Host listen drops: 1/s, the larger of overflows and drops
    {"ListenDropsBelow", quietStats(), {}, 1, hostRates({{kOverflows, 0.9}, {kDrops, 0.9}})},
    {"ListenDropsAt",
     quietStats(),
     {},
     1,
     hostRates({{kOverflows, 1.0}}),
     {QStringLiteral("listen queue drops 1.0/s")}},
    {"ListenDropsAbove",
     quietStats(),
     {},
     1,
     hostRates({{kOverflows, 0.5}, {kDrops, 2.5}}),
     {QStringLiteral("listen queue drops 2.5/s")}},
    // Host retransmissions: 5% of segments, once 200 segments/s flow
    {"RetransmitsBelow", quietStats(), {}, 1, hostRates({{kOut, 1000}, {kRetrans, 49}})},
    {"RetransmitsAt",
     quietStats(),
     {},
     1,
     hostRates({{kOut, 1000}, {kRetrans, 50}}),
     {QStringLiteral("retransmissions 5.0%")}},
    {"RetransmitsAbove",
     quietStats(),
     {},
     1,
     hostRates({{kOut, 1000}, {kRetrans, 120}}),
     {QStringLiteral("retransmissions 12.0%")}},
    {"RetransmitsIgnoredBelowMinimumTraffic",
     quietStats(),
     {},
     1,
     hostRates({{kOut, 199}, {kRetrans, 100}})},
    {"RetransmitsCountedAtMinimumTraffic",
     quietStats(),
     {},
     1,
     hostRates({{kOut, 200}, {kRetrans, 10}}),
     {QStringLiteral("retransmissions 5.0%")}},
    {"RetransmitsWithoutOutSegments", quietStats(), {}, 1, hostRates({{kRetrans, 100}})},
    {"SeveralSignalsAtOnce",
     withStates(600, 1100),
     {},
     1,
     hostRates({{kOverflows, 3}}),
     {QStringLiteral("SYN_RECV 600"), QStringLiteral("CLOSE_WAIT 1100"),
      QStringLiteral("listen queue drops 3.0/s")}},
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
        row.current, row.previous ? &*row.previous : nullptr, row.elapsedSeconds, row.host);
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
