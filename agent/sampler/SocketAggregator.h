#pragma once

#include "agent/sampler/ServicePorts.h"
#include "common/SocketSample.h"

#include <cstdint>
#include <vector>

namespace anycast {

// The few tcp_info fields the summary needs, independent of the kernel header's layout.
struct TcpInfoFields
{
    std::uint32_t retransmits = 0;           // tcpi_retransmits
    std::uint32_t totalRetransmits = 0;      // tcpi_total_retrans
    std::uint32_t lost = 0;                  // tcpi_lost
    std::uint32_t unacked = 0;               // tcpi_unacked
    std::uint32_t rttUs = 0;                 // tcpi_rtt; 0 = no estimate yet
    std::uint32_t retransmittedInFlight = 0; // tcpi_retrans
};

// Folds individual sockets into per-service statistics. Both samplers feed it, so the two
// backends cannot drift in how they count. Buffers are kept between samples: after the
// first sample, adding a socket allocates nothing.
class SocketAggregator
{
public:
    explicit SocketAggregator(const PortMap &portMap);

    const QList<ServicePorts> &services() const { return m_services; }

    void reset();
    void addListener(int service, const ListenerStats &listener);
    // `info` is null for sockets without tcp_info (TIME_WAIT, SYN_RECV, the /proc source).
    void addServiceSocket(int service, TcpState state, const TcpInfoFields *info);
    void addOtherSocket(TcpState state) { ++m_other[state]; }

    // Fills services and otherSockets; tcp_info summaries are marked available when
    // `tcpInfoAvailable` (the source could supply tcp_info at all).
    void finish(SocketSample &sample, bool tcpInfoAvailable);

private:
    struct ServiceTally
    {
        TcpStateCounts states;
        TcpInfoSummary info;
        std::vector<std::uint32_t> rtts;
        QList<ListenerStats> listeners;
    };

    QList<ServicePorts> m_services;
    std::vector<ServiceTally> m_tallies;
    TcpStateCounts m_other;
};

} // namespace anycast
