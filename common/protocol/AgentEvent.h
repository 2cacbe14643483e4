#pragma once

#include "common/JsonReader.h"
#include "common/protocol/PrefixDecision.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace anycast {

// Something an operator wants to see in a timeline: a health or route change, a drain, a
// reload, a peer lost. Numbered so a client can ask for what it missed.
struct AgentEvent
{
    quint64 seq = 0;
    QDateTime time;  // UTC
    QString kind;    // one of kinds()
    QString service; // empty for node-wide events (and the target of a node drain)
    QString message;
    QJsonObject data; // kind-specific; empty when the event has none

    // health, route, probe, drain, undrain, bgp, fleet, config
    static const QStringList &kinds();

    // For a `route` event: the new decision its data holds.
    std::optional<PrefixDecision> route() const;

    QJsonObject toJson() const;
    static AgentEvent fromJson(JsonReader &reader);

    bool operator==(const AgentEvent &) const = default;
};

// The reply to `events`.
struct EventsReply
{
    quint64 lastSeq = 0;
    QList<AgentEvent> events;

    static EventsReply fromJson(JsonReader &reader);
};

} // namespace anycast
