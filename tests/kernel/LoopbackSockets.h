#pragma once

#include "agent/sampler/Sampler.h"
#include "agent/sampler/ServicePorts.h"
#include "agent/support/FileDescriptor.h"
#include "common/SocketSample.h"
#include "common/TcpState.h"
#include "common/TcpStateCounts.h"

#include <QString>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <utility>
#include <vector>

// Real TCP sockets on loopback for the kernel tests. Every helper throws std::runtime_error
// (with the errno text) when the kernel refuses something: GoogleTest turns that into a test
// failure that says what went wrong, and a broken environment never passes silently.
namespace anycast::loopback {

// The kernel's own view of one of our sockets (getsockopt TCP_INFO). Tests wait on it, and
// compare the samplers with it, because it does not go through either sampler.
struct KernelTcpInfo
{
    TcpState state = TcpState::Close;
    std::uint32_t rttUs = 0;
    std::uint32_t retransmits = 0;
    std::uint32_t totalRetransmits = 0;
    std::uint32_t lost = 0;
    // For a connected socket: segments sent but not acknowledged. For a LISTEN socket the
    // kernel reuses the field for the accept-queue depth (sk_ack_backlog).
    std::uint32_t unacked = 0;
    std::uint32_t retransmittedInFlight = 0; // tcpi_retrans
    // For a LISTEN socket: the accept-queue limit (sk_max_ack_backlog).
    std::uint32_t sacked = 0;
};

// An owned socket descriptor, closed on destruction, and what the tests do with it.
class Socket
{
public:
    Socket() = default;
    explicit Socket(int fd)
        : m_fd(fd)
    {}

    int fd() const { return m_fd.get(); }
    bool isOpen() const { return m_fd.valid(); }

    void close() { m_fd.reset(); } // close(2): an orphaned connection carries on in the kernel
    void shutdownWrite();          // shutdown(SHUT_WR): sends our FIN and keeps the descriptor
    std::uint16_t localPort() const;
    KernelTcpInfo info() const;
    TcpState state() const { return info().state; }
    // Packets the kernel dropped for this socket (SO_MEMINFO): for a listener, the SYNs it
    // refused because its accept queue was full.
    std::uint32_t drops() const;

    // Blocking I/O with a deadline, so a test that gets the protocol wrong fails, not hangs.
    void sendAll(std::size_t bytes);
    void receiveExactly(std::size_t bytes);

private:
    FileDescriptor m_fd;
};

// A port number that no other socket in this network namespace can take while the
// reservation lives, and on which no socket existed when it was chosen. It is a dual-stack
// [::] socket bound to port 0 with SO_REUSEADDR and never listened on: the kernel's port
// search then picks a port that conflicts with nothing (no listener, no connection, no
// TIME_WAIT left by an earlier test on any address), nobody else can bind it, connect()
// never picks it as an ephemeral port, and neither sock_diag nor /proc lists it, since a
// bound-only socket is in no lookup table. Our own listeners share it through SO_REUSEADDR.
class PortReservation
{
public:
    PortReservation();
    std::uint16_t port() const { return m_port; }

private:
    Socket m_socket;
    std::uint16_t m_port = 0;
};

// A TCP socket bound to address:port with SO_REUSEADDR, not listening yet. `address` is
// numeric: "127.0.0.1", "::1", or "::" for a dual-stack wildcard (IPV6_V6ONLY off).
Socket bindTcp(const QString &address, std::uint16_t port);
void startListening(const Socket &socket, int backlog);
Socket listenOn(const QString &address, std::uint16_t port, int backlog);
// TCP_DEFER_ACCEPT: the listener ignores a handshake's bare final ACK and keeps the
// connection as a SYN_RECV request until data arrives. The one way to hold connections in
// SYN_RECV on loopback, where no ACK is ever lost.
void setDeferAccept(const Socket &listener, int seconds);

// Connects and waits (up to 5 s) until the handshake is complete on the client's side.
Socket connectTo(const QString &address, std::uint16_t port);
// Sends the SYN and returns at once; the connection may never complete (full accept queue).
Socket connectNonBlocking(const QString &address, std::uint16_t port);
// Waits (up to 5 s) for a connection on `listener` and accepts it.
Socket acceptOne(const Socket &listener);

struct Connection
{
    Socket client;
    Socket server; // the accepted end, local port = the listener's port
};
std::vector<Connection> connectAndAccept(const Socket &listener, const QString &address,
                                         std::uint16_t port, int count);

// Polls `condition` until it holds or `timeout` passes. Connection state changes finish in
// softirq context after the system call that caused them returns, so tests wait on the
// kernel's own view (Socket::info) before sampling, rather than sleeping a fixed time.
bool waitUntil(const std::function<bool()> &condition,
               std::chrono::milliseconds timeout = std::chrono::seconds(5));
// Waits until every socket in `sockets` is in `state`.
bool waitForState(const std::vector<const Socket *> &sockets, TcpState state);

// net.core.somaxconn: the cap the kernel applies to listen()'s backlog.
std::uint32_t somaxconn();

// Sampling helpers for the single-service PortMap every test uses.
inline const QString kServiceName = QStringLiteral("https");
PortMap singleServicePortMap(std::uint16_t port);
ListenerSample listenersOf(Sampler &sampler); // throws with the sampler's error on failure
SocketSample socketsOf(Sampler &sampler);
// /proc/net/tcp is not read atomically: the kernel hands it out a page (~27 sockets) per
// read() and resumes each read at (hash bucket, position in that bucket). A socket that
// anything on the host adds to or removes from that bucket in between shifts the position,
// so one of our sockets can be listed twice or skipped (measured under connection churn:
// 5 ESTABLISHED sockets read as 6, 7, 12, 32). Such a read is a one-off, so these read
// until two consecutive samples agree on the service (up to 20 reads) and return that: a
// sampler that is consistently wrong still fails, a torn read of the file does not.
// sock_diag needs none of this for the service: its dump of a few sockets fits in one
// message, so it never resumes mid-table.
SocketSample settledSocketsOf(Sampler &sampler);
ListenerSample settledListenersOf(Sampler &sampler);
// The one service of a single-service sample; throws if the sample has another shape.
const ServiceSocketStats &serviceOf(const SocketSample &sample);
const ServiceListeners &serviceOf(const ListenerSample &sample);

// Exact expected counts: {{TcpState::Listen, 1}, {TcpState::CloseWait, 5}}, the rest 0.
TcpStateCounts stateCounts(std::initializer_list<std::pair<TcpState, quint64>> counts);

} // namespace anycast::loopback

namespace anycast {

// Readable GoogleTest failure messages for the value types the tests compare.
void PrintTo(const TcpStateCounts &counts, std::ostream *out);
void PrintTo(const ListenerStats &listener, std::ostream *out);
void PrintTo(const TcpInfoSummary &info, std::ostream *out);

} // namespace anycast

// QString is in the global namespace, so GoogleTest finds its printer here (by ADL) and shows
// the text instead of the object's bytes.
void PrintTo(const QString &text, std::ostream *out);
