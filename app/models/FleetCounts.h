#pragma once

#include <QtGlobal>

namespace anycast {

class FleetState;

// The fleet in a few numbers for the status strip, counted in one pass over the nodes and
// one over the prefix census.
struct FleetCounts
{
    int nodes = 0;
    int connected = 0;
    int unreachable = 0; // not connected, whatever the reason (connecting, refused, down)
    int prefixes = 0;
    int fullyAnnounced = 0; // every node that serves it announces it
    int partlyAnnounced = 0;
    int notAnnounced = 0;    // no node announces it, and some node says so
    int unknownPrefixes = 0; // every node that serves it is unreachable
    int drains = 0;          // drains in force (node and service drains) on reachable nodes

    bool operator==(const FleetCounts &) const = default;

    static FleetCounts of(const FleetState &fleet);
};

} // namespace anycast
