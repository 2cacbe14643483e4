#include "common/protocol/BgpStatus.h"

#include "common/JsonList.h"

namespace anycast {

QJsonObject BgpPrefixStatus::toJson() const
{
    return {{QStringLiteral("prefix"), prefix},
            {QStringLiteral("desired"), desired},
            {QStringLiteral("acknowledged"), acknowledged},
            {QStringLiteral("converged"), converged},
            {QStringLiteral("in_flight"), inFlight},
            {QStringLiteral("failures"), jsonUnsigned(failures)},
            {QStringLiteral("last_error"), lastError}};
}

BgpPrefixStatus BgpPrefixStatus::fromJson(JsonReader &reader)
{
    BgpPrefixStatus status;
    status.prefix = reader.string(QStringLiteral("prefix"));
    status.desired = reader.string(QStringLiteral("desired"));
    status.acknowledged = reader.string(QStringLiteral("acknowledged"));
    status.converged = reader.boolean(QStringLiteral("converged"));
    status.inFlight = reader.boolean(QStringLiteral("in_flight"));
    status.failures = reader.unsignedInteger(QStringLiteral("failures"));
    status.lastError = reader.string(QStringLiteral("last_error"));
    reader.rejectUnknownKeys();
    return status;
}

QJsonObject BgpStatus::toJson() const
{
    QJsonObject neighborStates;
    for (auto it = neighbors.begin(); it != neighbors.end(); ++it)
        neighborStates.insert(it.key(), it.value());
    return {{QStringLiteral("bridge_connected"), bridgeConnected},
            {QStringLiteral("bridge"), bridge},
            {QStringLiteral("neighbors"), neighborStates},
            {QStringLiteral("prefixes"), listToJson(prefixes)},
            {QStringLiteral("error_acks"), jsonUnsigned(errorAcks)},
            {QStringLiteral("neighbor_events_ignored"), jsonUnsigned(neighborEventsIgnored)}};
}

BgpStatus BgpStatus::fromJson(JsonReader &reader)
{
    BgpStatus status;
    status.bridgeConnected = reader.boolean(QStringLiteral("bridge_connected"));
    status.bridge = reader.string(QStringLiteral("bridge"));
    const QString neighborsKey = QStringLiteral("neighbors");
    JsonReader neighbors = reader.child(neighborsKey);
    for (const QString &address : neighbors.keys())
        status.neighbors.insert(address, neighbors.string(address));
    status.prefixes = listFromJson<BgpPrefixStatus>(reader, QStringLiteral("prefixes"));
    status.errorAcks = reader.unsignedInteger(QStringLiteral("error_acks"));
    status.neighborEventsIgnored =
        reader.unsignedInteger(QStringLiteral("neighbor_events_ignored"));
    reader.rejectUnknownKeys();
    return status;
}

} // namespace anycast
