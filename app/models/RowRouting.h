#pragma once

#include "app/models/NodeFacts.h"
#include "app/models/RegionRollup.h"
#include "app/words/RoutingState.h"

#include <QList>

namespace anycast {

// The fill of a tree row's glyph: what routing does with the row's prefixes, read the way an
// operator reads it. An operator's drain is Draining or Drained, never Withdrawn (drained is
// not down); a region that lost redundancy is a warning (RedundancyLost), not a failure; a
// node the console cannot reach is Unreachable, whatever it last said.
class RowRouting final
{
public:
    static RoutingState region(const RegionRollup &rollup, PrefixPresence best);
    static RoutingState node(const NodeFacts &facts);
    static RoutingState service(bool reachable, OperatorState state,
                                const QList<NodePrefixFact> &prefixes);
};

} // namespace anycast
