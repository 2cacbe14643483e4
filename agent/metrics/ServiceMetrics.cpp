#include "agent/metrics/MetricsAreas.h"
#include "agent/metrics/MetricsFamilies.h"

namespace anycast {

namespace {

constexpr double kSecondsPerMicrosecond = 1e-6;

QStringList healthNames()
{
    return {healthName(ServiceHealth::Healthy), healthName(ServiceHealth::Degraded),
            healthName(ServiceHealth::Down)};
}

QStringList operatorStateNames()
{
    return {operatorStateName(OperatorState::Active), operatorStateName(OperatorState::Draining),
            operatorStateName(OperatorState::Drained)};
}

QStringList prefixStateNames()
{
    return {prefixStateName(PrefixState::Announced), prefixStateName(PrefixState::Degraded),
            prefixStateName(PrefixState::Draining), prefixStateName(PrefixState::Withdrawn)};
}

void addSocketStates(prometheus::Registry &registry,
                     const QList<MetricsSnapshot::Service> &services)
{
    auto &sockets = gaugeFamily(registry, "anycast_service_sockets",
                                "TCP sockets on the service's ports, by state as ss names it.");
    for (const auto &service : services) {
        for (int index = 0; index < kTcpStateCount; ++index) {
            const TcpState state = stateAt(index);
            sockets.Add({{"service", utf8(service.name)}, {"state", utf8(tcpStateName(state))}})
                .Set(static_cast<double>(service.sockets.states[state]));
        }
    }
}

void addListeners(prometheus::Registry &registry, const QList<MetricsSnapshot::Service> &services)
{
    auto &queue = gaugeFamily(registry, "anycast_listener_accept_queue",
                              "Connections completed but not yet accepted, per LISTEN socket.");
    auto &backlog = gaugeFamily(registry, "anycast_listener_backlog",
                                "Maximum accept queue length (listen() backlog capped by "
                                "somaxconn), per LISTEN socket; absent where unknown.");
    for (const auto &service : services) {
        for (const ListenerStats &listener : service.sockets.listeners) {
            const prometheus::Labels labels{{"service", utf8(service.name)},
                                            {"address", utf8(listener.address)},
                                            {"port", std::to_string(listener.port)}};
            // SO_REUSEPORT gives one address and port several LISTEN sockets, each with a queue
            // of its own: they add up to what the address can hold.
            queue.Add(labels).Increment(listener.acceptQueue);
            if (listener.backlog)
                backlog.Add(labels).Increment(*listener.backlog);
        }
    }
}

void addTcpInfo(prometheus::Registry &registry, const QList<MetricsSnapshot::Service> &services)
{
    auto &sockets = gaugeFamily(registry, "anycast_service_tcp_info_sockets",
                                "Connected sockets whose tcp_info the sampler read.");
    auto &retransmitting = gaugeFamily(registry, "anycast_service_retransmitting_sockets",
                                       "Sockets with unrecovered retransmissions right now.");
    auto &retransmits =
        gaugeFamily(registry, "anycast_service_retransmits",
                    "Retransmissions of the current back-off episodes (sum of tcpi_retransmits).");
    // Not a counter: it falls whenever a socket that retransmitted closes.
    auto &lifetimeRetransmits =
        gaugeFamily(registry, "anycast_service_lifetime_retransmits",
                    "Retransmissions over the lifetime of the current sockets (sum of "
                    "tcpi_total_retrans).");
    auto &lost = gaugeFamily(registry, "anycast_service_lost_packets",
                             "Packets presumed lost (sum of tcpi_lost).");
    auto &unacked = gaugeFamily(registry, "anycast_service_unacked_packets",
                                "Packets sent and not yet acknowledged (sum of tcpi_unacked).");
    auto &rttMedian = gaugeFamily(registry, "anycast_service_rtt_median_seconds",
                                  "Median smoothed round-trip time over the service's sockets.");
    auto &rttMax = gaugeFamily(registry, "anycast_service_rtt_max_seconds",
                               "Largest smoothed round-trip time over the service's sockets.");
    for (const auto &service : services) {
        const TcpInfoSummary &info = service.sockets.tcpInfo;
        // The /proc fallback has no tcp_info: no series rather than zeros that look healthy.
        if (!info.available)
            continue;
        const prometheus::Labels labels{{"service", utf8(service.name)}};
        sockets.Add(labels).Set(static_cast<double>(info.sockets));
        retransmitting.Add(labels).Set(static_cast<double>(info.retransmitting));
        retransmits.Add(labels).Set(static_cast<double>(info.retransmits));
        lifetimeRetransmits.Add(labels).Set(static_cast<double>(info.totalRetransmits));
        lost.Add(labels).Set(static_cast<double>(info.lost));
        unacked.Add(labels).Set(static_cast<double>(info.unacked));
        // Zero means no socket had an RTT estimate, not a zero round trip.
        if (info.rttMaxUs > 0) {
            rttMedian.Add(labels).Set(info.rttMedianUs * kSecondsPerMicrosecond);
            rttMax.Add(labels).Set(info.rttMaxUs * kSecondsPerMicrosecond);
        }
    }
}

void addProbes(prometheus::Registry &registry, const QList<MetricsSnapshot::Service> &services)
{
    auto &success = gaugeFamily(registry, "anycast_service_probe_success",
                                "1 when the service's last active probe succeeded, else 0.");
    auto &duration = gaugeFamily(registry, "anycast_service_probe_duration_seconds",
                                 "How long the service's last active probe took.");
    for (const auto &service : services) {
        if (!service.probe)
            continue;
        const prometheus::Labels labels{{"service", utf8(service.name)}};
        success.Add(labels).Set(service.probe->ok ? 1 : 0);
        duration.Add(labels).Set(service.probe->durationSeconds);
    }
}

void addPrefixes(prometheus::Registry &registry, const QList<MetricsSnapshot::Service> &services)
{
    auto &prefixState = gaugeFamily(registry, "anycast_prefix_state",
                                    "Route state of each service prefix: 1 for the current "
                                    "state (announced, degraded, draining, withdrawn).");
    const QStringList states = prefixStateNames();
    for (const auto &service : services) {
        for (const auto &prefix : service.prefixes) {
            addStateSeries(prefixState,
                           {{"prefix", utf8(prefix.prefix)}, {"service", utf8(service.name)}},
                           states, prefixStateName(prefix.state));
        }
    }
}

} // namespace

void addServiceMetrics(prometheus::Registry &registry,
                       const QList<MetricsSnapshot::Service> &services)
{
    auto &health = gaugeFamily(
        registry, "anycast_service_health",
        "Health verdict of each service: 1 for the current state (healthy, degraded, down).");
    auto &starting =
        gaugeFamily(registry, "anycast_service_starting",
                    "1 while the service has no verdict since the agent started (reported down).");
    auto &healthAge = gaugeFamily(registry, "anycast_service_health_age_seconds",
                                  "Seconds since the service's health last changed.");
    auto &operatorState =
        gaugeFamily(registry, "anycast_service_operator_state",
                    "Operator state of each service: 1 for the current state (active, draining, "
                    "drained).");
    const QStringList healthStates = healthNames();
    const QStringList operatorStates = operatorStateNames();
    for (const auto &service : services) {
        const prometheus::Labels labels{{"service", utf8(service.name)}};
        addStateSeries(health, labels, healthStates, healthName(service.health));
        starting.Add(labels).Set(service.starting ? 1 : 0);
        healthAge.Add(labels).Set(service.secondsSinceHealthChange);
        addStateSeries(operatorState, labels, operatorStates,
                       operatorStateName(service.operatorState));
    }
    addSocketStates(registry, services);
    addListeners(registry, services);
    addTcpInfo(registry, services);
    addProbes(registry, services);
    addPrefixes(registry, services);
}

} // namespace anycast
