#pragma once

#include "common/HealthStates.h"
#include "common/JsonReader.h"
#include "common/protocol/DrainRecord.h"
#include "common/protocol/PrefixDecision.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace anycast {

// A service's last probe, as `status` reports it.
struct ProbeStatus
{
    bool ok = false;
    QString detail;

    bool operator==(const ProbeStatus &) const = default;
};

// The health word of a service: "starting" until the first verdict, then a ServiceHealth.
struct HealthLabel
{
    bool starting = true;
    ServiceHealth health = ServiceHealth::Down; // Down while starting

    QString name() const;
    static HealthLabel fromName(JsonReader &reader, const QString &key);

    bool operator==(const HealthLabel &) const = default;
};

// One service of `status`.
struct ServiceStatus
{
    QString name;
    HealthLabel health;
    QStringList reasons;
    QString pending; // a change on its way (e.g. "healthy 1/3"), or empty
    double sinceSeconds = 0;
    QList<PrefixDecision> routes;
    quint64 established = 0;
    quint64 listeners = 0;
    OperatorState operatorState = OperatorState::Active;
    std::optional<DrainRecord> drain; // the drain in force on it (its own or the node's)
    std::optional<ProbeStatus> probe; // absent without a probe or before its first run

    QJsonObject toJson() const;
    static ServiceStatus fromJson(JsonReader &reader);

    bool operator==(const ServiceStatus &) const = default;
};

QStringList stringListFrom(JsonReader &reader, const QString &key);

} // namespace anycast
