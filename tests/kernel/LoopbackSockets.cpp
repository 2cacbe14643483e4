#include "tests/kernel/LoopbackSockets.h"

#include <QFile>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <ostream>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include <linux/sock_diag.h>

namespace anycast::loopback {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::chrono::milliseconds kIoTimeout = std::chrono::seconds(5);

// `error` is errno, read by the caller before building `what` (which may allocate).
[[noreturn]] void fail(const QString &what, int error)
{
    throw std::runtime_error(
        QStringLiteral("%1: %2").arg(what, QString::fromLocal8Bit(strerror(error))).toStdString());
}

QString endpointText(const QString &address, std::uint16_t port)
{
    return address.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(address).arg(port)
                                              : QStringLiteral("%1:%2").arg(address).arg(port);
}

struct SocketAddress
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    int family = AF_UNSPEC;
};

SocketAddress socketAddress(const QString &address, std::uint16_t port)
{
    SocketAddress result;
    const QByteArray text = address.toLatin1();
    if (address.contains(QLatin1Char(':'))) {
        auto *v6 = reinterpret_cast<sockaddr_in6 *>(&result.storage);
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(port);
        if (inet_pton(AF_INET6, text.constData(), &v6->sin6_addr) != 1)
            throw std::runtime_error("not a numeric IPv6 address: " + text.toStdString());
        result.length = sizeof(sockaddr_in6);
        result.family = AF_INET6;
    } else {
        auto *v4 = reinterpret_cast<sockaddr_in *>(&result.storage);
        v4->sin_family = AF_INET;
        v4->sin_port = htons(port);
        if (inet_pton(AF_INET, text.constData(), &v4->sin_addr) != 1)
            throw std::runtime_error("not a numeric IPv4 address: " + text.toStdString());
        result.length = sizeof(sockaddr_in);
        result.family = AF_INET;
    }
    return result;
}

Socket tcpSocket(int family)
{
    const int fd = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
    if (fd < 0)
        fail(family == AF_INET6 ? QStringLiteral("socket(AF_INET6)")
                                : QStringLiteral("socket(AF_INET)"),
             errno);
    return Socket(fd);
}

void setOption(const Socket &socket, int level, int name, int value, const char *what)
{
    if (setsockopt(socket.fd(), level, name, &value, sizeof value) != 0) {
        const int error = errno; // before building the message can change it
        fail(QStringLiteral("setsockopt(%1)").arg(QLatin1String(what)), error);
    }
}

void setNonBlocking(const Socket &socket, bool nonBlocking)
{
    const int flags = fcntl(socket.fd(), F_GETFL);
    if (flags < 0 ||
        fcntl(socket.fd(), F_SETFL, nonBlocking ? flags | O_NONBLOCK : flags & ~O_NONBLOCK) != 0)
        fail(QStringLiteral("fcntl(O_NONBLOCK)"), errno);
}

// Waits for `events` on `fd` until `deadline`; false on timeout.
bool waitFor(int fd, short events, Clock::time_point deadline)
{
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0)
            return false;
        pollfd entry{fd, events, 0};
        const int ready = poll(&entry, 1, static_cast<int>(left.count()));
        if (ready > 0)
            return true;
        if (ready < 0 && errno != EINTR)
            fail(QStringLiteral("poll"), errno);
    }
}

} // namespace

void Socket::shutdownWrite()
{
    if (::shutdown(fd(), SHUT_WR) != 0)
        fail(QStringLiteral("shutdown(SHUT_WR)"), errno);
}

std::uint16_t Socket::localPort() const
{
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (getsockname(fd(), reinterpret_cast<sockaddr *>(&address), &length) != 0)
        fail(QStringLiteral("getsockname"), errno);
    if (address.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 *>(&address)->sin6_port);
    return ntohs(reinterpret_cast<const sockaddr_in *>(&address)->sin_port);
}

KernelTcpInfo Socket::info() const
{
    tcp_info raw{};
    socklen_t length = sizeof raw;
    if (getsockopt(fd(), IPPROTO_TCP, TCP_INFO, &raw, &length) != 0)
        fail(QStringLiteral("getsockopt(TCP_INFO)"), errno);
    const auto state = tcpStateFromKernel(raw.tcpi_state);
    if (!state)
        throw std::runtime_error("TCP_INFO reported unknown state " +
                                 std::to_string(raw.tcpi_state));
    KernelTcpInfo info;
    info.state = *state;
    info.rttUs = raw.tcpi_rtt;
    info.retransmits = raw.tcpi_retransmits;
    info.totalRetransmits = raw.tcpi_total_retrans;
    info.lost = raw.tcpi_lost;
    info.unacked = raw.tcpi_unacked;
    info.retransmittedInFlight = raw.tcpi_retrans;
    info.sacked = raw.tcpi_sacked;
    return info;
}

std::uint32_t Socket::drops() const
{
    std::uint32_t memInfo[SK_MEMINFO_VARS] = {};
    socklen_t length = sizeof memInfo;
    if (getsockopt(fd(), SOL_SOCKET, SO_MEMINFO, memInfo, &length) != 0)
        fail(QStringLiteral("getsockopt(SO_MEMINFO)"), errno);
    return memInfo[SK_MEMINFO_DROPS];
}

