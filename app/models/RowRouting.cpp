#include "app/models/RowRouting.h"

#include <algorithm>

namespace anycast {
namespace {

bool has(const RegionRollup &rollup, RollupFinding::Kind kind)
{
    return std::any_of(rollup.findings.begin(), rollup.findings.end(),
                       [kind](const RollupFinding &finding) { return finding.kind == kind; });
}

RoutingState ofPresence(PrefixPresence presence)
{
    switch (presence) {
    case PrefixPresence::Announced:
        return RoutingState::Announced;
    case PrefixPresence::DePreferred:
        return RoutingState::DePreferred;
    case PrefixPresence::Draining:
        return RoutingState::Draining;
    case PrefixPresence::Withdrawn:
        return RoutingState::Withdrawn;
    case PrefixPresence::Unknown:
        break;
    }
    // No route known, or none to know (a node without prefixes), from an agent that answers.
    return RoutingState::Unknown;
}

RoutingState ofOperator(OperatorState state, const QList<NodePrefixFact> &prefixes)
{
    if (state == OperatorState::Drained)
        return RoutingState::Drained;
    if (state == OperatorState::Draining)
        return RoutingState::Draining;
    PrefixPresence worst = PrefixPresence::Unknown;
    bool withdrawnForHealth = false;
    for (const NodePrefixFact &fact : prefixes) {
        worst = worsePresence(worst, fact.presence);
        withdrawnForHealth |= fact.presence == PrefixPresence::Withdrawn && !fact.byOperator;
    }
    // Every withdrawn route was an operator's service drain: drained, not down.
    if (worst == PrefixPresence::Withdrawn && !withdrawnForHealth)
        return RoutingState::Drained;
    return ofPresence(worst);
}

} // namespace

RoutingState RowRouting::region(const RegionRollup &rollup, PrefixPresence best)
{
    if (rollup.reachable == 0)
        return RoutingState::Unreachable;
    if (rollup.level == RollupLevel::Failing)
        return RoutingState::Withdrawn;
    if (has(rollup, RollupFinding::Kind::PrefixDrained))
        return RoutingState::Drained;
    if (has(rollup, RollupFinding::Kind::LostRedundancy))
        return RoutingState::RedundancyLost;
    if (rollup.drains > 0)
        return RoutingState::Draining;
    const RoutingState state = ofPresence(best);
    // Withdrawn without a failing roll-up is an operator's doing (a service drain).
    return state == RoutingState::Withdrawn ? RoutingState::Drained : state;
}

RoutingState RowRouting::node(const NodeFacts &facts)
{
    if (!facts.reachable)
        return RoutingState::Unreachable;
    return ofOperator(facts.operatorState, facts.prefixes);
}

RoutingState RowRouting::service(bool reachable, OperatorState state,
                                 const QList<NodePrefixFact> &prefixes)
{
    if (!reachable)
        return RoutingState::Unreachable;
    return ofOperator(state, prefixes);
}

} // namespace anycast
