#include "app/models/FleetCounts.h"

#include "app/models/FleetState.h"

namespace anycast {

FleetCounts FleetCounts::of(const FleetState &fleet)
{
    FleetCounts counts;
    for (const QString &endpoint : fleet.endpoints()) {
        const NodeSnapshot *node = fleet.node(endpoint);
        ++counts.nodes;
        if (node->link.isConnected())
            ++counts.connected;
        else
            ++counts.unreachable;
        // A drain last reported by a node that cannot be asked now is history, not state.
        if (node->reachable())
            counts.drains += static_cast<int>(node->status->operatorStatus.drains.size());
    }
    const PrefixCensus &census = fleet.census();
    for (const QString &prefix : census.prefixes()) {
        const PrefixTally tally = census.tally(prefix);
        ++counts.prefixes;
        if (tally.announcing() == 0 && tally.unknown() == tally.total)
            ++counts.unknownPrefixes;
        else if (tally.announcing() == 0)
            ++counts.notAnnounced;
        else if (tally.announcing() < tally.total)
            ++counts.partlyAnnounced;
        else
            ++counts.fullyAnnounced;
    }
    return counts;
}

} // namespace anycast
