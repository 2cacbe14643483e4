#pragma once

namespace anycast {

// What routing does with a prefix there: drawn as the glyph's fill. The models decide it and
// the drawing code draws it, so it lives in a header that needs neither side.
enum class RoutingState
{
    Announced,
    DePreferred,    // announced, made less attractive because health degraded
    RedundancyLost, // a region announces from fewer of its nodes than it has
    Draining,       // an operator's drain in progress: still announced, connections bleeding
    Drained,        // an operator's drain in force: withdrawn on purpose
    Withdrawn,      // withdrawn because the service failed
    Unknown,        // the agent answers but has said nothing about routes (yet, or has none)
    Unreachable,    // unknown: the console cannot reach the agent
};

inline constexpr int kRoutingStateCount = 8;

} // namespace anycast
