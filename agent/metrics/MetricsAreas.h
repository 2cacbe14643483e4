#pragma once

#include "agent/metrics/MetricsSnapshot.h"

namespace prometheus {
class Registry;
}

namespace anycast {

// One function per area of the snapshot, each in its own file; renderMetrics() calls them all.

// anycast_agent_info, the sampler, fleet peers, the API and drains.
void addAgentMetrics(prometheus::Registry &registry, const MetricsSnapshot &snapshot);
// Health, operator state, sockets, listeners, tcp_info, probes and prefixes, per service.
void addServiceMetrics(prometheus::Registry &registry,
                       const QList<MetricsSnapshot::Service> &services);
// /proc/net/snmp, /proc/net/netstat and /proc/net/sockstat.
void addHostMetrics(prometheus::Registry &registry, const HostCounters &host);
// The ExaBGP bridge, neighbors, convergence and route changes.
void addBgpMetrics(prometheus::Registry &registry, const MetricsSnapshot &snapshot);

} // namespace anycast
