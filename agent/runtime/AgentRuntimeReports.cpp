#include "AgentRuntime.h"

#include <algorithm>

// The agent's reports: GET /status (also the API's `status`) and the snapshot behind
// GET /metrics. Read-only views of the runtime, kept apart from its loop.

namespace anycast {

AgentStatus AgentRuntime::status() const
{
    const SteadyTime now = steadyNow();
    AgentStatus status;
    status.node = m_config.node;
    status.region = m_config.region;
    status.location = m_config.location;
    status.version = QStringLiteral(ANYCAST_VERSION);
    status.sampler = m_sampler->name();
    for (const ServiceMonitor *monitor : m_monitors) {
        const HealthVerdict &verdict = monitor->verdict();
        ServiceStatus service;
        service.name = monitor->name();
        service.health = HealthLabel{verdict.starting, verdict.health};
        service.reasons = verdict.reasons;
        service.pending = verdict.pending;
        service.sinceSeconds = std::chrono::duration<double>(now - verdict.since).count();
        service.routes = monitor->routes();
        // What drains and dashboards look at first; the whole sample is in `history`.
        const ServiceSocketStats &stats = monitor->lastStats();
        service.established = stats.states[TcpState::Established];
        service.listeners = static_cast<quint64>(stats.listeners.size());
        service.operatorState = monitor->operatorState();
        service.drain = m_control.state().effectiveFor(monitor->name());
        if (const auto &probe = monitor->lastProbe())
            service.probe = ProbeStatus{probe->ok, probe->detail};
        status.services.append(service);
    }
    status.operatorStatus = operatorStatus();
    status.fleet.minAnnouncing = static_cast<quint64>(m_config.fleet.minAnnouncing);
    status.fleet.sharedFaultCheck = m_config.fleet.sharedFaultCheck;
    if (m_fleet)
        status.fleet.peers = m_fleet->peerStatuses(now);
    status.bgp.bridgeConnected = m_bgp.connected();
    status.bgp.bridge = m_bgp.bridgeHello();
    for (auto it = m_bgp.neighbors().begin(); it != m_bgp.neighbors().end(); ++it)
        status.bgp.neighbors.insert(it.key(), it.value());
    for (const auto &prefix : m_bgp.prefixes()) {
        status.bgp.prefixes.append(BgpPrefixStatus{
            prefix.prefix, prefix.desiredCommand, prefix.acknowledgedCommand,
            prefix.desiredCommand == prefix.acknowledgedCommand, prefix.inFlight,
            static_cast<quint64>(prefix.failures), prefix.lastError});
    }
    std::sort(status.bgp.prefixes.begin(), status.bgp.prefixes.end(),
              [](const BgpPrefixStatus &a, const BgpPrefixStatus &b) { return a.prefix < b.prefix; });
    status.bgp.errorAcks = m_bgp.errors();
    status.bgp.neighborEventsIgnored = m_bgp.neighborEventsIgnored();
    return status;
}

OperatorStatus AgentRuntime::operatorStatus() const
{
    OperatorStatus status;
    status.nodeState = OperatorState::Active;
    if (m_control.state().nodeDrain()) {
        status.nodeState = OperatorState::Drained;
        for (const ServiceMonitor *monitor : m_monitors) {
            if (monitor->operatorState() == OperatorState::Draining)
                status.nodeState = OperatorState::Draining;
        }
    }
    status.drains = m_control.state().records();
    status.stateFile = m_control.statePath();
    status.auditLog = m_control.auditPath();
    status.apiClients = static_cast<quint64>(m_apiServer.clientCount());
    return status;
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
