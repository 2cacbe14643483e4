#include "agent/metrics/MetricsAreas.h"
#include "agent/metrics/MetricsFamilies.h"

namespace anycast {

namespace {

void addSampler(prometheus::Registry &registry, const MetricsSnapshot::Sampler &sampler)
{
    if (!sampler.name.isEmpty()) {
        gaugeFamily(registry, "anycast_sampler_info",
                    "The sampler in use (netlink or proc); always 1.")
            .Add({{"sampler", utf8(sampler.name)}})
            .Set(1);
    }
    if (sampler.fullSampleSeconds) {
        gaugeFamily(registry, "anycast_sampler_full_sample_duration_seconds",
                    "How long the last full sample of every service's sockets took.")
            .Add({})
            .Set(*sampler.fullSampleSeconds);
    }
    if (sampler.fastPathSeconds) {
        gaugeFamily(registry, "anycast_sampler_fast_path_duration_seconds",
                    "How long the last listener (accept queue) fast-path sample took.")
            .Add({})
            .Set(*sampler.fastPathSeconds);
    }
}

void addFleet(prometheus::Registry &registry, const QList<MetricsSnapshot::FleetPeer> &peers)
{
    auto &reachable = gaugeFamily(registry, "anycast_fleet_peer_reachable",
                                  "1 when the fleet peer's last status poll succeeded, else 0.");
    auto &age = gaugeFamily(registry, "anycast_fleet_peer_status_age_seconds",
                            "Seconds since the last status received from the fleet peer.");
    for (const auto &peer : peers) {
        const prometheus::Labels labels{{"peer", utf8(peer.url)}};
        reachable.Add(labels).Set(peer.reachable ? 1 : 0);
        if (peer.statusAgeSeconds)
            age.Add(labels).Set(*peer.statusAgeSeconds);
    }
}

void addApi(prometheus::Registry &registry, const MetricsSnapshot &snapshot)
{
    auto &requests = counterFamily(registry, "anycast_api_requests_total",
                                   "JSON-RPC requests on the agent's Unix socket, per method.");
    for (auto it = snapshot.apiRequestsByMethod.constBegin();
         it != snapshot.apiRequestsByMethod.constEnd(); ++it)
        setCounter(requests, {{"method", utf8(it.key())}}, static_cast<double>(it.value()));
    setCounter(counterFamily(registry, "anycast_api_errors_total",
                             "JSON-RPC requests answered with an error."),
               {}, static_cast<double>(snapshot.apiErrors));
    gaugeFamily(registry, "anycast_drains_active", "Drains in force (draining or drained).")
        .Add({})
        .Set(snapshot.drainsActive);
}

} // namespace

void addAgentMetrics(prometheus::Registry &registry, const MetricsSnapshot &snapshot)
{
    gaugeFamily(registry, "anycast_agent_info",
                "The agent's node, region and version as labels; always 1.")
        .Add({{"node", utf8(snapshot.node)},
              {"region", utf8(snapshot.region)},
              {"version", utf8(snapshot.version)}})
        .Set(1);
    addSampler(registry, snapshot.sampler);
    addFleet(registry, snapshot.fleetPeers);
    addApi(registry, snapshot);
}

} // namespace anycast
