#include "agent/sampler/SocketAggregator.h"

#include <algorithm>

namespace anycast {

SocketAggregator::SocketAggregator(const PortMap &portMap)
    : m_services(portMap.services())
    , m_tallies(m_services.size())
{}

void SocketAggregator::reset()
{
    for (ServiceTally &tally : m_tallies) {
        tally.states = {};
        tally.info = {};
        tally.rtts.clear(); // keeps capacity
        tally.listeners.clear();
    }
    m_other = {};
}

void SocketAggregator::addListener(int service, const ListenerStats &listener)
{
    ServiceTally &tally = m_tallies[service];
    ++tally.states[TcpState::Listen];
    tally.listeners.append(listener);
}

void SocketAggregator::addServiceSocket(int service, TcpState state, const TcpInfoFields *info)
{
    ServiceTally &tally = m_tallies[service];
    ++tally.states[state];
    if (!info)
        return;
    TcpInfoSummary &summary = tally.info;
    ++summary.sockets;
    if (info->retransmits > 0)
        ++summary.retransmitting;
    summary.retransmits += info->retransmits;
    summary.totalRetransmits += info->totalRetransmits;
    summary.lost += info->lost;
    summary.unacked += info->unacked;
    summary.retransmittedInFlight += info->retransmittedInFlight;
    if (info->rttUs > 0)
        tally.rtts.push_back(info->rttUs);
}

void SocketAggregator::finish(SocketSample &sample, bool tcpInfoAvailable)
{
    sample.services.clear();
    sample.services.reserve(m_services.size());
    // Unavailable unless the backend fills it in: only sock_diag can tell waiting from accepted.
    sample.connections.clear();
    for (const ServicePorts &service : m_services) {
        ConnectionActivity unavailable;
        unavailable.service = service.name;
        sample.connections.append(std::move(unavailable));
    }
    for (qsizetype i = 0; i < m_services.size(); ++i) {
        ServiceTally &tally = m_tallies[i];
        ServiceSocketStats stats;
        stats.name = m_services[i].name;
        stats.ports = m_services[i].ports;
        stats.listeners = tally.listeners;
        sortListeners(stats.listeners);
        stats.states = tally.states;
        stats.tcpInfo = tally.info;
        stats.tcpInfo.available = tcpInfoAvailable;
        if (!tally.rtts.empty()) {
            auto middle = tally.rtts.begin() + tally.rtts.size() / 2;
            std::nth_element(tally.rtts.begin(), middle, tally.rtts.end());
            stats.tcpInfo.rttMedianUs = *middle;
            stats.tcpInfo.rttMaxUs = *std::max_element(tally.rtts.begin(), tally.rtts.end());
        }
        sample.services.append(std::move(stats));
    }
    sample.otherSockets = m_other;
}

} // namespace anycast
