#include "agent/metrics/MetricsAreas.h"
#include "agent/metrics/MetricsFamilies.h"

namespace anycast {

namespace {

// The session states ExaBGP's neighbor-changes events report, and the agent's own for
// while no bridge reports them.
QStringList neighborStates()
{
    return {QStringLiteral("up"), QStringLiteral("connected"), QStringLiteral("down"),
            QStringLiteral("unknown")};
}

} // namespace

void addBgpMetrics(prometheus::Registry &registry, const MetricsSnapshot &snapshot)
{
    const MetricsSnapshot::Bgp &bgp = snapshot.bgp;
    gaugeFamily(registry, "anycast_bgp_bridge_connected",
                "1 while anycast-exabgp-bridge is connected to the agent, else 0.")
        .Add({})
        .Set(bgp.bridgeConnected ? 1 : 0);

    auto &neighborUp = gaugeFamily(registry, "anycast_bgp_neighbor_up",
                                   "1 while the BGP session with the neighbor is up, else 0.");
    auto &neighborState = gaugeFamily(registry, "anycast_bgp_neighbor_state",
                                      "BGP session state per neighbor as ExaBGP reports it: 1 "
                                      "for the current state.");
    const QStringList states = neighborStates();
    for (const auto &neighbor : bgp.neighbors) {
        const prometheus::Labels labels{{"neighbor", utf8(neighbor.address)}};
        neighborUp.Add(labels).Set(neighbor.state == QLatin1String("up") ? 1 : 0);
        addStateSeries(neighborState, labels, states, neighbor.state);
    }

    auto &converged =
        gaugeFamily(registry, "anycast_bgp_prefix_converged",
                    "1 when ExaBGP has acknowledged the announcement the agent wants for the "
                    "prefix, 0 while a change is outstanding.");
    for (const auto &prefix : bgp.prefixes)
        converged.Add({{"prefix", utf8(prefix.prefix)}}).Set(prefix.converged ? 1 : 0);

    setCounter(counterFamily(registry, "anycast_bgp_error_acks_total",
                             "Commands ExaBGP answered with an error."),
               {}, static_cast<double>(bgp.errorAcks));
    setCounter(counterFamily(registry, "anycast_bgp_neighbor_events_ignored_total",
                             "Neighbor state events not tracked: malformed, or for more "
                             "neighbors than the agent tracks."),
               {}, static_cast<double>(bgp.neighborEventsIgnored));

    auto &routeChanges = counterFamily(registry, "anycast_route_changes_total",
                                       "Announcement changes (announce, withdraw, attribute "
                                       "change) per prefix; what the flap budget counts.");
    for (auto it = snapshot.routeChangesByPrefix.constBegin();
         it != snapshot.routeChangesByPrefix.constEnd(); ++it)
        setCounter(routeChanges, {{"prefix", utf8(it.key())}}, static_cast<double>(it.value()));
}

} // namespace anycast
