#include "agent/sampler/NetlinkSampler.h"

#include "agent/sampler/InetDiagFilter.h"
#include "agent/sampler/SockDiagSocket.h"

#include <QDateTime>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstring>
#include <sys/socket.h>

#include <linux/inet_diag.h>
#include <linux/tcp.h>

namespace anycast {
namespace {

constexpr std::uint32_t kAllStates = ((1u << (kTcpStateCount + 1)) - 1) & ~1u; // bits 1..11
constexpr std::uint32_t kListenOnly = 1u << static_cast<int>(TcpState::Listen);
constexpr std::uint32_t bit(TcpState state)
{
    return 1u << static_cast<int>(state);
}
// The connection watch: connections that are open, or that their process is closing (the
// evidence that a connection seen waiting was accepted). TIME_WAIT is left out: a busy
// server holds many and they would cost more than they tell.
constexpr std::uint32_t kWatchedStates = bit(TcpState::Established) | bit(TcpState::CloseWait) |
                                         bit(TcpState::FinWait1) | bit(TcpState::FinWait2) |
                                         bit(TcpState::Closing) | bit(TcpState::LastAck);
constexpr std::uint8_t kTcpInfoExtension = 1u << (INET_DIAG_INFO - 1);
constexpr std::uint8_t kFamilies[] = {AF_INET, AF_INET6};

// tcp_info grows with kernels; an older kernel sends a shorter one. Copy what came, up to
// the last field we read, and leave the rest zero.
constexpr std::size_t kTcpInfoPrefix =
    offsetof(tcp_info, tcpi_data_segs_out) + sizeof(tcp_info::tcpi_data_segs_out);

ListenerStats listenerFrom(const inet_diag_msg &message)
{
    char text[INET6_ADDRSTRLEN] = {};
    inet_ntop(message.idiag_family, message.id.idiag_src, text, sizeof text);
    ListenerStats listener;
    listener.address = QString::fromLatin1(text);
    listener.port = ntohs(message.id.idiag_sport);
    // For LISTEN sockets sock_diag reports the accept queue in rqueue and its limit
    // (sk_max_ack_backlog) in wqueue.
    listener.acceptQueue = message.idiag_rqueue;
    listener.backlog = message.idiag_wqueue;
    return listener;
}

bool tcpInfoFrom(const SockDiagRecord &record, TcpInfoFields &fields, ConnectionFields &connection)
{
    const inet_diag_msg &message = *record.message;
    connection.accepted = message.idiag_inode != 0;
    connection.unreadBytes = message.idiag_rqueue;
    connection.cookie = static_cast<std::uint64_t>(message.id.idiag_cookie[0]) |
                        static_cast<std::uint64_t>(message.id.idiag_cookie[1]) << 32;
    std::size_t length = 0;
    const std::uint8_t *payload = record.attribute(INET_DIAG_INFO, &length);
    if (!payload)
        return false;
    tcp_info info{};
    std::memcpy(&info, payload, std::min(length, kTcpInfoPrefix));
    connection.timesKnown = true;
    connection.sinceDataReceivedMs = info.tcpi_last_data_recv;
    connection.sinceDataSentMs = info.tcpi_last_data_sent;
    connection.segmentCountsKnown = length >= kTcpInfoPrefix;
    connection.dataSegmentsIn = info.tcpi_data_segs_in;
    connection.dataSegmentsOut = info.tcpi_data_segs_out;
    fields.retransmits = info.tcpi_retransmits;
    fields.totalRetransmits = info.tcpi_total_retrans;
    fields.lost = info.tcpi_lost;
    fields.unacked = info.tcpi_unacked;
    fields.retransmittedInFlight = info.tcpi_retrans;
    fields.rttUs = info.tcpi_rtt;
    return true;
}

} // namespace

NetlinkSampler::NetlinkSampler(PortMap portMap, FullDump fullDump)
    : m_portMap(std::move(portMap))
    , m_aggregator(m_portMap)
    , m_connections(m_portMap.services())
    , m_servicePortFilter(InetDiagFilter::localPortIn(m_portMap.allPorts()))
    , m_legacyRefused(fullDump == FullDump::PerFamily)
{}

NetlinkSampler::~NetlinkSampler() = default;

Result<bool> NetlinkSampler::ensureSocket()
{
    if (m_socket)
        return Result<bool>::success(true);
    auto opened = SockDiagSocket::open();
    if (!opened)
        return Result<bool>::failure(opened.error());
    m_socket = std::move(opened).value();
    return Result<bool>::success(true);
}

Result<ListenerSample> NetlinkSampler::sampleListeners()
{
    const auto start = std::chrono::steady_clock::now();
    ListenerSample sample = emptyListenerSample(m_portMap, name());
    if (m_portMap.allPorts().empty())
        return Result<ListenerSample>::success(std::move(sample));

    if (auto ready = ensureSocket(); !ready)
        return Result<ListenerSample>::failure(ready.error());
    const auto visit = [&](const SockDiagRecord &record) {
        const std::int16_t service = m_portMap.serviceOf(ntohs(record.message->id.idiag_sport));
        if (service != PortMap::kNoService)
            sample.services[service].listeners.append(listenerFrom(*record.message));
    };
    for (const std::uint8_t family : kFamilies) {
        const SockDiagRequest request{family, kListenOnly, 0, &m_servicePortFilter};
        if (auto dumped = m_socket->dump(request, visit); !dumped) {
            m_socket.reset(); // a fresh socket next time, in case this one is wedged
            return Result<ListenerSample>::failure(dumped.error());
        }
    }
    finishListenerSample(sample, start);
    return Result<ListenerSample>::success(std::move(sample));
}

Result<SocketSample> NetlinkSampler::sampleSockets()
{
    const auto start = std::chrono::steady_clock::now();
    if (auto ready = ensureSocket(); !ready)
        return Result<SocketSample>::failure(ready.error());

    m_aggregator.reset();
    m_connections.reset();
    const auto visit = [this](const SockDiagRecord &record) {
        const inet_diag_msg &message = *record.message;
        const auto state = tcpStateFromKernel(message.idiag_state);
        if (!state)
            return;
        const std::int16_t service = m_portMap.serviceOf(ntohs(message.id.idiag_sport));
        if (service == PortMap::kNoService) {
            m_aggregator.addOtherSocket(*state);
        } else if (*state == TcpState::Listen) {
            m_aggregator.addListener(service, listenerFrom(message));
        } else {
            TcpInfoFields fields;
            ConnectionFields connection;
            connection.state = *state;
            const bool withInfo = tcpInfoFrom(record, fields, connection);
            m_aggregator.addServiceSocket(service, *state, withInfo ? &fields : nullptr);
            m_connections.add(service, connection);
        }
    };
    if (auto dumped = dumpEverySocket(visit); !dumped) {
        m_socket.reset(); // a fresh socket next time, in case this one is wedged
        return Result<SocketSample>::failure(dumped.error());
    }

    SocketSample sample;
    sample.timestampMs = QDateTime::currentMSecsSinceEpoch();
    sample.source = name();
    m_aggregator.finish(sample, true);
    sample.connections = m_connections.finish();
    sample.durationUs = microsecondsSince(start);
    return Result<SocketSample>::success(std::move(sample));
}

Result<ConnectionSample> NetlinkSampler::sampleConnections()
{
    const auto start = std::chrono::steady_clock::now();
    ConnectionSample sample;
    if (m_portMap.allPorts().empty())
        return Result<ConnectionSample>::success(std::move(sample));
    if (auto ready = ensureSocket(); !ready)
        return Result<ConnectionSample>::failure(ready.error());
    m_connections.reset();
    const auto visit = [this](const SockDiagRecord &record) {
        const inet_diag_msg &message = *record.message;
        const auto state = tcpStateFromKernel(message.idiag_state);
        const std::int16_t service = m_portMap.serviceOf(ntohs(message.id.idiag_sport));
        if (!state || service == PortMap::kNoService)
            return;
        TcpInfoFields fields;
        ConnectionFields connection;
        connection.state = *state;
        tcpInfoFrom(record, fields, connection);
        m_connections.add(service, connection);
    };
    const auto dumped = dumpBothFamilies(kWatchedStates, kTcpInfoExtension, &m_servicePortFilter,
                                         visit, [this] { m_connections.reset(); });
    if (!dumped) {
        m_socket.reset(); // a fresh socket next time, in case this one is wedged
        return Result<ConnectionSample>::failure(dumped.error());
    }
    sample.services = m_connections.finish();
    sample.durationUs = microsecondsSince(start);
    return Result<ConnectionSample>::success(std::move(sample));
}

Result<bool>
NetlinkSampler::dumpEverySocket(const std::function<void(const SockDiagRecord &)> &visit)
{
    // Every dump walks the kernel's whole TCP table whatever its filter, so the cost is in
    // the number of walks, not in what comes back (docs/PERFORMANCE.md). tcp_info for every
    // socket costs less than a second walk, so: no filter, all states, tcp_info, and the
    // split by port here. The legacy request walks once for both families.
    return dumpBothFamilies(kAllStates, kTcpInfoExtension, nullptr, visit, [this] {
        m_aggregator.reset();
        m_connections.reset();
    });
}

Result<bool> NetlinkSampler::dumpBothFamilies(
    std::uint32_t stateMask, std::uint8_t extensions, const std::vector<std::uint8_t> *filter,
    const std::function<void(const SockDiagRecord &)> &visit, const std::function<void()> &restart)
{
    if (!m_legacyRefused) {
        const SockDiagRequest both{AF_UNSPEC, stateMask, extensions, filter};
        const auto dumped = m_socket->dump(both, visit);
        if (dumped)
            return Result<bool>::success(true);
        const int error = m_socket->lastErrno();
        if (error != EINVAL && error != ENOENT && error != EOPNOTSUPP)
            return Result<bool>::failure(dumped.error());
        m_legacyRefused = true; // a kernel without the legacy interface: one dump per family
        restart();
    }
    for (const std::uint8_t family : kFamilies) {
        const SockDiagRequest request{family, stateMask, extensions, filter};
        if (auto dumped = m_socket->dump(request, visit); !dumped)
            return Result<bool>::failure(dumped.error());
    }
    return Result<bool>::success(true);
}

} // namespace anycast