void Socket::sendAll(std::size_t bytes)
{
    const std::vector<char> data(bytes, 'x');
    const auto deadline = Clock::now() + kIoTimeout;
    std::size_t sent = 0;
    while (sent < bytes) {
        if (!waitFor(fd(), POLLOUT, deadline))
            throw std::runtime_error("send: timed out");
        const ssize_t n = ::send(fd(), data.data() + sent, bytes - sent, MSG_NOSIGNAL);
        if (n < 0 && errno != EINTR && errno != EAGAIN)
            fail(QStringLiteral("send"), errno);
        if (n > 0)
            sent += static_cast<std::size_t>(n);
    }
}

void Socket::receiveExactly(std::size_t bytes)
{
    std::vector<char> data(bytes);
    const auto deadline = Clock::now() + kIoTimeout;
    std::size_t received = 0;
    while (received < bytes) {
        if (!waitFor(fd(), POLLIN, deadline))
            throw std::runtime_error("recv: timed out");
        const ssize_t n = ::recv(fd(), data.data() + received, bytes - received, 0);
        if (n == 0)
            throw std::runtime_error("recv: the peer closed early");
        if (n < 0 && errno != EINTR && errno != EAGAIN)
            fail(QStringLiteral("recv"), errno);
        if (n > 0)
            received += static_cast<std::size_t>(n);
    }
}

PortReservation::PortReservation()
    : m_socket(tcpSocket(AF_INET6))
{
    setOption(m_socket, IPPROTO_IPV6, IPV6_V6ONLY, 0, "IPV6_V6ONLY");
    setOption(m_socket, SOL_SOCKET, SO_REUSEADDR, 1, "SO_REUSEADDR");
    const SocketAddress any = socketAddress(QStringLiteral("::"), 0);
    if (::bind(m_socket.fd(), reinterpret_cast<const sockaddr *>(&any.storage), any.length) != 0)
        fail(QStringLiteral("bind [::]:0 (reserving a port)"), errno);
    m_port = m_socket.localPort();
}

Socket bindTcp(const QString &address, std::uint16_t port)
{
    const SocketAddress target = socketAddress(address, port);
    Socket socket = tcpSocket(target.family);
    if (target.family == AF_INET6 && address == QStringLiteral("::"))
        setOption(socket, IPPROTO_IPV6, IPV6_V6ONLY, 0, "IPV6_V6ONLY");
    setOption(socket, SOL_SOCKET, SO_REUSEADDR, 1, "SO_REUSEADDR");
    if (::bind(socket.fd(), reinterpret_cast<const sockaddr *>(&target.storage), target.length) !=
        0) {
        const int error = errno; // before building the message can change it
        fail(QStringLiteral("bind %1").arg(endpointText(address, port)), error);
    }
    return socket;
}

void startListening(const Socket &socket, int backlog)
{
    if (::listen(socket.fd(), backlog) != 0) {
        const int error = errno; // before building the message can change it
        fail(QStringLiteral("listen(backlog %1)").arg(backlog), error);
    }
}

void setDeferAccept(const Socket &listener, int seconds)
{
    setOption(listener, IPPROTO_TCP, TCP_DEFER_ACCEPT, seconds, "TCP_DEFER_ACCEPT");
}

Socket listenOn(const QString &address, std::uint16_t port, int backlog)
{
    Socket socket = bindTcp(address, port);
    startListening(socket, backlog);
    return socket;
}

Socket connectNonBlocking(const QString &address, std::uint16_t port)
{
    const SocketAddress target = socketAddress(address, port);
    Socket socket = tcpSocket(target.family);
    setNonBlocking(socket, true);
    if (::connect(socket.fd(), reinterpret_cast<const sockaddr *>(&target.storage),
                  target.length) != 0 &&
        errno != EINPROGRESS) {
        const int error = errno; // before building the message can change it
        fail(QStringLiteral("connect %1").arg(endpointText(address, port)), error);
    }
    return socket;
}

Socket connectTo(const QString &address, std::uint16_t port)
{
    Socket socket = connectNonBlocking(address, port);
    if (!waitFor(socket.fd(), POLLOUT, Clock::now() + kIoTimeout))
        throw std::runtime_error(
            QStringLiteral("connect %1: timed out").arg(endpointText(address, port)).toStdString());
    int error = 0;
    socklen_t length = sizeof error;
    if (getsockopt(socket.fd(), SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        fail(QStringLiteral("getsockopt(SO_ERROR)"), errno);
    if (error != 0)
        fail(QStringLiteral("connect %1").arg(endpointText(address, port)), error);
    setNonBlocking(socket, false);
    return socket;
}

Socket acceptOne(const Socket &listener)
{
    if (!waitFor(listener.fd(), POLLIN, Clock::now() + kIoTimeout))
        throw std::runtime_error("accept: no connection within 5 s");
    const int fd = accept4(listener.fd(), nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0)
        fail(QStringLiteral("accept"), errno);
    return Socket(fd);
}

std::vector<Connection> connectAndAccept(const Socket &listener, const QString &address,
                                         std::uint16_t port, int count)
{
    std::vector<Connection> connections;
    connections.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        Connection connection;
        connection.client = connectTo(address, port);
        connection.server = acceptOne(listener);
        connections.push_back(std::move(connection));
    }
    return connections;
}

bool waitUntil(const std::function<bool()> &condition, std::chrono::milliseconds timeout)
{
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        if (condition())
            return true;
        if (Clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2)); // a poll interval, no more
    }
}

