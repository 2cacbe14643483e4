// The roll-up rules the tree and the map share, as a table: a drain is never a failure,
// lost redundancy is a warning, unreachable is unknown.
#include "app/models/RegionRollup.h"

#include "app/models/PrefixCensus.h"
#include "app/models/StateWords.h"
#include "tests/models/ModelTestSupport.h"

#include <gtest/gtest.h>

namespace anycast::modeltest {
namespace {

const QString kPrefix = QStringLiteral("192.0.2.1/32");

using P = PrefixPresence;
using K = RollupFinding::Kind;

NodeFacts node(const char *name, P presence, bool reachable = true,
               OperatorState state = OperatorState::Active, QStringList failing = {})
{
    NodeFacts facts = fraWebNode(name, presence, reachable, state);
    facts.failingServices = failing;
    return facts;
}

QList<K> kinds(const RegionRollup &rollup)
{
    QList<K> result;
    for (const RollupFinding &finding : rollup.findings)
        result.append(finding.kind);
    return result;
}

struct RollupCase
{
    const char *name;
    QList<NodeFacts> nodes;
    RollupLevel level;
    Observation observation;
    QList<K> findings;
};

TEST(RegionRollup, Rules)
{
    const auto drained = OperatorState::Drained;
    const auto draining = OperatorState::Draining;
    const RollupCase cases[] = {
        {"all announce",
         {node("a", P::Announced), node("b", P::Announced)},
         RollupLevel::Ok,
         Observation::Reporting,
         {}},
        {"one drained: lost redundancy is a warning, never a failure",
         {node("a", P::Announced), node("b", P::Withdrawn, true, drained)},
         RollupLevel::Warning,
         Observation::Reporting,
         {K::NodeDrained, K::LostRedundancy}},
        {"every node drained: a warning, never a failure",
         {node("a", P::Withdrawn, true, drained), node("b", P::Withdrawn, true, drained)},
         RollupLevel::Warning,
         Observation::Reporting,
         {K::NodeDrained, K::NodeDrained, K::PrefixDrained}},
        {"draining still announces: no redundancy lost yet",
         {node("a", P::Announced), node("b", P::Draining, true, draining)},
         RollupLevel::Ok,
         Observation::Reporting,
         {K::NodeDrained}},
        {"one withdrawn for health: lost redundancy",
         {node("a", P::Announced), node("b", P::Withdrawn, true, OperatorState::Active, {"web"})},
         RollupLevel::Warning,
         Observation::Failing,
         {K::ServiceFailing, K::LostRedundancy}},
        {"none announces, for health: failing",
         {node("a", P::Withdrawn, true, OperatorState::Active, {"web"}),
          node("b", P::Withdrawn, true, drained)},
         RollupLevel::Failing,
         Observation::Failing,
         {K::ServiceFailing, K::NodeDrained, K::PrefixDown}},
        {"degraded but announced (de-preferred): a warning",
         {node("a", P::DePreferred, true, OperatorState::Active, {"web"}), node("b", P::Announced)},
         RollupLevel::Warning,
         Observation::Failing,
         {K::ServiceFailing}},
        {"an unreachable node is unknown, not down",
         {node("a", P::Announced), node("b", P::Announced, false)},
         RollupLevel::Ok,
         Observation::Reporting,
         {K::Unreachable}},
        {"nothing reachable: unknown",
         {node("a", P::Announced, false), node("b", P::Announced, false)},
         RollupLevel::Unknown,
         Observation::NoData,
         {K::NoneReachable, K::Unreachable, K::Unreachable}},
        {"no nodes: unknown", {}, RollupLevel::Unknown, Observation::NoData, {K::NoNodes}},
    };
    for (const RollupCase &c : cases) {
        SCOPED_TRACE(c.name);
        const RegionRollup rollup = RegionRollup::of(c.nodes);
        EXPECT_EQ(rollup.level, c.level) << StateWords::level(rollup.level).toStdString();
        EXPECT_EQ(rollup.observation, c.observation);
        EXPECT_EQ(kinds(rollup), c.findings);
        EXPECT_EQ(rollup.nodes, c.nodes.size());
        for (const RollupFinding &finding : rollup.findings)
            EXPECT_FALSE(StateWords::finding(finding).isEmpty());
    }
}

TEST(RegionRollup, LostRedundancyCarriesTheTally)
{
    const RegionRollup rollup = RegionRollup::of(
        {node("a", P::Announced), node("b", P::Withdrawn, true, OperatorState::Drained),
         node("c", P::Announced, false)});
    const auto lost =
        std::find_if(rollup.findings.begin(), rollup.findings.end(),
                     [](const RollupFinding &f) { return f.kind == K::LostRedundancy; });
    ASSERT_NE(lost, rollup.findings.end());
    EXPECT_EQ(lost->subject, kPrefix);
    EXPECT_EQ(lost->tally.total, 3);
    EXPECT_EQ(lost->tally.announcing(), 1);
    EXPECT_EQ(lost->tally.unknown(), 1);
    EXPECT_EQ(StateWords::finding(*lost),
              QStringLiteral("192.0.2.1/32: lost redundancy, 1 of 3 announcing (1 unknown)"));
}

struct NodeLevelCase
{
    const char *name;
    NodeFacts node;
    RollupLevel level;
};

TEST(RegionRollup, NodeLevels)
{
    const NodeLevelCase cases[] = {
        {"announcing", node("a", P::Announced), RollupLevel::Ok},
        {"drained is not a failure", node("a", P::Withdrawn, true, OperatorState::Drained),
         RollupLevel::Ok},
        {"withdrawn for health", node("a", P::Withdrawn, true, OperatorState::Active, {"web"}),
         RollupLevel::Failing},
        {"degraded", node("a", P::DePreferred, true, OperatorState::Active, {"web"}),
         RollupLevel::Warning},
        {"unreachable", node("a", P::Announced, false), RollupLevel::Unknown},
    };
    for (const NodeLevelCase &c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(nodeLevel(c.node), c.level);
    }
}

TEST(PrefixCensus, CountsNOfMPerPrefixAndRegion)
{
    NodeFacts ams = node("ams-1", P::Withdrawn);
    ams.region = QStringLiteral("ams");
    NodeFacts two = node("fra-2", P::Announced);
    two.prefixes.append(NodePrefixFact{QStringLiteral("198.51.100.0/24"), QStringLiteral("dns"),
                                       P::DePreferred, false, QStringLiteral("degraded")});
    const PrefixCensus census =
        PrefixCensus::of({node("fra-1", P::Announced), two, node("fra-3", P::Unknown, false), ams});
    EXPECT_EQ(census.prefixes(), (QStringList{kPrefix, QStringLiteral("198.51.100.0/24")}));
    const PrefixTally fleet = census.tally(kPrefix);
    EXPECT_EQ(fleet.total, 4);
    EXPECT_EQ(fleet.announcing(), 2);
    EXPECT_EQ(fleet.unknown(), 1);
    EXPECT_EQ(fleet.best(), P::Announced);
    EXPECT_EQ(census.tally(kPrefix, QStringLiteral("ams")).best(), P::Withdrawn);
    EXPECT_EQ(census.tally(kPrefix, QStringLiteral("fra")).total, 3);
    EXPECT_EQ(census.regions(kPrefix), (QStringList{QStringLiteral("ams"), QStringLiteral("fra")}));
    const PrefixTally dns = census.tally(QStringLiteral("198.51.100.0/24"));
    EXPECT_EQ(dns.total, 1);
    EXPECT_EQ(dns.count(P::DePreferred), 1);
    EXPECT_EQ(StateWords::tally(fleet), QStringLiteral("2 of 4 announcing (1 unknown)"));
}

TEST(PrefixCensus, APrefixOfTwoServicesIsOneRouteAtItsBestState)
{
    NodeFacts facts = node("a", P::Withdrawn);
    facts.prefixes.append(NodePrefixFact{kPrefix, QStringLiteral("dns"), P::Announced, false, {}});
    const PrefixCensus census = PrefixCensus::of({facts});
    EXPECT_EQ(census.tally(kPrefix).total, 1);
    EXPECT_EQ(census.holders(kPrefix).first().service, QStringLiteral("dns"));
}

TEST(PrefixPresence, BestForTheMapWorstForARow)
{
    EXPECT_EQ(betterPresence(P::Withdrawn, P::Draining), P::Draining);
    EXPECT_EQ(betterPresence(P::Unknown, P::Withdrawn), P::Withdrawn);
    EXPECT_EQ(worsePresence(P::Announced, P::Withdrawn), P::Withdrawn);
    EXPECT_EQ(worsePresence(P::Unknown, P::Announced), P::Announced);
    EXPECT_EQ(worsePresence(P::Unknown, P::Unknown), P::Unknown);
    EXPECT_TRUE(isAnnouncing(P::Draining));
    EXPECT_FALSE(isAnnouncing(P::Unknown));
}

} // namespace
} // namespace anycast::modeltest
