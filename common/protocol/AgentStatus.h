#pragma once

#include "common/JsonReader.h"
#include "common/protocol/BgpStatus.h"
#include "common/protocol/FleetStatus.h"
#include "common/protocol/GeoLocation.h"
#include "common/protocol/OperatorStatus.h"
#include "common/protocol/ServiceStatus.h"

#include <QList>

#include <optional>

namespace anycast {

// The reply to `status` and the body of GET /status: everything an operator or a peer needs
// to know about one node now.
struct AgentStatus
{
    QString node;
    QString region;
    std::optional<GeoLocation> location;
    QString version;
    QString sampler; // "netlink" or "proc"
    QList<ServiceStatus> services;
    OperatorStatus operatorStatus;
    FleetStatus fleet;
    BgpStatus bgp;

    QJsonObject toJson() const;
    static AgentStatus fromJson(JsonReader &reader);

    bool operator==(const AgentStatus &) const = default;
};

} // namespace anycast
