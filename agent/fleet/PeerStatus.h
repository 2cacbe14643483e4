#pragma once

#include "Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace anycast {

// The largest /status body a peer may send. A real one is a few KiB per service; the cap
// keeps a broken or hostile peer from filling this agent's memory.
inline constexpr qsizetype kMaxPeerStatusBytes = 4 * 1024 * 1024;

struct PeerServiceStatus
{
    QString health;              // "healthy", "degraded", "down", "starting", or a newer word
    std::optional<bool> probeOk; // none: the peer has no probe for it, or no result yet
};

// What this agent needs from another agent's GET /status: who it is, which prefixes it
// announces, and how its probes of each service fare.
struct PeerStatus
{
    QString node;
    QString region;
    QHash<QString, bool> announced; // prefix -> announced (any state but withdrawn)
    QHash<QString, PeerServiceStatus> services;

    bool announces(const QString &prefix) const { return announced.value(prefix, false); }
};

// Reads the JSON that AgentRuntime::status() serves. Unknown keys are ignored, so peers may
// run newer versions; a body that is not a JSON object, has no "services" array, or holds a
// known key with the wrong type is an error, so a broken peer is counted as not answering
// rather than read half-way.
Result<PeerStatus> parsePeerStatus(const QByteArray &body);

} // namespace anycast
