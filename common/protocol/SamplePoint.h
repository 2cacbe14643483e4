#pragma once

#include "common/HealthStates.h"
#include "common/JsonReader.h"
#include "common/ServiceSocketStats.h"
#include "common/protocol/ServiceStatus.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace anycast {

// The probe's last outcome as a chart needs it.
struct SampleProbe
{
    bool ok = false;
    double latencyMs = 0;

    bool operator==(const SampleProbe &) const = default;
};

// One service at one full sample: its sockets, its health and operator state, its probe.
struct ServiceSample
{
    ServiceSocketStats stats;
    HealthLabel health;
    OperatorState operatorState = OperatorState::Active;
    std::optional<SampleProbe> probe; // absent without a probe or before its first result

    QJsonObject toJson() const;
    static ServiceSample fromJson(JsonReader &reader);

    bool operator==(const ServiceSample &) const = default;
};

// A full sample: the `sample` notification and each element of `history`.
struct SamplePoint
{
    QDateTime time; // UTC
    QList<ServiceSample> services;

    QJsonObject toJson() const;
    static SamplePoint fromJson(JsonReader &reader);

    bool operator==(const SamplePoint &) const = default;
};

// The reply to `history`: samples oldest first.
struct HistoryReply
{
    quint64 intervalMs = 0;
    quint64 spanSeconds = 0;
    QList<SamplePoint> samples;

    static HistoryReply fromJson(JsonReader &reader);
};

} // namespace anycast
