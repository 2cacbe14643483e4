#pragma once

#include "app/models/NodeSnapshot.h"
#include "app/style/Observation.h"
#include "common/HealthStates.h"

#include <QHash>
#include <QList>

namespace anycast {

// The routing state of a prefix on one node as the map and the tree draw it: the agent's
// decision, or Unknown when the node cannot be asked.
enum class PrefixPresence
{
    Announced,
    DePreferred, // announced with a worse MED or prepends: the service is degraded
    Draining,    // announced with GRACEFUL_SHUTDOWN while connections bleed off
    Withdrawn,
    Unknown, // the node is unreachable or has not reported yet
};

inline constexpr int kPrefixPresenceCount = 5;

// Announced, de-preferred and draining routes all still attract traffic.
constexpr bool isAnnouncing(PrefixPresence presence)
{
    return presence == PrefixPresence::Announced || presence == PrefixPresence::DePreferred ||
           presence == PrefixPresence::Draining;
}
PrefixPresence presenceOf(PrefixState state);
// What the map fills a region with: its best route (announced first), so that one withdrawn
// node never hides the others; lost redundancy is reported beside it.
PrefixPresence betterPresence(PrefixPresence a, PrefixPresence b);
// What a node or service row is filled with: its worst route (withdrawn first).
PrefixPresence worsePresence(PrefixPresence a, PrefixPresence b);

struct NodePrefixFact
{
    QString prefix;
    QString service;
    PrefixPresence presence = PrefixPresence::Unknown;
    // Withdrawn or draining because an operator drained the node or the service: not a
    // failure.
    bool byOperator = false;
    QString reason;

    bool operator==(const NodePrefixFact &) const = default;
};

// The few facts about one node that the roll-ups and the prefix census need, derived from
// its snapshot in one place.
struct NodeFacts
{
    QString endpoint;
    QString name;
    QString region;
    bool reachable = false;
    OperatorState operatorState = OperatorState::Active;
    QString drainedBy;           // who drained the whole node, when it is drained or draining
    QStringList failingServices; // degraded or down by health (not "starting")
    QList<NodePrefixFact> prefixes;

    Observation observation() const;
    bool operator==(const NodeFacts &) const = default;

    static NodeFacts of(const NodeSnapshot &node);
};

} // namespace anycast
