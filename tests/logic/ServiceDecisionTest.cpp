// The one per-service decision unit, as tables: the undrain gate, "down only because the
// probe fails" and the shared fault, the probe's gating and a wrong answer, when the fast
// path decides and when only the full sample does, and the "starting" label. The running
// agent, `--once` and the scenario simulations all decide through this class.
#include "agent/policy/ServiceDecision.h"

#include "tests/logic/RoutePolicySupport.h"

#include <gtest/gtest.h>

namespace anycast {
namespace {

using namespace logictest;
using namespace std::chrono_literals;

ServiceSocketStats withEstablished(quint64 established)
{
    ServiceSocketStats stats = quietStats();
    stats.states[TcpState::Established] = established;
    return stats;
}

class ServiceDecisionTest : public ::testing::Test
{
protected:
    explicit ServiceDecisionTest(int rise = 3, RouteConfig route = routeConfig())
        : m_decision(healthConfig(rise, 2), RoutePolicy({kPrefix}, route, kAmpleBudget, 900s, 1),
                     at(0ms))
    {}

    // One full sample at `second`.
    DecisionChanges check(int second, const ServiceSocketStats &stats = quietStats())
    {
        return m_decision.onSample(stats, HostCounters{}, atSeconds(second));
    }
    // Healthy checks from `first` on until announced; returns the next second.
    int announce(int first = 0)
    {
        int second = first;
        while (m_decision.routes().first().state != PrefixState::Announced && second < 20)
            check(second++);
        EXPECT_EQ(m_decision.routes().first().state, PrefixState::Announced);
        return second;
    }
    const PrefixDecision &route() const { return m_decision.routes().first(); }

