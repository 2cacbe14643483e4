#pragma once

#include "agent/health/HealthEngine.h"
#include "agent/policy/RoutePolicy.h"
#include "agent/probe/ProbeSpec.h"
#include "agent/sampler/ServicePorts.h"
#include "common/Result.h"
#include "common/protocol/GeoLocation.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace anycast {

struct ServiceConfig
{
    QString name;
    QList<quint16> ports;
    QStringList prefixes; // each canonical and announceable: Prefix::parse(p)->toString() == p
    int rise = 3;
    int fall = 2;
    bool listenerLossImmediate = true;
    std::optional<ProbeSpec> probe; // none: only socket signals count
    std::chrono::milliseconds probeInterval{1000};
    std::chrono::milliseconds probeRetryDelay{200};
    HealthThresholds thresholds; // [service.thresholds]
    RouteConfig route;           // [service.route]

    HealthConfig healthConfig() const;
};

struct BgpConfig
{
    quint32 localAs = 0;
    QString nextHop = QStringLiteral("self");
    QString onAgentLoss = QStringLiteral("keep"); // keep | withdraw
    int flapBudget = 4;
    int flapWindowSeconds = 900;
};

struct FleetConfig
{
    QStringList peers;
    int minAnnouncing = 1;
    std::chrono::milliseconds pollInterval{1000};
    std::chrono::milliseconds pollTimeout{800};
    bool sharedFaultCheck = false; // cross-region: most peers' probes fail too -> degraded
};

// The agent's TOML configuration (DESIGN.md, "Config"; every key in docs/CONFIG.md).
struct AgentConfig
{
    QString sourcePath;
    QString node; // default: the host name
    QString region;
    std::optional<GeoLocation> location;
    QString apiSocket = QStringLiteral("/run/anycast-agent/api.sock");
    QString bgpSocket = QStringLiteral("/run/anycast-agent/bgp.sock");
    QString stateDir = QStringLiteral("/var/lib/anycast-agent");
    QString operatorsGroup = QStringLiteral("anycast-ops");
    QString apiGroup = QStringLiteral("anycast-ops"); // may connect to api_socket at all
    QString bgpGroup; // may connect to bgp_socket; empty: the agent's own group
    QString httpListen = QStringLiteral("127.0.0.1:9642");
    std::chrono::milliseconds fastPathInterval{25};
    std::chrono::milliseconds sampleInterval{1000};
    // The share of one core the connection watch may spend (ConnectionWatchSchedule).
    double connectionWatchCpuPercent = 0.5;
    std::chrono::milliseconds history = std::chrono::hours(1); // the API's sample backfill
    BgpConfig bgp;
    FleetConfig fleet;
    QList<ServiceConfig> services;
    // "operators_group", "api_group", "bgp_group" -> FILE:LINE:COL where the value was set
    // (for a default, where [agent] starts): checks against the host report there.
    QHash<QString, QString> keyLocations;

    QList<ServicePorts> servicePorts() const;
    // The services' names in their configured order: the order of the sampler's reports.
    QStringList serviceNames() const;
    // What the service's route policy follows: its [service.route] and the agent-wide flap
    // budget and fleet guard.
    PolicyConfig policyConfig(const ServiceConfig &service) const;
};

// Every problem found, one per line, each as "FILE:LINE:COL: message" so editors and
// operators jump straight to it.
Result<AgentConfig> parseAgentConfig(const QString &text, const QString &path);
Result<AgentConfig> loadAgentConfig(const QString &path);

} // namespace anycast
