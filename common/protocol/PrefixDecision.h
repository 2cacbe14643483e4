#pragma once

#include "common/HealthStates.h"
#include "common/JsonReader.h"

#include <QJsonObject>
#include <QStringList>

namespace anycast {

// BGP attributes of an announcement.
struct RouteAttributes
{
    quint32 med = 0;
    QStringList communities;
    int prepend = 0; // extra copies of the local AS on the path

    bool operator==(const RouteAttributes &) const = default;
};

// What the agent wants for one prefix, and why: the route policy's output, the routes of
// `status`, the data of a `route` event and a line of `--once`.
struct PrefixDecision
{
    QString prefix;
    PrefixState state = PrefixState::Withdrawn;
    RouteAttributes attributes; // meaningful unless withdrawn
    QString reason;

    bool announced() const { return state != PrefixState::Withdrawn; }
    // {"prefix", "state", "reason"} plus "med", "communities", "as_path_prepend" when
    // announced, and only then.
    QJsonObject toJson() const;
    static PrefixDecision fromJson(JsonReader &reader);
    // Two decisions are the same route when a router would see no update between them.
    bool sameRoute(const PrefixDecision &other) const
    {
        return state == other.state && (!announced() || attributes == other.attributes);
    }

    bool operator==(const PrefixDecision &) const = default;
};

// Reads a state name such as "announced" at `key`, failing the reader on anything else.
PrefixState prefixStateFrom(JsonReader &reader, const QString &key);
ServiceHealth healthFrom(JsonReader &reader, const QString &key);
OperatorState operatorStateFrom(JsonReader &reader, const QString &key);

} // namespace anycast
