#pragma once

#include "app/models/NodeFacts.h"
#include "app/models/PrefixCensus.h"

#include <QList>

namespace anycast {

// How a region (or a node) looks as a whole, worst last. Unknown is not a failure: it says
// the console cannot see, not that the service is down.
enum class RollupLevel
{
    Ok,
    Unknown, // nothing reachable: no verdict
    Warning, // lost redundancy, a degraded service, every announcer drained
    Failing, // a prefix the region serves is announced by none of its nodes, for health
};

inline constexpr int kRollupLevelCount = 4;

// One reason behind a roll-up, as data: StateWords turns it into a sentence.
struct RollupFinding
{
    enum class Kind
    {
        NoNodes,        // the region has no node (only for an empty input)
        NoneReachable,  // every node is unreachable: state unknown
        Unreachable,    // subject: a node that cannot be reached (its routes are unknown)
        PrefixDown,     // subject: a prefix no node announces, withdrawn for health
        PrefixDrained,  // subject: a prefix every reachable node withdrew by operator drain
        LostRedundancy, // subject: a prefix announced by fewer nodes than serve it
        ServiceFailing, // subject: "node/service", degraded or down by health
        NodeDrained,    // subject: a node drained (or draining) by detail (who)
    };

    Kind kind;
    QString subject;
    PrefixTally tally; // for the prefix findings
    QString detail;

    bool operator==(const RollupFinding &) const = default;
};

// The roll-up of one region's nodes. The rules, in the words the tree and the map both use:
// - no reachable node: Unknown, never "down";
// - a prefix with no announcing node where some reachable node withdrew it for health:
//   Failing;
// - fewer nodes announcing a prefix than serve it (a drain counts: the redundancy is really
//   lost), a prefix withdrawn everywhere by drains, a service failing its health checks:
//   Warning; a drain is never a failure, so an admin drain alone never makes a region fail;
// - unreachable nodes are listed, and their routes count as unknown, not as withdrawn.
struct RegionRollup
{
    RollupLevel level = RollupLevel::Unknown;
    Observation observation = Observation::NoData;
    int nodes = 0;
    int reachable = 0;
    int drains = 0; // nodes drained or draining (the whole node)
    QList<RollupFinding> findings;

    static RegionRollup of(const QList<NodeFacts> &regionNodes);
};

// The same rules for one node alone: Unknown when unreachable, Failing when a prefix it
// serves is withdrawn for health, Warning for a degraded service; drained is Ok.
RollupLevel nodeLevel(const NodeFacts &node);

} // namespace anycast