bool waitForState(const std::vector<const Socket *> &sockets, TcpState state)
{
    return waitUntil([&] {
        for (const Socket *socket : sockets) {
            if (socket->state() != state)
                return false;
        }
        return true;
    });
}

std::uint32_t somaxconn()
{
    QFile file(QStringLiteral("/proc/sys/net/core/somaxconn"));
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read /proc/sys/net/core/somaxconn");
    bool ok = false;
    const std::uint32_t value = file.readAll().trimmed().toUInt(&ok);
    if (!ok)
        throw std::runtime_error("/proc/sys/net/core/somaxconn is not a number");
    return value;
}

PortMap singleServicePortMap(std::uint16_t port)
{
    auto map = PortMap::build(QList<ServicePorts>{{kServiceName, {port}}});
    if (!map)
        throw std::runtime_error("PortMap::build: " + map.error().toStdString());
    return std::move(map).value();
}

ListenerSample listenersOf(Sampler &sampler)
{
    auto sample = sampler.sampleListeners();
    if (!sample)
        throw std::runtime_error(QStringLiteral("%1 sampleListeners: %2")
                                     .arg(sampler.name(), sample.error())
                                     .toStdString());
    return std::move(sample).value();
}

SocketSample socketsOf(Sampler &sampler)
{
    auto sample = sampler.sampleSockets();
    if (!sample)
        throw std::runtime_error(QStringLiteral("%1 sampleSockets: %2")
                                     .arg(sampler.name(), sample.error())
                                     .toStdString());
    return std::move(sample).value();
}

namespace {

template <typename Sample, typename Read> Sample settled(Read read)
{
    constexpr int kMaxReads = 20;
    Sample previous = read();
    for (int reads = 1; reads < kMaxReads; ++reads) {
        Sample next = read();
        if (next.services == previous.services)
            return next;
        previous = std::move(next);
    }
    return previous; // never settled: the caller's assertions show what it read last
}

} // namespace

SocketSample settledSocketsOf(Sampler &sampler)
{
    return settled<SocketSample>([&] { return socketsOf(sampler); });
}

ListenerSample settledListenersOf(Sampler &sampler)
{
    return settled<ListenerSample>([&] { return listenersOf(sampler); });
}

const ServiceSocketStats &serviceOf(const SocketSample &sample)
{
    if (sample.services.size() != 1 || sample.services[0].name != kServiceName)
        throw std::runtime_error("expected exactly the one service 'https' in the sample");
    return sample.services[0];
}

const ServiceListeners &serviceOf(const ListenerSample &sample)
{
    if (sample.services.size() != 1 || sample.services[0].name != kServiceName)
        throw std::runtime_error("expected exactly the one service 'https' in the sample");
    return sample.services[0];
}

TcpStateCounts stateCounts(std::initializer_list<std::pair<TcpState, quint64>> counts)
{
    TcpStateCounts result;
    for (const auto &[state, count] : counts)
        result[state] = count;
    return result;
}

} // namespace anycast::loopback

namespace anycast {

void PrintTo(const TcpStateCounts &counts, std::ostream *out)
{
    // Only the non-zero states: "{LISTEN: 1, CLOSE_WAIT: 5}" reads better than 11 numbers.
    *out << '{';
    bool first = true;
    for (int i = 0; i < kTcpStateCount; ++i) {
        if (counts.counts[i] == 0)
            continue;
        *out << (first ? "" : ", ") << tcpStateName(stateAt(i)).toStdString() << ": "
             << counts.counts[i];
        first = false;
    }
    *out << '}';
}

void PrintTo(const ListenerStats &listener, std::ostream *out)
{
    *out << "{address " << listener.address.toStdString() << ", port " << listener.port
         << ", acceptQueue " << listener.acceptQueue << ", backlog ";
    if (listener.backlog)
        *out << *listener.backlog;
    else
        *out << "unknown";
    *out << '}';
}

void PrintTo(const TcpInfoSummary &info, std::ostream *out)
{
    *out << "{available " << info.available << ", sockets " << info.sockets << ", retransmitting "
         << info.retransmitting << ", retransmits " << info.retransmits << ", totalRetransmits "
         << info.totalRetransmits << ", lost " << info.lost << ", unacked " << info.unacked
         << ", rttMedianUs " << info.rttMedianUs << ", rttMaxUs " << info.rttMaxUs << '}';
}

} // namespace anycast

void PrintTo(const QString &text, std::ostream *out)
{
    *out << '"' << text.toStdString() << '"';
}
