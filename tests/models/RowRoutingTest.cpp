// The fleet tree's fills as a table: a drain is draining or drained and never withdrawn, a
// region that lost redundancy is a warning, what cannot be reached is unreachable and what
// answers without routes is unknown.
#include "app/models/RowRouting.h"

#include "app/words/StateNames.h"
#include "tests/models/ModelTestSupport.h"

#include <gtest/gtest.h>

namespace anycast::modeltest {
namespace {

using P = PrefixPresence;
using R = RoutingState;

NodeFacts node(const char *name, P presence, bool reachable = true,
               OperatorState state = OperatorState::Active, bool byOperator = false)
{
    return fraWebNode(name, presence, reachable, state, byOperator);
}

RoutingState regionOf(const QList<NodeFacts> &nodes)
{
    const RegionRollup rollup = RegionRollup::of(nodes);
    P best = P::Unknown;
    for (const NodeFacts &facts : nodes) {
        for (const NodePrefixFact &fact : facts.prefixes)
            best = betterPresence(best, fact.presence);
    }
    return RowRouting::region(rollup, best);
}

TEST(RowRouting, NodesAndServices)
{
    EXPECT_EQ(RowRouting::node(node("a", P::Announced)), R::Announced);
    EXPECT_EQ(RowRouting::node(node("a", P::DePreferred)), R::DePreferred);
    EXPECT_EQ(RowRouting::node(node("a", P::Withdrawn)), R::Withdrawn);
    EXPECT_EQ(RowRouting::node(node("a", P::Announced, false)), R::Unreachable);
    EXPECT_EQ(RowRouting::node(node("a", P::Withdrawn, true, OperatorState::Drained)), R::Drained);
    EXPECT_EQ(RowRouting::node(node("a", P::Draining, true, OperatorState::Draining)), R::Draining);
    // A service drained by an operator leaves the node active but its route withdrawn on
    // purpose: drained, not down.
    EXPECT_EQ(RowRouting::node(node("a", P::Withdrawn, true, OperatorState::Active, true)),
              R::Drained);
    EXPECT_EQ(RowRouting::service(true, OperatorState::Drained, node("a", P::Withdrawn).prefixes),
              R::Drained);
    EXPECT_EQ(RowRouting::service(false, OperatorState::Active, {}), R::Unreachable);
}

TEST(RowRouting, AnAgentThatAnswersWithoutRoutesIsRouteUnknownNotUnreachable)
{
    // Connected, but no route reported yet (or a service without prefixes): the console can
    // reach it, so "unreachable" would send the engineer to look at the wrong thing.
    EXPECT_EQ(RowRouting::node(node("a", P::Unknown)), R::Unknown);
    EXPECT_EQ(RowRouting::service(true, OperatorState::Active, {}), R::Unknown);
    EXPECT_EQ(regionOf({node("a", P::Unknown), node("b", P::Unknown)}), R::Unknown);
    EXPECT_EQ(regionOf({node("a", P::Unknown, false), node("b", P::Unknown, false)}),
              R::Unreachable);
    EXPECT_NE(StateNames::of(R::Unknown), StateNames::of(R::Unreachable));
}

TEST(RowRouting, RegionsNeverTurnRedForADrain)
{
    const auto drained = OperatorState::Drained;
    EXPECT_EQ(regionOf({node("a", P::Announced), node("b", P::Announced)}), R::Announced);
    EXPECT_EQ(regionOf({node("a", P::Announced), node("b", P::Withdrawn, true, drained)}),
              R::RedundancyLost);
    EXPECT_EQ(
        regionOf({node("a", P::Withdrawn, true, drained), node("b", P::Withdrawn, true, drained)}),
        R::Drained);
    EXPECT_EQ(regionOf({node("a", P::Withdrawn), node("b", P::Withdrawn)}), R::Withdrawn);
    EXPECT_EQ(regionOf({node("a", P::Announced, false), node("b", P::Announced, false)}),
              R::Unreachable);
    EXPECT_EQ(regionOf({node("a", P::Announced), node("b", P::Announced, false)}), R::Announced);
}

TEST(StateNames, EveryStateHasAWordOfItsOwn)
{
    QStringList words;
    for (int state = 0; state < kRoutingStateCount; ++state)
        words.append(StateNames::of(static_cast<R>(state)));
    for (const Observation observation :
         {Observation::Reporting, Observation::Failing, Observation::NoData})
        words.append(StateNames::of(observation));
    words.removeDuplicates();
    EXPECT_EQ(words.size(), kRoutingStateCount + 3);
    EXPECT_FALSE(words.contains(QString()));
}

} // namespace
} // namespace anycast::modeltest
