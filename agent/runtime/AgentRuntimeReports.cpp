#include "agent/runtime/AgentRuntime.h"

#include <algorithm>

// The agent's reports: one snapshot of the runtime (RuntimeSnapshot), from which GET /status
// (also the API's `status`) and GET /metrics are both made. Read-only, kept apart from the
// loop.

namespace anycast {

RuntimeSnapshot AgentRuntime::snapshot() const
{
    const SteadyTime now = steadyNow();
    RuntimeSnapshot snapshot;
    snapshot.node = m_config.node;
    snapshot.region = m_config.region;
    snapshot.location = m_config.location;
    snapshot.version = QStringLiteral(ANYCAST_VERSION);
    snapshot.sampler = {m_sampler->name(), m_fullSampleSeconds, m_fastPathSeconds};
    for (const ServiceMonitor *monitor : m_monitors) {
        const HealthVerdict &verdict = monitor->verdict();
        snapshot.services.append(
            {monitor->name(), verdict, std::chrono::duration<double>(now - verdict.since).count(),
             monitor->routes(), monitor->lastStats(), monitor->operatorState(),
             m_control.state().effectiveFor(monitor->name()), monitor->lastProbe()});
    }
    snapshot.operatorStatus = operatorStatus();
    snapshot.fleet.minAnnouncing = static_cast<quint64>(m_config.fleet.minAnnouncing);
    snapshot.fleet.sharedFaultCheck = m_config.fleet.sharedFaultCheck;
    if (m_fleet)
        snapshot.fleet.peers = m_fleet->peerStatuses(now);
    snapshot.bgp.bridgeConnected = m_bgp.connected();
    snapshot.bgp.bridge = m_bgp.bridgeHello();
    for (auto it = m_bgp.neighbors().begin(); it != m_bgp.neighbors().end(); ++it)
        snapshot.bgp.neighbors.insert(it.key(), it.value());
    for (const auto &prefix : m_bgp.prefixes()) {
        snapshot.bgp.prefixes.append(
            BgpPrefixStatus{prefix.prefix, prefix.desiredCommand, prefix.acknowledgedCommand,
                            prefix.desiredCommand == prefix.acknowledgedCommand, prefix.inFlight,
                            static_cast<quint64>(prefix.failures), prefix.lastError});
    }
    std::sort(
        snapshot.bgp.prefixes.begin(), snapshot.bgp.prefixes.end(),
        [](const BgpPrefixStatus &a, const BgpPrefixStatus &b) { return a.prefix < b.prefix; });
    snapshot.bgp.errorAcks = m_bgp.errors();
    snapshot.bgp.neighborEventsIgnored = m_bgp.neighborEventsIgnored();
    snapshot.host = m_lastHost;
    snapshot.routeChangesByPrefix = m_recorder.routeChangesByPrefix();
    snapshot.apiRequestsByMethod = m_apiServer.requestsByMethod();
    snapshot.apiErrors = m_apiServer.errors();
    return snapshot;
}

AgentStatus AgentRuntime::status() const
{
    return statusOf(snapshot());
}

MetricsSnapshot AgentRuntime::metricsSnapshot() const
{
    return metricsOf(snapshot());
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

} // namespace anycast
