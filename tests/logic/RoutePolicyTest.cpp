#include "agent/health/HealthEngine.h"
#include "tests/logic/RoutePolicySupport.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace anycast {
namespace {

using namespace logictest;
using namespace std::chrono_literals;

const QString kGracefulShutdown = QStringLiteral("65535:0");

// One decision from a policy that announced the prefix a second earlier (or from a fresh
// one), and the route it must give.
struct StateRow
{
    std::string name;
    PolicyInput input = {};
    std::optional<RouteAttributes> attributes = {}; // unset: withdrawn
    PrefixState state = PrefixState::Withdrawn;
    QStringList reasonParts = {};
    bool fromAnnounced = true;
    bool withdrawOnDown = true;
};

PolicyInput draining(quint64 established, ServiceHealth health = ServiceHealth::Healthy)
{
    PolicyInput input = healthInput(health);
    input.operatorState = OperatorState::Draining;
    input.drainStarted = atSeconds(1);
    input.established = established;
    return input;
}

PolicyInput withOperator(PolicyInput input, OperatorState state, bool immediate = false)
{
    input.operatorState = state;
    input.drainStarted = atSeconds(1);
    input.drainImmediate = immediate;
    return input;
}

PolicyInput startingInput()
{
    const HealthEngine engine(healthConfig(), at(0ms));
    return healthInput(engine.verdict().health, engine.verdict().reasons);
}

const RouteAttributes kBase{100, {kCommunity}, 0};
const RouteAttributes kDeprefered{200, {kCommunity}, 3};
const RouteAttributes kDownKept{4294967295u, {kCommunity}, 3};
const RouteAttributes kDraining{100, {kCommunity, kGracefulShutdown}, 5};

const std::vector<StateRow> kStateRows = {
    {"HealthyAnnouncedWithBaseAttributes",
     healthInput(ServiceHealth::Healthy),
     kBase,
     PrefixState::Announced,
     {QStringLiteral("healthy")},
     false},
    {"DegradedDeprefered",
     healthInput(ServiceHealth::Degraded, {kQueue91}),
     kDeprefered,
     PrefixState::Degraded,
     {kQueue91}},
    {"DownWithdrawn",
     healthInput(ServiceHealth::Down, {kNoListener}),
     {},
     PrefixState::Withdrawn,
     {kNoListener}},
    {"DownKeptWithDownMedWhenNotWithdrawing",
     healthInput(ServiceHealth::Down, {kNoListener}),
     kDownKept,
     PrefixState::Degraded,
     {kNoListener},
     true,
     false},
    {"StartingWithdrawn",
     startingInput(),
     {},
     PrefixState::Withdrawn,
     {QStringLiteral("starting")},
     false},
    {"DrainingAnnouncesGracefulShutdown",
     draining(50),
     kDraining,
     PrefixState::Draining,
     {QStringLiteral("draining")}},
    {"DrainingAtTheFloorStillDrains", draining(10), kDraining, PrefixState::Draining},
    {"DrainingBelowTheFloorWithdraws",
     draining(9),
     {},
     PrefixState::Withdrawn,
     {QStringLiteral("drain")}},
    {"DrainingADegradedServiceStillDrains", draining(50, ServiceHealth::Degraded), kDraining,
     PrefixState::Draining},
    // Announcing a service that is down attracts traffic into a black hole: a drain in
    // progress is no reason to keep doing so.
    {"DrainingADownServiceWithdraws",
     draining(50, ServiceHealth::Down),
     {},
     PrefixState::Withdrawn},
    {"DrainingNeverStartsAnnouncingADownService",
     draining(50, ServiceHealth::Down),
     {},
     PrefixState::Withdrawn,
     {},
     false},
    {"DrainedWithdrawn",
     withOperator(healthInput(ServiceHealth::Healthy), OperatorState::Drained),
     {},
     PrefixState::Withdrawn,
     {QStringLiteral("drained")}},
    {"DrainedNeverAnnounces",
     withOperator(healthInput(ServiceHealth::Healthy), OperatorState::Drained),
     {},
     PrefixState::Withdrawn,
     {},
     false},
    {"DrainImmediateWithdraws",
     withOperator(draining(50), OperatorState::Draining, true),
     {},
     PrefixState::Withdrawn,
     {QStringLiteral("immediately")}},
};

void PrintTo(const StateRow &row, std::ostream *out)
{
    *out << row.name;
}

class RoutePolicyStates : public ::testing::TestWithParam<StateRow>
{};

TEST_P(RoutePolicyStates, MapToTheConfiguredRoute)
{
    const StateRow &row = GetParam();
    RouteConfig route = routeConfig();
    route.withdrawOnDown = row.withdrawOnDown;
    RoutePolicy policy({kPrefix}, route, kAmpleBudget, 900s, 1);
    if (row.fromAnnounced) {
        policy.decide(healthInput(ServiceHealth::Healthy), {}, atSeconds(0));
        ASSERT_EQ(policy.current().first().state, PrefixState::Announced);
    }

    const QList<PrefixDecision> &decisions = policy.decide(row.input, {}, atSeconds(1));
    ASSERT_EQ(decisions.size(), 1);
    const PrefixDecision &decision = decisions.first();
    EXPECT_EQ(decision.prefix, kPrefix);
    EXPECT_EQ(decision.state, row.state);
    EXPECT_EQ(decision.announced(), row.attributes.has_value());
    if (row.attributes) {
        EXPECT_EQ(decision.attributes.med, row.attributes->med);
        EXPECT_EQ(decision.attributes.communities, row.attributes->communities);
        EXPECT_EQ(decision.attributes.prepend, row.attributes->prepend);
    }
    for (const QString &part : row.reasonParts)
        EXPECT_TRUE(decision.reason.contains(part)) << decision.reason.toStdString();
    EXPECT_FALSE(decision.reason.isEmpty());
    EXPECT_EQ(&decisions, &policy.current());
}

INSTANTIATE_TEST_SUITE_P(Table, RoutePolicyStates, ::testing::ValuesIn(kStateRows),
                         [](const auto &row) { return row.param.name; });

TEST(RoutePolicy, FreshPolicyWithdrawsEveryPrefix)
{
    const RoutePolicy policy({kPrefix, QStringLiteral("2001:db8::1/128")}, routeConfig(),
                             kAmpleBudget, 900s, 1);
    ASSERT_EQ(policy.current().size(), 2);
    for (const PrefixDecision &decision : policy.current())
        EXPECT_EQ(decision.state, PrefixState::Withdrawn);
    EXPECT_EQ(policy.current()[1].prefix, QStringLiteral("2001:db8::1/128"));
}

TEST(RoutePolicy, DrainWithdrawsAfterTheGraceTime)
{
    RoutePolicy policy({kPrefix}, routeConfig(), kAmpleBudget, 900s, 1);
    policy.decide(healthInput(ServiceHealth::Healthy), {}, atSeconds(0));
    PolicyInput input = draining(50);
    input.drainStarted = atSeconds(10);

    EXPECT_EQ(policy.decide(input, {}, atSeconds(10)).first().state, PrefixState::Draining);
    EXPECT_EQ(policy.decide(input, {}, atSeconds(309)).first().state, PrefixState::Draining);
    EXPECT_EQ(policy.decide(input, {}, at(309999ms)).first().state, PrefixState::Draining);
    const PrefixDecision &after = policy.decide(input, {}, atSeconds(310)).first();
    EXPECT_EQ(after.state, PrefixState::Withdrawn);
    EXPECT_TRUE(after.reason.contains(QStringLiteral("grace"))) << after.reason.toStdString();
}

TEST(RoutePolicy, DrainWithdrawsOnceConnectionsBleedOff)
{
    RoutePolicy policy({kPrefix}, routeConfig(), kAmpleBudget, 900s, 1);
    policy.decide(healthInput(ServiceHealth::Healthy), {}, atSeconds(0));
    const quint64 established[] = {400, 120, 30, 10};
    for (qint64 i = 0; i < 4; ++i) {
        PolicyInput input = draining(established[i]);
        EXPECT_EQ(policy.decide(input, {}, atSeconds(2 + i)).first().state, PrefixState::Draining)
            << established[i] << " established";
    }
    const PrefixDecision &done = policy.decide(draining(9), {}, atSeconds(7)).first();
    EXPECT_EQ(done.state, PrefixState::Withdrawn);
    EXPECT_TRUE(done.reason.contains(QStringLiteral("9"))) << done.reason.toStdString();
}

TEST(RoutePolicy, UndrainAnnouncesAgain)
{
    RoutePolicy policy({kPrefix}, routeConfig(), kAmpleBudget, 900s, 1);
    policy.decide(healthInput(ServiceHealth::Healthy), {}, atSeconds(0));
    policy.decide(withOperator(healthInput(ServiceHealth::Healthy), OperatorState::Drained), {},
                  atSeconds(1));
    ASSERT_EQ(policy.current().first().state, PrefixState::Withdrawn);
    const PrefixDecision &back =
        policy.decide(healthInput(ServiceHealth::Healthy), {}, atSeconds(2)).first();
    EXPECT_EQ(back.state, PrefixState::Announced);
    EXPECT_EQ(back.attributes, kBase);
}

TEST(RoutePolicy, ReasonFollowsWithoutARouteChange)
{
    RoutePolicy policy({kPrefix}, routeConfig(), kAmpleBudget, 900s, 1);
    policy.decide(healthInput(ServiceHealth::Degraded, {kQueue91}), {}, atSeconds(0));
    const QString later = QStringLiteral("accept queue 98% of 4096 on :443");
    const PrefixDecision &decision =
        policy.decide(healthInput(ServiceHealth::Degraded, {later}), {}, atSeconds(1)).first();
    EXPECT_EQ(decision.state, PrefixState::Degraded);
    EXPECT_TRUE(decision.reason.contains(later)) << decision.reason.toStdString();
    EXPECT_FALSE(decision.reason.contains(kQueue91)) << decision.reason.toStdString();
}

TEST(PrefixDecision, SameRouteIgnoresReasonsAndAttributesOfWithdrawals)
{
    const PrefixDecision withdrawnA{kPrefix, PrefixState::Withdrawn, kBase, QStringLiteral("a")};
    const PrefixDecision withdrawnB{kPrefix, PrefixState::Withdrawn, {}, QStringLiteral("b")};
    EXPECT_TRUE(withdrawnA.sameRoute(withdrawnB));

    const PrefixDecision announced{kPrefix, PrefixState::Announced, kBase, QStringLiteral("a")};
    PrefixDecision otherMed = announced;
    otherMed.attributes.med = 101;
    otherMed.reason = QStringLiteral("b");
    EXPECT_FALSE(announced.sameRoute(otherMed));
    PrefixDecision sameButReason = announced;
    sameButReason.reason = QStringLiteral("other words");
    EXPECT_TRUE(announced.sameRoute(sameButReason));
    EXPECT_FALSE(announced.sameRoute(withdrawnA));
    const PrefixDecision degraded{kPrefix, PrefixState::Degraded, kBase, QStringLiteral("a")};
    EXPECT_FALSE(announced.sameRoute(degraded));
}

} // namespace
} // namespace anycast
