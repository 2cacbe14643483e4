#include "common/protocol/FleetStatus.h"

#include "common/JsonList.h"

namespace anycast {
namespace {

QJsonValue orNull(const std::optional<QString> &text)
{
    return text ? QJsonValue(*text) : QJsonValue();
}

} // namespace

QJsonObject FleetPeerStatus::toJson() const
{
    return {{QStringLiteral("url"), url},
            {QStringLiteral("node"), orNull(node)},
            {QStringLiteral("region"), orNull(region)},
            {QStringLiteral("reachable"), reachable},
            {QStringLiteral("age_s"), ageSeconds ? QJsonValue(*ageSeconds) : QJsonValue()},
            {QStringLiteral("error"), orNull(error)},
            {QStringLiteral("failures"), jsonUnsigned(failures)}};
}

FleetPeerStatus FleetPeerStatus::fromJson(JsonReader &reader)
{
    FleetPeerStatus peer;
    peer.url = reader.string(QStringLiteral("url"));
    peer.node = reader.nullableString(QStringLiteral("node"));
    peer.region = reader.nullableString(QStringLiteral("region"));
    peer.reachable = reader.boolean(QStringLiteral("reachable"));
    peer.ageSeconds = reader.nullableNumber(QStringLiteral("age_s"));
    peer.error = reader.nullableString(QStringLiteral("error"));
    peer.failures = reader.unsignedInteger(QStringLiteral("failures"));
    reader.rejectUnknownKeys();
    return peer;
}

QJsonObject FleetStatus::toJson() const
{
    return {{QStringLiteral("min_announcing"), jsonUnsigned(minAnnouncing)},
            {QStringLiteral("shared_fault_check"), sharedFaultCheck},
            {QStringLiteral("peers"), listToJson(peers)}};
}

FleetStatus FleetStatus::fromJson(JsonReader &reader)
{
    FleetStatus status;
    status.minAnnouncing = reader.unsignedInteger(QStringLiteral("min_announcing"));
    status.sharedFaultCheck = reader.boolean(QStringLiteral("shared_fault_check"));
    status.peers = listFromJson<FleetPeerStatus>(reader, QStringLiteral("peers"));
    reader.rejectUnknownKeys();
    return status;
}

} // namespace anycast
