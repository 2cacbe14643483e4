#include "agent/runtime/RuntimeSnapshot.h"

namespace anycast {

AgentStatus statusOf(const RuntimeSnapshot &snapshot)
{
    AgentStatus status;
    status.node = snapshot.node;
    status.region = snapshot.region;
    status.location = snapshot.location;
    status.version = snapshot.version;
    status.sampler = snapshot.sampler.name;
    for (const RuntimeSnapshot::Service &service : snapshot.services) {
        ServiceStatus shown;
        shown.name = service.name;
        shown.health = service.verdict.label();
        shown.reasons = service.verdict.reasons;
        shown.pending = service.verdict.pending;
        shown.sinceSeconds = service.secondsSinceHealthChange;
        shown.routes = service.routes;
        // What drains and dashboards look at first; the whole sample is in `history`.
        shown.established = service.stats.states[TcpState::Established];
        shown.listeners = static_cast<quint64>(service.stats.listeners.size());
        shown.operatorState = service.operatorState;
        shown.drain = service.drain;
        if (service.probe)
            shown.probe = ProbeStatus{service.probe->ok, service.probe->detail};
        status.services.append(shown);
    }
    status.operatorStatus = snapshot.operatorStatus;
    status.fleet = snapshot.fleet;
    status.bgp = snapshot.bgp;
    return status;
}

MetricsSnapshot metricsOf(const RuntimeSnapshot &snapshot)
{
    MetricsSnapshot metrics;
    metrics.node = snapshot.node;
    metrics.region = snapshot.region;
    metrics.version = snapshot.version;
    for (const RuntimeSnapshot::Service &service : snapshot.services) {
        MetricsSnapshot::Service shown;
        shown.name = service.name;
        shown.health = service.verdict.health;
        shown.starting = service.verdict.starting;
        shown.operatorState = service.operatorState;
        shown.secondsSinceHealthChange = service.secondsSinceHealthChange;
        shown.sockets = service.stats;
        if (service.probe)
            shown.probe =
                MetricsSnapshot::Probe{service.probe->ok, service.probe->elapsed.count() / 1000.0};
        for (const PrefixDecision &route : service.routes)
            shown.prefixes.append({route.prefix, route.state});
        metrics.services.append(shown);
    }
    metrics.host = snapshot.host;
    metrics.bgp.bridgeConnected = snapshot.bgp.bridgeConnected;
    for (auto it = snapshot.bgp.neighbors.begin(); it != snapshot.bgp.neighbors.end(); ++it)
        metrics.bgp.neighbors.append({it.key(), it.value()});
    for (const BgpPrefixStatus &prefix : snapshot.bgp.prefixes)
        metrics.bgp.prefixes.append({prefix.prefix, prefix.converged});
    metrics.bgp.errorAcks = snapshot.bgp.errorAcks;
    metrics.bgp.neighborEventsIgnored = snapshot.bgp.neighborEventsIgnored;
    metrics.sampler = snapshot.sampler;
    for (const FleetPeerStatus &peer : snapshot.fleet.peers)
        metrics.fleetPeers.append({peer.url, peer.reachable, peer.ageSeconds});
    metrics.routeChangesByPrefix = snapshot.routeChangesByPrefix;
    metrics.apiRequestsByMethod = snapshot.apiRequestsByMethod;
    metrics.apiErrors = snapshot.apiErrors;
    metrics.drainsActive = static_cast<int>(snapshot.operatorStatus.drains.size());
    return metrics;
}

} // namespace anycast
