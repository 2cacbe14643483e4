#pragma once

#include "common/Result.h"

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
    QString health;              // "healthy", "degraded", "down" or "starting"
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

// Reads a peer's GET /status into the typed AgentStatus (common/protocol) and keeps what the
// fleet needs. Keys this version does not know are ignored, so peers may run a newer version
// during a rolling upgrade; everything it knows is checked as strictly as the console checks
// it (types, required keys, state words), and a service named twice is an error: a broken
// peer is counted as not answering rather than read half-way.
Result<PeerStatus> parsePeerStatus(const QByteArray &body);

} // namespace anycast
