#include "app/models/RegionRollup.h"

namespace anycast {
namespace {

RollupLevel worse(RollupLevel a, RollupLevel b)
{
    return static_cast<int>(a) >= static_cast<int>(b) ? a : b;
}

} // namespace

RegionRollup RegionRollup::of(const QList<NodeFacts> &regionNodes)
{
    RegionRollup rollup;
    rollup.nodes = static_cast<int>(regionNodes.size());
    if (regionNodes.isEmpty()) {
        rollup.findings.append({RollupFinding::Kind::NoNodes, {}, {}, {}});
        return rollup;
    }
    bool anyFailing = false;
    for (const NodeFacts &node : regionNodes) {
        if (node.reachable) {
            ++rollup.reachable;
            for (const QString &service : node.failingServices) {
                anyFailing = true;
                rollup.findings.append({RollupFinding::Kind::ServiceFailing,
                                        node.name + QLatin1Char('/') + service,
                                        {},
                                        {}});
            }
        } else {
            rollup.findings.append({RollupFinding::Kind::Unreachable, node.name, {}, {}});
        }
        if (node.operatorState != OperatorState::Active) {
            ++rollup.drains;
            rollup.findings.append(
                {RollupFinding::Kind::NodeDrained, node.name, {}, node.drainedBy});
        }
    }
    if (rollup.reachable == 0) {
        rollup.level = RollupLevel::Unknown;
        rollup.observation = Observation::NoData;
        rollup.findings.prepend({RollupFinding::Kind::NoneReachable, {}, {}, {}});
        return rollup;
    }
    rollup.level = anyFailing ? RollupLevel::Warning : RollupLevel::Ok;
    rollup.observation = anyFailing ? Observation::Failing : Observation::Reporting;

    const PrefixCensus census = PrefixCensus::of(regionNodes);
    for (const QString &prefix : census.prefixes()) {
        const QList<PrefixHolder> &holders = census.holders(prefix);
        const PrefixTally tally = census.tally(prefix);
        const bool withdrawnForHealth =
            std::any_of(holders.begin(), holders.end(), [](const PrefixHolder &holder) {
                return holder.presence == PrefixPresence::Withdrawn && !holder.byOperator;
            });
        const int known = tally.total - tally.unknown();
        if (tally.announcing() == 0 && known > 0) {
            const bool down = withdrawnForHealth;
            rollup.findings.append(
                {down ? RollupFinding::Kind::PrefixDown : RollupFinding::Kind::PrefixDrained,
                 prefix,
                 tally,
                 {}});
            rollup.level = worse(rollup.level, down ? RollupLevel::Failing : RollupLevel::Warning);
        } else if (tally.announcing() < known) {
            rollup.findings.append({RollupFinding::Kind::LostRedundancy, prefix, tally, {}});
            rollup.level = worse(rollup.level, RollupLevel::Warning);
        }
    }
    return rollup;
}

RollupLevel nodeLevel(const NodeFacts &node)
{
    if (!node.reachable)
        return RollupLevel::Unknown;
    RollupLevel level = node.failingServices.isEmpty() ? RollupLevel::Ok : RollupLevel::Warning;
    for (const NodePrefixFact &prefix : node.prefixes) {
        if (prefix.presence == PrefixPresence::Withdrawn && !prefix.byOperator)
            level = RollupLevel::Failing;
    }
    return level;
}

} // namespace anycast
