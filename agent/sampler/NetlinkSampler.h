#pragma once

#include "Sampler.h"
#include "SocketAggregator.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace anycast {

class SockDiagSocket;

// The engine: sock_diag over NETLINK_SOCK_DIAG, IPv4 and IPv6.
// - Fast path: a LISTEN-only state mask plus a local-port filter, so the kernel walks only
//   its listening hash and sends only our listeners (~0.1 ms at any socket count).
// - Full sample: two dumps per family. Service ports with tcp_info (INET_DIAG_INFO);
//   everything else with no extension, counted by state. The kernel applies the port
//   filters, so tcp_info is computed only for service sockets.
// One receive buffer is reused for every dump; parsing allocates nothing per socket.
class NetlinkSampler final : public Sampler
{
public:
    explicit NetlinkSampler(PortMap portMap);
    ~NetlinkSampler() final;

    QString name() const final { return QStringLiteral("netlink"); }
    Result<ListenerSample> sampleListeners() final;
    Result<SocketSample> sampleSockets() final;

private:
    Result<bool> ensureSocket();

    PortMap m_portMap;
    SocketAggregator m_aggregator;
    std::vector<std::uint8_t> m_servicePortFilter;
    std::vector<std::uint8_t> m_otherPortFilter;
    std::unique_ptr<SockDiagSocket> m_socket;
};

} // namespace anycast
