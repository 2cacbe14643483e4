#include "AgentRuntime.h"

#include <QJsonArray>

// The agent's reports: GET /status (also the API's `status`) and the snapshot behind
// GET /metrics. Read-only views of the runtime, kept apart from its loop.

namespace anycast {

QJsonObject AgentRuntime::status() const
{
    const SteadyTime now = steadyNow();
    QJsonArray services;
    for (const ServiceMonitor *monitor : m_monitors) {
        const HealthVerdict &verdict = monitor->verdict();
        QJsonArray routes;
        for (const PrefixDecision &decision : monitor->routes())
            routes.append(decision.toJson());
        QJsonObject service{
            {QStringLiteral("name"), monitor->name()},
            {QStringLiteral("health"),
             verdict.starting ? QStringLiteral("starting") : healthName(verdict.health)},
            {QStringLiteral("reasons"), QJsonArray::fromStringList(verdict.reasons)},
            {QStringLiteral("pending"), verdict.pending},
            {QStringLiteral("since_s"), std::chrono::duration<double>(now - verdict.since).count()},
            {QStringLiteral("routes"), routes},
        };
        // What drains and dashboards look at first; the whole sample is in `history`.
        const ServiceSocketStats &stats = monitor->lastStats();
        service.insert(QStringLiteral("established"),
                       jsonUnsigned(stats.states[TcpState::Established]));
        service.insert(QStringLiteral("listeners"), static_cast<qint64>(stats.listeners.size()));
        service.insert(QStringLiteral("operator_state"),
                       operatorStateName(monitor->operatorState()));
        if (const auto drain = m_control.state().effectiveFor(monitor->name()))
            service.insert(QStringLiteral("drain"), drain->toJson());
        if (const auto &probe = monitor->lastProbe()) {
            service.insert(QStringLiteral("probe"),
                           QJsonObject{{QStringLiteral("ok"), probe->ok},
                                       {QStringLiteral("detail"), probe->detail}});
        }
        services.append(service);
    }
    QJsonObject neighbors;
    for (auto it = m_bgp.neighbors().begin(); it != m_bgp.neighbors().end(); ++it)
        neighbors.insert(it.key(), it.value());
    QJsonArray prefixes;
    for (const auto &prefix : m_bgp.prefixes()) {
        prefixes.append(QJsonObject{
            {QStringLiteral("prefix"), prefix.prefix},
            {QStringLiteral("desired"), prefix.desiredCommand},
            {QStringLiteral("acknowledged"), prefix.acknowledgedCommand},
            {QStringLiteral("converged"), prefix.desiredCommand == prefix.acknowledgedCommand},
            {QStringLiteral("in_flight"), prefix.inFlight},
            {QStringLiteral("failures"), prefix.failures},
            {QStringLiteral("last_error"), prefix.lastError},
        });
    }
    return {
        {QStringLiteral("node"), m_config.node},
        {QStringLiteral("region"), m_config.region},
        {QStringLiteral("location"), locationJson(m_config.location)},
        {QStringLiteral("version"), QStringLiteral(ANYCAST_VERSION)},
        {QStringLiteral("sampler"), m_sampler->name()},
        {QStringLiteral("services"), services},
        {QStringLiteral("operator"), operatorStatus()},
        {QStringLiteral("fleet"),
         QJsonObject{{QStringLiteral("min_announcing"), m_config.fleet.minAnnouncing},
                     {QStringLiteral("shared_fault_check"), m_config.fleet.sharedFaultCheck},
                     {QStringLiteral("peers"), m_fleet ? m_fleet->toJson(now) : QJsonArray()}}},
        {QStringLiteral("bgp"),
         QJsonObject{{QStringLiteral("bridge_connected"), m_bgp.connected()},
                     {QStringLiteral("bridge"), m_bgp.bridgeHello()},
                     {QStringLiteral("neighbors"), neighbors},
                     {QStringLiteral("prefixes"), prefixes},
                     {QStringLiteral("error_acks"), static_cast<double>(m_bgp.errors())},
                     {QStringLiteral("neighbor_events_ignored"),
                      static_cast<double>(m_bgp.neighborEventsIgnored())}}},
    };
}

QJsonObject AgentRuntime::operatorStatus() const
{
    const auto nodeDrain = m_control.state().nodeDrain();
    OperatorState node = OperatorState::Active;
    if (nodeDrain) {
        node = OperatorState::Drained;
        for (const ServiceMonitor *monitor : m_monitors) {
            if (monitor->operatorState() == OperatorState::Draining)
                node = OperatorState::Draining;
        }
    }
    QJsonArray drains;
    for (const DrainRecord &record : m_control.state().records())
        drains.append(record.toJson());
    return {{QStringLiteral("node_state"), operatorStateName(node)},
            {QStringLiteral("drains"), drains},
            {QStringLiteral("state_file"), m_control.statePath()},
            {QStringLiteral("audit_log"), m_control.auditPath()},
            {QStringLiteral("api_clients"), m_apiServer.clientCount()}};
}

MetricsSnapshot AgentRuntime::metricsSnapshot() const
{
    const SteadyTime now = steadyNow();
    MetricsSnapshot snapshot;
    snapshot.node = m_config.node;
    snapshot.region = m_config.region;
    snapshot.version = QStringLiteral(ANYCAST_VERSION);
    for (const ServiceMonitor *monitor : m_monitors) {
        const HealthVerdict &verdict = monitor->verdict();
        MetricsSnapshot::Service service;
        service.name = monitor->name();
        service.health = verdict.health;
        service.starting = verdict.starting;
        service.operatorState = monitor->operatorState();
        service.secondsSinceHealthChange =
            std::chrono::duration<double>(now - verdict.since).count();
        service.sockets = monitor->lastStats();
        if (const auto &probe = monitor->lastProbe())
            service.probe = MetricsSnapshot::Probe{probe->ok, probe->elapsed.count() / 1000.0};
        for (const PrefixDecision &route : monitor->routes())
            service.prefixes.append({route.prefix, route.state});
        snapshot.services.append(service);
    }
    snapshot.host = m_lastHost;
    snapshot.bgp.bridgeConnected = m_bgp.connected();
    for (auto it = m_bgp.neighbors().begin(); it != m_bgp.neighbors().end(); ++it) {
        snapshot.bgp.neighbors.append({it.key(), it.value()});
    }
    for (const auto &prefix : m_bgp.prefixes())
        snapshot.bgp.prefixes.append(
            {prefix.prefix, prefix.desiredCommand == prefix.acknowledgedCommand});
    snapshot.bgp.errorAcks = m_bgp.errors();
    snapshot.bgp.neighborEventsIgnored = m_bgp.neighborEventsIgnored();
    snapshot.sampler = {m_sampler->name(), m_fullSampleSeconds, m_fastPathSeconds};
    if (m_fleet) {
        for (const FleetPoller::PeerReport &peer : m_fleet->reports(now))
            snapshot.fleetPeers.append({peer.url, peer.reachable, peer.statusAgeSeconds});
    }
    snapshot.routeChangesByPrefix = m_routeChanges;
    snapshot.apiRequestsByMethod = m_apiServer.requestsByMethod();
    snapshot.apiErrors = m_apiServer.errors();
    snapshot.drainsActive = static_cast<int>(m_control.state().records().size());
    return snapshot;
}

} // namespace anycast
