#include "common/protocol/AgentStatus.h"

#include "common/JsonList.h"

namespace anycast {

QJsonObject AgentStatus::toJson() const
{
    return {{QStringLiteral("node"), node},
            {QStringLiteral("region"), region},
            {QStringLiteral("location"), locationToJson(location)},
            {QStringLiteral("version"), version},
            {QStringLiteral("sampler"), sampler},
            {QStringLiteral("services"), listToJson(services)},
            {QStringLiteral("operator"), operatorStatus.toJson()},
            {QStringLiteral("fleet"), fleet.toJson()},
            {QStringLiteral("bgp"), bgp.toJson()}};
}

AgentStatus AgentStatus::fromJson(JsonReader &reader)
{
    AgentStatus status;
    status.node = reader.string(QStringLiteral("node"));
    status.region = reader.string(QStringLiteral("region"));
    status.location = locationFromJson(reader, QStringLiteral("location"));
    status.version = reader.string(QStringLiteral("version"));
    status.sampler = reader.string(QStringLiteral("sampler"));
    status.services = listFromJson<ServiceStatus>(reader, QStringLiteral("services"));
    JsonReader operatorReader = reader.child(QStringLiteral("operator"));
    status.operatorStatus = OperatorStatus::fromJson(operatorReader);
    JsonReader fleet = reader.child(QStringLiteral("fleet"));
    status.fleet = FleetStatus::fromJson(fleet);
    JsonReader bgp = reader.child(QStringLiteral("bgp"));
    status.bgp = BgpStatus::fromJson(bgp);
    reader.rejectUnknownKeys();
    return status;
}

} // namespace anycast
