#pragma once

#include "common/HealthStates.h"
#include "common/HostCounters.h"
#include "common/ServiceSocketStats.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace anycast {

// Everything GET /metrics reports, copied out of the running agent in one go. Plain values
// only, so the renderer is a pure function and tests build snapshots by hand.
struct MetricsSnapshot
{
    struct Probe
    {
        bool ok = false;
        double durationSeconds = 0;
    };

    struct Prefix
    {
        QString prefix; // "192.0.2.1/32"
        PrefixState state = PrefixState::Withdrawn;
    };

    struct Service
    {
        QString name;
        ServiceHealth health = ServiceHealth::Down;
        bool starting = true; // no verdict yet: reported down until `rise` good checks
        OperatorState operatorState = OperatorState::Active;
        double secondsSinceHealthChange = 0;
        ServiceSocketStats sockets;
        std::optional<Probe> probe; // absent when the service has no probe or none finished
        QList<Prefix> prefixes;
    };

    struct BgpNeighbor
    {
        QString address;
        QString state; // as ExaBGP reports it ("up", "connected", "down"), or "unknown"
    };

    struct BgpPrefix
    {
        QString prefix;
        bool converged = false; // ExaBGP acknowledged what the agent wants announced
    };

    struct Bgp
    {
        bool bridgeConnected = false;
        QList<BgpNeighbor> neighbors;
        QList<BgpPrefix> prefixes;
        quint64 errorAcks = 0;             // commands ExaBGP answered with `error`, since start
        quint64 neighborEventsIgnored = 0; // malformed, or beyond the neighbors tracked
    };

    struct Sampler
    {
        QString name; // "netlink", "proc"
        // Absent until the first sample of each kind.
        std::optional<double> fullSampleSeconds;
        std::optional<double> fastPathSeconds;
    };

    struct FleetPeer
    {
        QString url;
        bool reachable = false;
        std::optional<double> statusAgeSeconds; // absent until a status was received
    };

    QString node;
    QString region;
    QString version;

    QList<Service> services;
    // Absent when /proc could not be read: no series rather than zeros that look real.
    std::optional<HostCounters> host;
    Bgp bgp;
    Sampler sampler;
    QList<FleetPeer> fleetPeers;

    // Totals since the agent started.
    QMap<QString, quint64> routeChangesByPrefix;
    QMap<QString, quint64> apiRequestsByMethod;
    quint64 apiErrors = 0;
    int drainsActive = 0;
};

} // namespace anycast
