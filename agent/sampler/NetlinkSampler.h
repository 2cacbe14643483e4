#pragma once

#include "agent/sampler/ConnectionTally.h"
#include "agent/sampler/Sampler.h"
#include "agent/sampler/SocketAggregator.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace anycast {

class SockDiagSocket;
struct SockDiagRecord;

// The engine: sock_diag over NETLINK_SOCK_DIAG, IPv4 and IPv6.
// - Fast path: a LISTEN-only state mask plus a local-port filter, so the kernel walks only
//   its listening hash and sends only our listeners (~0.1 ms at any socket count).
// - Full sample: one dump of every socket with tcp_info (INET_DIAG_INFO), split by local
//   port here. Each dump walks the kernel's whole TCP table whatever its filter, so one
//   walk is the floor: the legacy TCPDIAG_GETSOCK request covers IPv4 and IPv6 in a single
//   walk; kernels that refuse it get one dump per family.
// One receive buffer is reused for every dump; parsing allocates nothing per socket.
class NetlinkSampler final : public Sampler
{
public:
    // Auto: the one-walk legacy request, falling back to one dump per family if the kernel
    // refuses it. PerFamily: always one dump per family (tests compare the two).
    enum class FullDump
    {
        Auto,
        PerFamily
    };

    explicit NetlinkSampler(PortMap portMap, FullDump fullDump = FullDump::Auto);
    ~NetlinkSampler() final;

    QString name() const final { return QStringLiteral("netlink"); }
    Result<ListenerSample> sampleListeners() final;
    Result<SocketSample> sampleSockets() final;
    // One dump of the service ports' connected sockets (kernel port filter, tcp_info): the
    // kernel still walks its whole table, but sends and we parse only the services' sockets.
    Result<ConnectionSample> sampleConnections() final;

private:
    Result<bool> ensureSocket();
    Result<bool> dumpEverySocket(const std::function<void(const SockDiagRecord &)> &visit);
    // One walk for both families where the kernel allows it, else one dump per family.
    Result<bool> dumpBothFamilies(std::uint32_t stateMask, std::uint8_t extensions,
                                  const std::vector<std::uint8_t> *filter,
                                  const std::function<void(const SockDiagRecord &)> &visit,
                                  const std::function<void()> &restart);

    PortMap m_portMap;
    SocketAggregator m_aggregator;
    ConnectionTally m_connections;
    std::vector<std::uint8_t> m_servicePortFilter;
    std::unique_ptr<SockDiagSocket> m_socket;
    bool m_legacyRefused = false;
};

} // namespace anycast
