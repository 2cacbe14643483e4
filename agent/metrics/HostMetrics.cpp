#include "agent/metrics/MetricsAreas.h"
#include "agent/metrics/MetricsFamilies.h"

#include <array>

namespace anycast {

namespace {

struct HostCounterMetric
{
    const char *key; // "Group.Name" as HostCounters keys it
    const char *name;
    const char *help;
};

// Metric names are a contract with dashboards and alerts, so each counter is named here
// rather than derived from the kernel's spelling; a counter not listed is not exported.
constexpr std::array kHostCounterMetrics{
    HostCounterMetric{"Tcp.RetransSegs", "anycast_host_tcp_retransmitted_segments_total",
                      "TCP segments retransmitted (Tcp RetransSegs, /proc/net/snmp)."},
    HostCounterMetric{"Tcp.OutSegs", "anycast_host_tcp_sent_segments_total",
                      "TCP segments sent (Tcp OutSegs, /proc/net/snmp)."},
    HostCounterMetric{"Tcp.AttemptFails", "anycast_host_tcp_failed_connection_attempts_total",
                      "TCP connection attempts that failed (Tcp AttemptFails, /proc/net/snmp)."},
    HostCounterMetric{"Tcp.EstabResets", "anycast_host_tcp_established_resets_total",
                      "Established TCP connections reset (Tcp EstabResets, /proc/net/snmp)."},
    HostCounterMetric{"Tcp.InErrs", "anycast_host_tcp_received_segment_errors_total",
                      "TCP segments received in error (Tcp InErrs, /proc/net/snmp)."},
    HostCounterMetric{"TcpExt.ListenOverflows", "anycast_host_tcp_listen_overflows_total",
                      "Connections dropped because an accept queue was full "
                      "(TcpExt ListenOverflows, /proc/net/netstat)."},
    HostCounterMetric{"TcpExt.ListenDrops", "anycast_host_tcp_listen_drops_total",
                      "SYNs and handshakes dropped by listeners "
                      "(TcpExt ListenDrops, /proc/net/netstat)."},
    HostCounterMetric{"TcpExt.TCPTimeouts", "anycast_host_tcp_timeouts_total",
                      "TCP retransmission timeouts (TcpExt TCPTimeouts, /proc/net/netstat)."},
    HostCounterMetric{"TcpExt.TCPSynRetrans", "anycast_host_tcp_syn_retransmits_total",
                      "SYN and SYN-ACK retransmissions (TcpExt TCPSynRetrans, /proc/net/netstat)."},
    HostCounterMetric{"TcpExt.TCPAbortOnTimeout", "anycast_host_tcp_aborted_on_timeout_total",
                      "TCP connections aborted after too many timeouts "
                      "(TcpExt TCPAbortOnTimeout, /proc/net/netstat)."},
};

struct SockStatMetric
{
    quint64 SockStat::*field;
    const char *name;
    const char *help;
};

constexpr std::array kSockStatMetrics{
    SockStatMetric{&SockStat::inUse, "anycast_host_tcp_sockets_in_use",
                   "TCP sockets in use (inuse, /proc/net/sockstat)."},
    SockStatMetric{&SockStat::orphan, "anycast_host_tcp_orphan_sockets",
                   "TCP sockets no longer attached to a process (orphan, /proc/net/sockstat)."},
    SockStatMetric{&SockStat::timeWait, "anycast_host_tcp_time_wait_sockets",
                   "TCP sockets in TIME_WAIT (tw, /proc/net/sockstat)."},
    SockStatMetric{&SockStat::allocated, "anycast_host_tcp_allocated_sockets",
                   "TCP sockets allocated (alloc, /proc/net/sockstat)."},
    SockStatMetric{&SockStat::memoryPages, "anycast_host_tcp_memory_pages",
                   "Memory pages used by TCP buffers (mem, /proc/net/sockstat)."},
};

} // namespace

void addHostMetrics(prometheus::Registry &registry, const HostCounters &host)
{
    for (const HostCounterMetric &metric : kHostCounterMetrics) {
        // A counter the kernel does not export stays absent rather than reading as zero.
        const auto found = host.counters.constFind(QString::fromLatin1(metric.key));
        if (found == host.counters.constEnd())
            continue;
        setCounter(counterFamily(registry, metric.name, metric.help), {},
                   static_cast<double>(found.value()));
    }
    for (const SockStatMetric &metric : kSockStatMetrics) {
        gaugeFamily(registry, metric.name, metric.help)
            .Add({})
            .Set(static_cast<double>(host.sockstat.*metric.field));
    }
}

} // namespace anycast