    ServiceDecision m_decision;
};

TEST_F(ServiceDecisionTest, StartsAsStartingAndSaysSoInItsFirstChange)
{
    EXPECT_EQ(m_decision.healthLabel(), QStringLiteral("starting"));
    EXPECT_EQ(route().state, PrefixState::Withdrawn);
    int second = 0;
    DecisionChanges first;
    while (!first.healthBefore && second < 10)
        first = check(second++);
    ASSERT_TRUE(first.healthBefore.has_value());
    EXPECT_EQ(*first.healthBefore, QStringLiteral("starting"));
    EXPECT_EQ(m_decision.healthLabel(), QStringLiteral("healthy"));
    EXPECT_EQ(second, 3) << "rise = 3 good checks";
    // Health first, then the route it brought, in the same change.
    ASSERT_EQ(first.routes.size(), 1);
    EXPECT_EQ(first.routes.first().before.state, PrefixState::Withdrawn);
    EXPECT_EQ(first.routes.first().after.state, PrefixState::Announced);
}

// The undrain gate, check by check: a withdrawn prefix comes back only after `rise` healthy
// checks counted from the undrain, and a check that is not healthy starts the count again.
TEST_F(ServiceDecisionTest, AnUndrainAnnouncesAgainOnlyAfterRiseHealthyChecks)
{
    int second = announce();
    DecisionChanges drained =
        m_decision.setDrain(DrainOrder{true, false, atSeconds(second)}, atSeconds(second));
    ASSERT_EQ(drained.routes.size(), 1);
    EXPECT_EQ(drained.routes.first().after.state, PrefixState::Withdrawn);
    EXPECT_EQ(m_decision.operatorState(), OperatorState::Drained);

    const DecisionChanges undrained = m_decision.setDrain(std::nullopt, atSeconds(second));
    EXPECT_TRUE(undrained.routes.isEmpty()) << "nothing comes back at the undrain itself";
    EXPECT_EQ(m_decision.operatorState(), OperatorState::Active);
    EXPECT_EQ(route().reason,
              QStringLiteral("undrained: announcing after 3 healthy checks (0 so far)"));

    // Each step is one check; a listener lost is seen first by the fast path, as it is on
    // the running agent.
    struct Step
    {
        bool listening;
        PrefixState state;
        int seen;
    };
    const std::vector<Step> steps = {
        {true, PrefixState::Withdrawn, 1},
        {true, PrefixState::Withdrawn, 2},
        {false, PrefixState::Withdrawn, 0}, // down: the count starts again
        {true, PrefixState::Withdrawn, 0},  // not healthy yet (rise)
        {true, PrefixState::Withdrawn, 0},
        {true, PrefixState::Withdrawn, 1}, // healthy again: counts
        {true, PrefixState::Withdrawn, 2},
        {true, PrefixState::Announced, 3},
    };
    for (std::size_t i = 0; i < steps.size(); ++i) {
        ++second;
        if (!steps[i].listening)
            m_decision.onListeners({}, atSeconds(second) - 500ms);
        const DecisionChanges changes =
            check(second, steps[i].listening ? quietStats() : noListenerStats());
        EXPECT_EQ(route().state, steps[i].state)
            << "step " << i << ": " << route().reason.toStdString();
        EXPECT_EQ(m_decision.undrainChecksSeen(), steps[i].seen) << "step " << i;
        EXPECT_EQ(changes.routes.size(), i + 1 == steps.size() ? 1 : 0) << "step " << i;
    }
}

// "Down only because the probe fails" is the one case the fleet's cross-check may call a
// shared fault; a node whose listener is gone is down whatever its peers see.
struct ProbeOnlyRow
{
    const char *name;
    bool listening;
    bool sharedFault;
    bool probeOnlyDown;
    PrefixState route;
};

void PrintTo(const ProbeOnlyRow &row, std::ostream *out)
{
    *out << row.name;
}

class ProbeOnlyDown : public ::testing::TestWithParam<ProbeOnlyRow>
{};

TEST_P(ProbeOnlyDown, OnlyAFailingProbeOverLiveListenersMayBeASharedFault)
{
    const ProbeOnlyRow &row = GetParam();
    ServiceDecision decision(healthConfig(1, 2),
                             RoutePolicy({kPrefix}, routeConfig(), kAmpleBudget, 900s, 1), at(0ms));
    decision.onConfirmedProbe({true, QStringLiteral("connected"), false, {}}, atSeconds(0));
    decision.onSample(quietStats(), {}, atSeconds(0));
    ASSERT_EQ(decision.routes().first().state, PrefixState::Announced);
    if (row.sharedFault)
        decision.setSharedFault(QStringLiteral("4 of 5 peers' probes fail too"));
    const ServiceSocketStats stats = row.listening ? quietStats() : noListenerStats();
    for (int second = 1; second <= 2; ++second) {
        decision.onConfirmedProbe({false, QStringLiteral("timed out after 1000 ms"), false, {}},
                                  atSeconds(second));
        decision.onSample(stats, {}, atSeconds(second));
    }
    EXPECT_EQ(decision.verdict().health, ServiceHealth::Down);
    EXPECT_EQ(decision.probeOnlyDown(), row.probeOnlyDown);
    EXPECT_EQ(decision.routes().first().state, row.route)
        << decision.routes().first().reason.toStdString();
    if (row.route == PrefixState::Degraded) {
        EXPECT_TRUE(decision.routes().first().reason.contains(QStringLiteral("peers")))
            << decision.routes().first().reason.toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(
    Table, ProbeOnlyDown,
    ::testing::Values(ProbeOnlyRow{"probe fails, listeners up, no shared fault", true, false, true,
                                   PrefixState::Withdrawn},
                      ProbeOnlyRow{"probe fails, listeners up, shared fault", true, true, true,
                                   PrefixState::Degraded},
                      ProbeOnlyRow{"probe fails, listener gone, shared fault", false, true, false,
                                   PrefixState::Withdrawn}));

TEST_F(ServiceDecisionTest, AFailedProbeWaitsForItsRetryAndAWrongAnswerDePrefersAtOnce)
{
    const int second = announce();
    const SteadyTime first = atSeconds(second);
    ASSERT_TRUE(m_decision.probeDue(first));
    m_decision.probeStarted(first);
    const ProbeOutcome wrong{false, QStringLiteral("HTTP 500 (expected 200)"), true, 3ms};
    const DecisionChanges awaiting = m_decision.onProbeRun(wrong, first + 5ms);
    EXPECT_FALSE(awaiting.probeConfirmed.has_value()) << "one failure is retried first";
    EXPECT_FALSE(awaiting.healthBefore.has_value());
    EXPECT_TRUE(awaiting.routes.isEmpty());

    const SteadyTime retry = m_decision.nextProbeRun();
    EXPECT_EQ(retry, first + 5ms)
        << "a wrong answer is asked again at once, a timeout waits 200 ms";
    m_decision.probeStarted(retry);
    const DecisionChanges confirmed = m_decision.onProbeRun(wrong, retry + 5ms);
    ASSERT_TRUE(confirmed.probeConfirmed.has_value());
    EXPECT_FALSE(*confirmed.probeConfirmed);
    ASSERT_TRUE(confirmed.healthBefore.has_value()) << "de-preferred without waiting for a check";
    EXPECT_EQ(*confirmed.healthBefore, QStringLiteral("healthy"));
    EXPECT_EQ(m_decision.verdict().health, ServiceHealth::Degraded);
    ASSERT_EQ(confirmed.routes.size(), 1);
    EXPECT_EQ(confirmed.routes.first().after.state, PrefixState::Degraded);

    // A timeout is no wrong answer: confirmed, it only counts at the next check.
    ServiceDecision other(healthConfig(1, 2),
                          RoutePolicy({kPrefix}, routeConfig(), kAmpleBudget, 900s, 1), at(0ms));
    other.onSample(quietStats(), {}, atSeconds(0));
    const DecisionChanges timeout =
        other.onConfirmedProbe({false, QStringLiteral("timed out"), false, {}}, atSeconds(1));
    EXPECT_FALSE(timeout.healthBefore.has_value());
    EXPECT_TRUE(timeout.routes.isEmpty());
}

TEST(ServiceDecisionProbeTimes, TheProbesAnswersTeachTheEngineAndItsRunInFlightIsWatched)
{
    struct Row
    {
        const char *what;
        std::optional<Milliseconds> answeredIn; // of each of the 20 runs before
        bool newProbe;                          // resetProbe() while the last run is in flight
        Milliseconds inFlight;
        bool degraded;
    };
    const Row rows[] = {
        {"HTTP answers in 3 ms: overdue at 200 ms", 3ms, false, 200ms, true},
        {"HTTP answers in 3 ms: not yet at 199 ms", 3ms, false, 199ms, false},
        {"TCP connects are no answers of the service: nothing learned", std::nullopt, false, 1500ms,
         false},
        {"a new probe drops the run in flight", 3ms, true, 1500ms, false},
    };
    for (const Row &row : rows) {
        ServiceDecision decision(healthConfig(3, 2),
                                 RoutePolicy({kPrefix}, routeConfig(), kAmpleBudget, 900s, 1),
                                 at(0ms));
        for (int second = 0; second < 3; ++second)
            decision.onSample(quietStats(), {}, atSeconds(second));
        ASSERT_EQ(decision.verdict().health, ServiceHealth::Healthy) << row.what;
        SteadyTime now = atSeconds(3);
        for (int run = 0; run < AnswerTimeLearner::kMinAnswers; ++run, now += 100ms) {
            decision.probeStarted(now);
            decision.onProbeRun({true, QStringLiteral("passed"), false, row.answeredIn}, now + 3ms);
        }
        decision.probeStarted(now);
        if (row.newProbe)
            decision.resetProbe(1000ms, 200ms);
        // Found overdue at one tick, believed at the next.
        EXPECT_FALSE(decision.onListeners({listener()}, now + row.inFlight).healthBefore)
            << row.what;
        const DecisionChanges changes =
            decision.onListeners({listener()}, now + row.inFlight + 25ms);
        EXPECT_EQ(changes.healthBefore.has_value(), row.degraded) << row.what;
        EXPECT_EQ(decision.verdict().health,
                  row.degraded ? ServiceHealth::Degraded : ServiceHealth::Healthy)
            << row.what;
        EXPECT_FALSE(decision.socketsSayStalled(now + row.inFlight)) << row.what;
        if (!row.degraded)
            continue;
        EXPECT_EQ(decision.verdict().reasons,
                  QStringList{QStringLiteral("probe not answered for 0.2 s or more (225 ms so far; "
                                             "answers here take up to 3 ms)")});
        // The run ends: the signal ends with it.
        decision.onProbeRun({true, QStringLiteral("passed"), false, 250ms}, now + 250ms);
        EXPECT_FALSE(decision.onListeners({listener()}, now + 300ms).healthBefore.has_value());
        for (int second = 6; second < 9; ++second)
            decision.onSample(quietStats(), {}, atSeconds(second));
        EXPECT_EQ(decision.verdict().health, ServiceHealth::Healthy) << row.what << ": rise (3)";
    }
}

class GracefulDrain : public ServiceDecisionTest
{
protected:
    static RouteConfig shortGrace()
    {
        RouteConfig route = routeConfig();
        route.drainGrace = 2s;
        return route;
    }
    GracefulDrain()
        : ServiceDecisionTest(1, shortGrace())
    {}
};

// The fast path decides only when health changes; a time-driven rule (the drain's grace
// running out) is taken at the next full sample, as the running agent does.
TEST_F(GracefulDrain, TheGraceRunningOutIsDecidedAtTheFullSampleNotOnTheFastPath)
{
    check(0, withEstablished(50));
    ASSERT_EQ(route().state, PrefixState::Announced);
    const DecisionChanges draining =
        m_decision.setDrain(DrainOrder{false, false, atSeconds(1)}, atSeconds(1));
    ASSERT_EQ(draining.routes.size(), 1);
    EXPECT_EQ(draining.routes.first().after.state, PrefixState::Draining);
    EXPECT_EQ(m_decision.operatorState(), OperatorState::Draining);

    // 3.5 s: the grace ran out 0.5 s ago, but the fast path saw no change of health.
    const DecisionChanges fast = m_decision.onListeners({listener()}, at(3500ms));
    EXPECT_TRUE(fast.routes.isEmpty());
    EXPECT_EQ(route().state, PrefixState::Draining);

    const DecisionChanges sample = check(4, withEstablished(50));
    ASSERT_EQ(sample.routes.size(), 1);
    EXPECT_EQ(sample.routes.first().after.state, PrefixState::Withdrawn);
    EXPECT_EQ(m_decision.operatorState(), OperatorState::Drained);
}

TEST_F(GracefulDrain, ALostListenerIsDecidedOnTheFastPathAtOnce)
{
    check(0);
    ASSERT_EQ(route().state, PrefixState::Announced);
    const DecisionChanges fast = m_decision.onListeners({}, at(1100ms));
    ASSERT_TRUE(fast.healthBefore.has_value());
    ASSERT_EQ(fast.routes.size(), 1);
    EXPECT_EQ(fast.routes.first().after.state, PrefixState::Withdrawn);
}

} // namespace
} // namespace anycast
