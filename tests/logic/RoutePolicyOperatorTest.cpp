#include "tests/logic/RoutePolicySupport.h"

#include <gtest/gtest.h>

// The policy inputs the operator API and the fleet bring: the undrain gate, the shared-fault
// rule, and a config reload.
namespace anycast {
namespace {

using namespace logictest;
using namespace std::chrono_literals;

const QString kProbeFailed = QStringLiteral("probe failed: HTTP 503");
const QString kShared = QStringLiteral("shared fault: 3 of 4 peers' probes of web fail too");

PolicyInput afterUndrain(int seen, int needed = 3)
{
    PolicyInput input = healthInput(ServiceHealth::Healthy);
    input.undrainChecksNeeded = needed;
    input.undrainChecksSeen = seen;
    return input;
}

TEST(RoutePolicyUndrain, AWithdrawnPrefixWaitsForRiseHealthyChecks)
{
    RoutePolicy policy({kPrefix}, routeConfig(), kAmpleBudget, 900s, 1);
    for (int seen = 0; seen < 3; ++seen) {
        const PrefixDecision &held = policy.decide(afterUndrain(seen), {}, atSeconds(seen)).first();
        EXPECT_EQ(held.state, PrefixState::Withdrawn) << seen << " healthy checks";
        EXPECT_TRUE(held.reason.contains(QStringLiteral("(%1 so far)").arg(seen)))
            << held.reason.toStdString();
    }
    EXPECT_EQ(policy.decide(afterUndrain(3), {}, atSeconds(3)).first().state,
              PrefixState::Announced);
}

TEST(RoutePolicyUndrain, AnUndrainWhileStillAnnouncedKeepsAnnouncing)
{
    // Undrained during the bleed-off: the route never left, so there is nothing to wait for.
    RoutePolicy policy({kPrefix}, routeConfig(), kAmpleBudget, 900s, 1);
    policy.decide(healthInput(ServiceHealth::Healthy), {}, atSeconds(0));
    PolicyInput draining = healthInput(ServiceHealth::Healthy);
    draining.operatorState = OperatorState::Draining;
    draining.drainStarted = atSeconds(1);
    draining.established = 500;
    ASSERT_EQ(policy.decide(draining, {}, atSeconds(1)).first().state, PrefixState::Draining);
    EXPECT_EQ(policy.decide(afterUndrain(0), {}, atSeconds(2)).first().state,
              PrefixState::Announced);
}

TEST(RoutePolicySharedFault, DownWithASharedFaultIsDepreferredNotWithdrawn)
{
    RoutePolicy policy({kPrefix}, routeConfig(), kAmpleBudget, 900s, 1);
    policy.decide(healthInput(ServiceHealth::Healthy), {}, atSeconds(0));
    PolicyInput input = healthInput(ServiceHealth::Down, {kProbeFailed});
    input.sharedFault = kShared;
    const PrefixDecision &decision = policy.decide(input, {}, atSeconds(1)).first();
    EXPECT_EQ(decision.state, PrefixState::Degraded);
    EXPECT_EQ(decision.attributes.prepend, routeConfig().degradedPrepend);
    EXPECT_TRUE(decision.reason.contains(kShared)) << decision.reason.toStdString();
    EXPECT_TRUE(decision.reason.contains(kProbeFailed)) << decision.reason.toStdString();

    input.sharedFault.clear(); // the peers recover, this node does not: a local fault
    EXPECT_EQ(policy.decide(input, {}, atSeconds(2)).first().state, PrefixState::Withdrawn);
}

TEST(RoutePolicySharedFault, ADrainStillWithdrawsDespiteASharedFault)
{
    RoutePolicy policy({kPrefix}, routeConfig(), kAmpleBudget, 900s, 1);
    policy.decide(healthInput(ServiceHealth::Healthy), {}, atSeconds(0));
    PolicyInput input = healthInput(ServiceHealth::Down, {kProbeFailed});
    input.sharedFault = kShared;
    input.operatorState = OperatorState::Drained;
    EXPECT_EQ(policy.decide(input, {}, atSeconds(1)).first().state, PrefixState::Withdrawn);
}

TEST(RoutePolicyReconfigure, KeepsTheAnnouncementAndAppliesNewAttributesAtTheNextDecision)
{
    RoutePolicy policy({kPrefix}, routeConfig(), kAmpleBudget, 900s, 1);
    policy.decide(healthInput(ServiceHealth::Healthy), {}, atSeconds(0));
    RouteConfig changed = routeConfig();
    changed.med = 70;
    policy.reconfigure(changed, kAmpleBudget, 900s, 1);
    EXPECT_EQ(policy.current().first().state, PrefixState::Announced);
    EXPECT_EQ(policy.current().first().attributes.med, 100u) << "nothing sent before deciding";
    const PrefixDecision &decision =
        policy.decide(healthInput(ServiceHealth::Healthy), {}, atSeconds(1)).first();
    EXPECT_EQ(decision.state, PrefixState::Announced);
    EXPECT_EQ(decision.attributes.med, 70u);
}

TEST(RoutePolicyReconfigure, ChangesAlreadyMadeCountAgainstASmallerBudget)
{
    RoutePolicy policy({kPrefix}, routeConfig(), 10, 900s, 1);
    policy.decide(healthInput(ServiceHealth::Healthy), {}, atSeconds(0)); // 1
    policy.decide(healthInput(ServiceHealth::Degraded, {QStringLiteral("x")}), {},
                  atSeconds(1)); // 2
    policy.reconfigure(routeConfig(), 2, 900s, 1);
    const PrefixDecision &held =
        policy.decide(healthInput(ServiceHealth::Healthy), {}, atSeconds(2)).first();
    EXPECT_EQ(held.state, PrefixState::Degraded) << "the budget of 2 is spent";
    EXPECT_TRUE(held.reason.contains(QStringLiteral("flap budget"))) << held.reason.toStdString();
}

} // namespace
} // namespace anycast
