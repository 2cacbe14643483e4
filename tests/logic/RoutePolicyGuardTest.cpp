#include "tests/logic/RoutePolicySupport.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace anycast {
namespace {

using namespace logictest;
using namespace std::chrono_literals;

const QString kQueue98 = QStringLiteral("accept queue 98% of 4096 on :443");

constexpr FleetView kAlone{true, 0, 0};
constexpr FleetView kOneOther{true, 1, 0};
constexpr FleetView kUnknownFleet{false, 0, 0};

PolicyInput drained()
{
    PolicyInput input = healthInput(ServiceHealth::Healthy);
    input.operatorState = OperatorState::Drained;
    return input;
}

PolicyInput forced(PolicyInput input)
{
    input.forceWithdraw = true;
    return input;
}

// The fleet guard, with min_announcing = 1: a node that announces and wants to stop.
struct GuardRow
{
    std::string name;
    PolicyInput input = {};
    FleetView view = {};
    PrefixState state = PrefixState::Withdrawn;
    QStringList reasonParts = {};
};

const std::vector<GuardRow> kGuardRows = {
    {"WithdrawalHeldWhenNoOtherAnnounces",
     healthInput(ServiceHealth::Down, {kNoListener}),
     kAlone,
     PrefixState::Degraded,
     {QStringLiteral("held back"), kNoListener}},
    {"DrainHeldWhenNoOtherAnnounces",
     drained(),
     kAlone,
     PrefixState::Degraded,
     {QStringLiteral("held back")}},
    {"OperatorOverridesTheGuard",
     forced(healthInput(ServiceHealth::Down, {kNoListener})),
     kAlone,
     PrefixState::Withdrawn,
     {kNoListener}},
    {"UnknownFleetAllowsWithdrawal",
     healthInput(ServiceHealth::Down, {kNoListener}),
     kUnknownFleet,
     PrefixState::Withdrawn,
     {kNoListener}},
    {"EnoughOthersAllowWithdrawal",
     healthInput(ServiceHealth::Down, {kNoListener}),
     kOneOther,
     PrefixState::Withdrawn,
     {kNoListener}},
    {"GuardIgnoresDepreferring",
     healthInput(ServiceHealth::Degraded, {kQueue91}),
     kAlone,
     PrefixState::Degraded,
     {kQueue91}},
};

void PrintTo(const GuardRow &row, std::ostream *out)
{
    *out << row.name;
}

class RoutePolicyFleetGuard : public ::testing::TestWithParam<GuardRow>
{};

TEST_P(RoutePolicyFleetGuard, HoldsOnlyWithdrawals)
{
    const GuardRow &row = GetParam();
    RoutePolicy policy({kPrefix}, routeConfig(), kAmpleBudget, 900s, 1);
    const FleetLookup fleet = fleetOf(row.view);
    policy.decide(healthInput(ServiceHealth::Healthy), fleet, atSeconds(0));
    ASSERT_EQ(policy.current().first().state, PrefixState::Announced);

    const PrefixDecision &decision = policy.decide(row.input, fleet, atSeconds(1)).first();
    EXPECT_EQ(decision.state, row.state);
    if (decision.state == PrefixState::Degraded) {
        // Held back means still announced, de-preferred as far as degraded goes.
        EXPECT_EQ(decision.attributes.med, 200u);
        EXPECT_EQ(decision.attributes.prepend, 3);
    }
    for (const QString &part : row.reasonParts)
        EXPECT_TRUE(decision.reason.contains(part)) << decision.reason.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Table, RoutePolicyFleetGuard, ::testing::ValuesIn(kGuardRows),
                         [](const auto &row) { return row.param.name; });

TEST(RoutePolicyFleetGuard, DoesNotBlockAnnouncing)
{
    RoutePolicy policy({kPrefix}, routeConfig(), kAmpleBudget, 900s, 1);
    const PrefixDecision &decision =
        policy.decide(healthInput(ServiceHealth::Healthy), fleetOf(kAlone), atSeconds(0)).first();
    EXPECT_EQ(decision.state, PrefixState::Announced);
}

TEST(RoutePolicyFleetGuard, DoesNotMakeAWithdrawnNodeAnnounce)
{
    RoutePolicy policy({kPrefix}, routeConfig(), kAmpleBudget, 900s, 1);
    const PrefixDecision &decision =
        policy
            .decide(healthInput(ServiceHealth::Down, {kNoListener}), fleetOf(kAlone), atSeconds(0))
            .first();
    EXPECT_EQ(decision.state, PrefixState::Withdrawn);
}

TEST(RoutePolicyFleetGuard, AsksAboutEachPrefix)
{
    const QString lonely = QStringLiteral("198.51.100.1/32");
    RoutePolicy policy({kPrefix, lonely}, routeConfig(), kAmpleBudget, 900s, 1);
    const FleetLookup fleet = [&](const QString &prefix) {
        return prefix == lonely ? kAlone : kOneOther;
    };
    policy.decide(healthInput(ServiceHealth::Healthy), fleet, atSeconds(0));
    const QList<PrefixDecision> &decisions =
        policy.decide(healthInput(ServiceHealth::Down, {kNoListener}), fleet, atSeconds(1));
    ASSERT_EQ(decisions.size(), 2);
    EXPECT_EQ(decisions[0].state, PrefixState::Withdrawn);
    EXPECT_EQ(decisions[1].prefix, lonely);
    EXPECT_EQ(decisions[1].state, PrefixState::Degraded);
}

TEST(RoutePolicyFleetGuard, ReleasesOnceAnotherNodeAnnounces)
{
    RoutePolicy policy({kPrefix}, routeConfig(), kAmpleBudget, 900s, 1);
    const PolicyInput down = healthInput(ServiceHealth::Down, {kNoListener});
    policy.decide(healthInput(ServiceHealth::Healthy), fleetOf(kAlone), atSeconds(0));
    EXPECT_EQ(policy.decide(down, fleetOf(kAlone), atSeconds(1)).first().state,
              PrefixState::Degraded);
    EXPECT_EQ(policy.decide(down, fleetOf(kOneOther), atSeconds(2)).first().state,
              PrefixState::Withdrawn);
}

// Flap budget 4 in 60 s. Each row is one decision; the expected state, and a part of the
// reason ("" for any).
struct BudgetStep
{
    Milliseconds when;
    ServiceHealth health;
    PrefixState state;
    QString reasonPart = {};
};

TEST(RoutePolicyFlapBudget, LastChangeGoesToTheSafestStateThenHolds)
{
    const QString budget = QStringLiteral("flap budget");
    const std::vector<BudgetStep> steps = {
        {0s, ServiceHealth::Healthy, PrefixState::Announced},              // 1st change
        {1s, ServiceHealth::Down, PrefixState::Withdrawn},                 // 2nd
        {2s, ServiceHealth::Healthy, PrefixState::Announced},              // 3rd
        {3s, ServiceHealth::Degraded, PrefixState::Withdrawn, budget},     // 4th, the last
        {4s, ServiceHealth::Healthy, PrefixState::Withdrawn, budget},      // held
        {30s, ServiceHealth::Degraded, PrefixState::Withdrawn, budget},    // held
        {59999ms, ServiceHealth::Healthy, PrefixState::Withdrawn, budget}, // held
        // The first change left the window: one change free, kept for the safest state.
        {60s, ServiceHealth::Healthy, PrefixState::Withdrawn, budget},
        {61s, ServiceHealth::Healthy, PrefixState::Announced, QStringLiteral("healthy")},
    };
    RoutePolicy policy({kPrefix}, routeConfig(), 4, 60s, 1);
    for (const BudgetStep &step : steps) {
        SCOPED_TRACE(::testing::Message() << "at " << step.when.count() << " ms");
        const PrefixDecision &decision =
            policy.decide(healthInput(step.health, {kQueue91}), {}, at(step.when)).first();
        EXPECT_EQ(decision.state, step.state);
        EXPECT_TRUE(decision.reason.contains(step.reasonPart)) << decision.reason.toStdString();
    }
}

TEST(RoutePolicyFlapBudget, EachPrefixHasItsOwnBudget)
{
    // The fleet guard keeps the second prefix announced through the outage, so it spends
    // one change fewer than the first and may still announce when the first may not.
    const QString guarded = QStringLiteral("198.51.100.1/32");
    RoutePolicy policy({kPrefix, guarded}, routeConfig(), 4, 60s, 1);
    const FleetLookup fleet = [&](const QString &prefix) {
        return prefix == guarded ? kAlone : kUnknownFleet;
    };
    policy.decide(healthInput(ServiceHealth::Healthy), fleet, atSeconds(0));
    policy.decide(healthInput(ServiceHealth::Degraded, {kQueue91}), fleet, atSeconds(1));
    policy.decide(healthInput(ServiceHealth::Down, {kNoListener}), fleet, atSeconds(2));
    EXPECT_EQ(policy.current()[0].state, PrefixState::Withdrawn); // 3rd change
    EXPECT_EQ(policy.current()[1].state, PrefixState::Degraded);  // still its 2nd

    const QList<PrefixDecision> &recovered =
        policy.decide(healthInput(ServiceHealth::Healthy), fleet, atSeconds(3));
    EXPECT_EQ(recovered[0].state, PrefixState::Withdrawn) << "one change left: safest only";
    EXPECT_TRUE(recovered[0].reason.contains(QStringLiteral("flap budget")))
        << recovered[0].reason.toStdString();
    EXPECT_EQ(recovered[1].state, PrefixState::Announced);
}

TEST(RoutePolicyFlapBudget, SafestStateRespectsTheFleetGuard)
{
    RoutePolicy policy({kPrefix}, routeConfig(), 2, 60s, 1);
    policy.decide(healthInput(ServiceHealth::Healthy), fleetOf(kAlone), atSeconds(0));
    const PrefixDecision &last =
        policy
            .decide(healthInput(ServiceHealth::Down, {kNoListener}), fleetOf(kAlone), atSeconds(1))
            .first();
    EXPECT_EQ(last.state, PrefixState::Degraded) << "the guard forbids withdrawing";
    EXPECT_TRUE(last.reason.contains(QStringLiteral("flap budget"))) << last.reason.toStdString();
}

TEST(RoutePolicyFlapBudget, NewReasonsForTheSameRouteCostNothing)
{
    RoutePolicy policy({kPrefix}, routeConfig(), 3, 60s, 1);
    policy.decide(healthInput(ServiceHealth::Healthy), {}, atSeconds(0));              // 1st
    policy.decide(healthInput(ServiceHealth::Degraded, {kQueue91}), {}, atSeconds(1)); // 2nd
    for (int i = 0; i < 5; ++i) {
        const PrefixDecision &decision =
            policy
                .decide(healthInput(ServiceHealth::Degraded, {i % 2 ? kQueue91 : kQueue98}), {},
                        atSeconds(2 + i))
                .first();
        EXPECT_EQ(decision.state, PrefixState::Degraded);
    }
    // One change is left, so the next wanted change goes to the safest state; had the
    // reasons cost changes, the route would be frozen as degraded instead.
    const PrefixDecision &last =
        policy.decide(healthInput(ServiceHealth::Healthy), {}, atSeconds(10)).first();
    EXPECT_EQ(last.state, PrefixState::Withdrawn);
    EXPECT_TRUE(last.reason.contains(QStringLiteral("flap budget"))) << last.reason.toStdString();
}

} // namespace
} // namespace anycast
