#pragma once

#include "common/JsonReader.h"

#include <QList>

#include <optional>

namespace anycast {

// One peer as this agent's fleet poller sees it. node, region and age are known once the
// peer has answered; error is the last failure, if any.
struct FleetPeerStatus
{
    QString url;
    std::optional<QString> node;
    std::optional<QString> region;
    bool reachable = false;
    std::optional<double> ageSeconds;
    std::optional<QString> error;
    quint64 failures = 0;

    QJsonObject toJson() const;
    static FleetPeerStatus fromJson(JsonReader &reader);

    bool operator==(const FleetPeerStatus &) const = default;
};

// The `fleet` part of `status`.
struct FleetStatus
{
    quint64 minAnnouncing = 0;
    bool sharedFaultCheck = false;
    QList<FleetPeerStatus> peers;

    QJsonObject toJson() const;
    static FleetStatus fromJson(JsonReader &reader);

    bool operator==(const FleetStatus &) const = default;
};

} // namespace anycast
