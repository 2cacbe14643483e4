#pragma once

#include "agent/metrics/MetricsSnapshot.h"
#include "agent/policy/ServiceDecision.h"
#include "agent/probe/Probe.h"
#include "common/protocol/AgentStatus.h"

#include <QMap>

#include <optional>

namespace anycast {

// The running agent's state at one moment, read once: what GET /status (and the API's
// `status`) and GET /metrics both show, so the two views cannot drift apart. The runtime
// fills it (AgentRuntime::snapshot); statusOf and metricsOf are pure.
struct RuntimeSnapshot
{
    struct Service
    {
        QString name;
        HealthVerdict verdict;
        double secondsSinceHealthChange = 0;
        QList<PrefixDecision> routes;
        ServiceSocketStats stats; // the last full sample's
        OperatorState operatorState = OperatorState::Active;
        std::optional<DrainRecord> drain; // the drain in force on it (its own or the node's)
        std::optional<ProbeResult> probe; // the last run's
    };

    QString node;
    QString region;
    std::optional<GeoLocation> location;
    QString version;
    MetricsSnapshot::Sampler sampler;
    QList<Service> services;
    OperatorStatus operatorStatus;
    FleetStatus fleet;
    BgpStatus bgp;
    std::optional<HostCounters> host; // absent until /proc was read
    // Totals since the agent started.
    QMap<QString, quint64> routeChangesByPrefix;
    QMap<QString, quint64> apiRequestsByMethod;
    quint64 apiErrors = 0;
};

AgentStatus statusOf(const RuntimeSnapshot &snapshot);
MetricsSnapshot metricsOf(const RuntimeSnapshot &snapshot);

} // namespace anycast
