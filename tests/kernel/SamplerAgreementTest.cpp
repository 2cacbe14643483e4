// What both backends must report for the same real sockets: one contract, run against
// NetlinkSampler and ProcSampler alike (SamplerContract/netlink, SamplerContract/proc), and
// a direct comparison of the two on one live socket set (SamplerAgreement). Each test owns
// a reserved port (PortReservation), so only its own sockets can sit on the service port
// and the service counts are asserted exactly; host-wide counts (otherSockets) change
// under us with whatever else runs, so they only get lower bounds made of our own sockets.

#include "agent/sampler/NetlinkSampler.h"
#include "agent/sampler/ProcSampler.h"
#include "tests/kernel/LoopbackSockets.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>

namespace anycast {
namespace {

using namespace loopback;

const QString kV4 = QStringLiteral("127.0.0.1");
const QString kV6 = QStringLiteral("::1");

struct Backend
{
    const char *name;
    std::unique_ptr<Sampler> (*make)(PortMap portMap);
    bool reportsBacklog; // sock_diag has sk_max_ack_backlog; /proc/net/tcp does not
    // true: the service's sockets come from one kernel message, so one read is exact;
    // false: read until settled (see settledSocketsOf).
    bool atomicReads;
};

void PrintTo(const Backend &backend, std::ostream *out)
{
    *out << backend.name;
}

std::unique_ptr<Sampler> makeNetlink(PortMap portMap)
{
    return std::make_unique<NetlinkSampler>(std::move(portMap));
}

// The fallback for kernels that refuse the one-walk legacy request: one dump per family.
std::unique_ptr<Sampler> makeNetlinkPerFamily(PortMap portMap)
{
    return std::make_unique<NetlinkSampler>(std::move(portMap),
                                            NetlinkSampler::FullDump::PerFamily);
}

std::unique_ptr<Sampler> makeProc(PortMap portMap)
{
    return std::make_unique<ProcSampler>(std::move(portMap), QStringLiteral("/proc"));
}

class SamplerContract : public ::testing::TestWithParam<Backend>
{
protected:
    std::unique_ptr<Sampler> samplerFor(std::uint16_t port) const
    {
        return GetParam().make(singleServicePortMap(port));
    }

    // What this backend should say about a listener whose real backlog is `backlog`.
    ListenerStats listener(const QString &address, std::uint16_t port, quint32 acceptQueue,
                           quint32 backlog) const
    {
        ListenerStats stats;
        stats.address = address;
        stats.port = port;
        stats.acceptQueue = acceptQueue;
        if (GetParam().reportsBacklog)
            stats.backlog = backlog;
        return stats;
    }

    SocketSample sockets(Sampler &sampler) const
    {
        return GetParam().atomicReads ? socketsOf(sampler) : settledSocketsOf(sampler);
    }
    ListenerSample listeners(Sampler &sampler) const
    {
        return GetParam().atomicReads ? listenersOf(sampler) : settledListenersOf(sampler);
    }

    // Both views of the service's listeners, which must be the same list.
    void expectListeners(Sampler &sampler, const QList<ListenerStats> &expected)
    {
        const ListenerSample fast = listeners(sampler);
        EXPECT_EQ(fast.source, sampler.name());
        EXPECT_EQ(serviceOf(fast).listeners, expected) << "fast path";
        const SocketSample full = sockets(sampler);
        EXPECT_EQ(serviceOf(full).listeners, expected) << "full sample";
    }
};

// 1. A bound socket is not a listener; listen() makes one; close() removes it at once.
TEST_P(SamplerContract, ListenerAppearsOnListenAndDisappearsOnClose)
{
    const PortReservation reservation;
    const std::uint16_t port = reservation.port();
    const auto sampler = samplerFor(port);

    expectListeners(*sampler, {});
    EXPECT_EQ(serviceOf(sockets(*sampler)).states, TcpStateCounts{});

    Socket socket = bindTcp(kV4, port);
    expectListeners(*sampler, {}); // bound, not listening: in no table the kernel lists

    startListening(socket, 8);
    expectListeners(*sampler, {listener(kV4, port, 0, 8)});
    const SocketSample full = sockets(*sampler);
    EXPECT_EQ(full.source, sampler->name());
    EXPECT_EQ(serviceOf(full).ports, QList<quint16>{port});
    EXPECT_EQ(serviceOf(full).states, stateCounts({{TcpState::Listen, 1}}));

    socket.close();
    expectListeners(*sampler, {});
    EXPECT_EQ(serviceOf(sockets(*sampler)).states, TcpStateCounts{});
}

// 2. Completed connections that nobody accept()ed are the accept queue. Their server-side
// sockets already exist (ESTABLISHED, on the service port), so they count as such too.
TEST_P(SamplerContract, AcceptQueueCountsConnectionsNotYetAccepted)
{
    constexpr int kBacklog = 8;
    constexpr int kPending = 5;
    const PortReservation reservation;
    const std::uint16_t port = reservation.port();
    const auto sampler = samplerFor(port);
    const Socket server = listenOn(kV4, port, kBacklog);

    std::vector<Socket> clients;
    for (int i = 0; i < kPending; ++i)
        clients.push_back(connectTo(kV4, port));
    // The client's connect() can return before the server has processed the final ACK.
    ASSERT_TRUE(waitUntil([&] { return server.info().unacked == kPending; }));

    expectListeners(*sampler, {listener(kV4, port, kPending, kBacklog)});
    EXPECT_EQ(serviceOf(sockets(*sampler)).states,
              stateCounts({{TcpState::Listen, 1}, {TcpState::Established, kPending}}));

    // accept() takes two off the queue; the sockets stay ESTABLISHED.
    const Socket first = acceptOne(server);
    const Socket second = acceptOne(server);
    expectListeners(*sampler, {listener(kV4, port, kPending - 2, kBacklog)});
    EXPECT_EQ(serviceOf(sockets(*sampler)).states,
              stateCounts({{TcpState::Listen, 1}, {TcpState::Established, kPending}}));
}

// 2b. Linux queues up to backlog + 1 connections (sk_acceptq_is_full() is `queue > backlog`);
// after that the listener drops incoming SYNs and those clients stay in SYN_SENT.
TEST_P(SamplerContract, AcceptQueueStopsAtBacklogPlusOne)
{
    constexpr int kBacklog = 4;
    constexpr int kExtra = 3;
    const PortReservation reservation;
    const std::uint16_t port = reservation.port();
    const auto sampler = samplerFor(port);
    const Socket server = listenOn(kV4, port, kBacklog);

    // One at a time, so no SYN meets a queue that is about to fill: every SYN either finds
    // room or finds the queue already full, and the outcome is exact.
    std::vector<Socket> queued;
    for (int i = 1; i <= kBacklog + 1; ++i) {
        queued.push_back(connectTo(kV4, port));
        ASSERT_TRUE(waitUntil([&] { return server.info().unacked == static_cast<unsigned>(i); }))
            << "connection " << i;
    }
    ASSERT_EQ(server.drops(), 0u);

    std::vector<Socket> refused;
    for (int i = 0; i < kExtra; ++i)
        refused.push_back(connectNonBlocking(kV4, port));
    // Each refused SYN counts as a drop on the listener: wait until all three were seen.
    ASSERT_TRUE(waitUntil([&] { return server.drops() >= static_cast<std::uint32_t>(kExtra); }));
    for (const Socket &client : refused)
        EXPECT_EQ(client.state(), TcpState::SynSent);
    EXPECT_EQ(server.info().unacked, static_cast<unsigned>(kBacklog + 1));

    expectListeners(*sampler, {listener(kV4, port, kBacklog + 1, kBacklog)});
    const SocketSample full = sockets(*sampler);
    // No SYN_RECV: the refused SYNs never got a request socket.
    EXPECT_EQ(serviceOf(full).states,
              stateCounts({{TcpState::Listen, 1}, {TcpState::Established, kBacklog + 1}}));
    EXPECT_GE(full.otherSockets[TcpState::SynSent], static_cast<quint64>(kExtra));
}

// 3. Half-closes leave sockets where the protocol puts them:
// - the client closes first and the server does not close: CLOSE_WAIT on the service port
//   (the client waits in FIN_WAIT2 on its ephemeral port);
// - the server closes first, then the client: TIME_WAIT on the service port, since the side
//   that closes first is the one that waits;
// - the client closes first, then the server: TIME_WAIT on the client's port, and nothing
//   left on the service port.
TEST_P(SamplerContract, CloseWaitAndTimeWaitAreCountedOnTheSideThatHoldsThem)
{
    constexpr int kCloseWait = 5;
    constexpr int kServerTimeWait = 3;
    constexpr int kClientTimeWait = 4;
    const PortReservation reservation;
    const std::uint16_t port = reservation.port();
    const auto sampler = samplerFor(port);
    const Socket server = listenOn(kV4, port, 64);

    auto closeWait = connectAndAccept(server, kV4, port, kCloseWait);
    auto serverFirst = connectAndAccept(server, kV4, port, kServerTimeWait);
    auto clientFirst = connectAndAccept(server, kV4, port, kClientTimeWait);
    EXPECT_EQ(
        serviceOf(sockets(*sampler)).states,
        stateCounts({{TcpState::Listen, 1},
                     {TcpState::Established, kCloseWait + kServerTimeWait + kClientTimeWait}}));

    // CLOSE_WAIT: the client sends its FIN (and keeps its descriptor, so its own state
    // can be checked); the server never closes.
    std::vector<const Socket *> closeWaitServers;
    std::vector<const Socket *> closeWaitClients;
    for (Connection &connection : closeWait) {
        connection.client.shutdownWrite();
        closeWaitServers.push_back(&connection.server);
        closeWaitClients.push_back(&connection.client);
    }
    ASSERT_TRUE(waitForState(closeWaitServers, TcpState::CloseWait));
    ASSERT_TRUE(waitForState(closeWaitClients, TcpState::FinWait2));

    // TIME_WAIT on the service port. First the server's FIN alone: FIN_WAIT2 on the service.
    std::vector<const Socket *> serverFirstServers;
    std::vector<const Socket *> serverFirstClients;
    for (Connection &connection : serverFirst) {
        connection.server.shutdownWrite();
        serverFirstServers.push_back(&connection.server);
        serverFirstClients.push_back(&connection.client);
    }
    ASSERT_TRUE(waitForState(serverFirstServers, TcpState::FinWait2));
    ASSERT_TRUE(waitForState(serverFirstClients, TcpState::CloseWait));
    EXPECT_EQ(serviceOf(sockets(*sampler)).states,
              stateCounts({{TcpState::Listen, 1},
                           {TcpState::Established, kClientTimeWait},
                           {TcpState::FinWait2, kServerTimeWait},
                           {TcpState::CloseWait, kCloseWait}}));
    // The server lets go (the kernel keeps the connection as a FIN_WAIT2 timewait socket),
    // then the client closes: its FIN moves the server's side to TIME_WAIT, and the
    // client's socket reaches CLOSE once that FIN is acknowledged.
    for (Connection &connection : serverFirst) {
        connection.server.close();
        connection.client.shutdownWrite();
    }
    ASSERT_TRUE(waitForState(serverFirstClients, TcpState::Close));

    // TIME_WAIT on the client's side: the client closes first, the server answers with its
    // FIN; once the client acknowledged it, the server's socket is gone (CLOSE).
    std::vector<const Socket *> clientFirstServers;
    for (Connection &connection : clientFirst) {
        connection.client.close();
        clientFirstServers.push_back(&connection.server);
    }
    ASSERT_TRUE(waitForState(clientFirstServers, TcpState::CloseWait));
    for (Connection &connection : clientFirst)
        connection.server.shutdownWrite();
    ASSERT_TRUE(waitForState(clientFirstServers, TcpState::Close));

    const SocketSample sample = sockets(*sampler);
    EXPECT_EQ(serviceOf(sample).states, stateCounts({{TcpState::Listen, 1},
                                                     {TcpState::CloseWait, kCloseWait},
                                                     {TcpState::TimeWait, kServerTimeWait}}));
    EXPECT_GE(sample.otherSockets[TcpState::FinWait2], static_cast<quint64>(kCloseWait));
    EXPECT_GE(sample.otherSockets[TcpState::TimeWait], static_cast<quint64>(kClientTimeWait));
    expectListeners(*sampler, {listener(kV4, port, 0, 64)});
}

// Handshakes the listener has not completed are SYN_RECV request sockets on the service port,
// not in the accept queue; with data they complete and join the queue as ESTABLISHED.
TEST_P(SamplerContract, HalfOpenHandshakesAreSynRecv)
{
    constexpr int kHalfOpen = 3;
    const PortReservation reservation;
    const std::uint16_t port = reservation.port();
    const auto sampler = samplerFor(port);
    const Socket server = bindTcp(kV4, port);
    setDeferAccept(server, 30);
    startListening(server, 8);

    // The client's connect() completes when it gets the SYN-ACK, by which time the server
    // holds the request; the final ACK carries no data, so the request stays.
    std::vector<Socket> clients;
    for (int i = 0; i < kHalfOpen; ++i)
        clients.push_back(connectTo(kV4, port));
    for (const Socket &client : clients)
        ASSERT_EQ(client.state(), TcpState::Established);
    ASSERT_EQ(server.info().unacked, 0u);

    expectListeners(*sampler, {listener(kV4, port, 0, 8)});
    EXPECT_EQ(serviceOf(sockets(*sampler)).states,
              stateCounts({{TcpState::Listen, 1}, {TcpState::SynRecv, kHalfOpen}}));

    for (Socket &client : clients)
        client.sendAll(1);
    ASSERT_TRUE(waitUntil([&] { return server.info().unacked == kHalfOpen; }));
    expectListeners(*sampler, {listener(kV4, port, kHalfOpen, 8)});
    EXPECT_EQ(serviceOf(sockets(*sampler)).states,
              stateCounts({{TcpState::Listen, 1}, {TcpState::Established, kHalfOpen}}));
}

// 4. An IPv6 listener on ::1 and its connections (accepted and queued).
TEST_P(SamplerContract, Ipv6LoopbackListenerAndConnections)
{
    constexpr int kAccepted = 3;
    constexpr int kPending = 2;
    const PortReservation reservation;
    const std::uint16_t port = reservation.port();
    const auto sampler = samplerFor(port);
    const Socket server = listenOn(kV6, port, 8);

    const auto accepted = connectAndAccept(server, kV6, port, kAccepted);
    std::vector<Socket> pending;
    for (int i = 0; i < kPending; ++i)
        pending.push_back(connectTo(kV6, port));
    ASSERT_TRUE(waitUntil([&] { return server.info().unacked == kPending; }));

    expectListeners(*sampler, {listener(kV6, port, kPending, 8)});
    const SocketSample sample = sockets(*sampler);
    EXPECT_EQ(serviceOf(sample).states,
              stateCounts({{TcpState::Listen, 1}, {TcpState::Established, kAccepted + kPending}}));
    // The client ends: ephemeral ports, so not the service's.
    EXPECT_GE(sample.otherSockets[TcpState::Established],
              static_cast<quint64>(kAccepted + kPending));
}

// 4b. A dual-stack [::] listener is one socket, reported as "::", and connections to it over
// IPv4 (v4-mapped on the server side) and over IPv6 all count.
TEST_P(SamplerContract, DualStackListenerCountsBothFamilies)
{
    const PortReservation reservation;
    const std::uint16_t port = reservation.port();
    const auto sampler = samplerFor(port);
    const Socket server = listenOn(QStringLiteral("::"), port, 8);

    const auto overV4 = connectAndAccept(server, kV4, port, 2);
    const auto overV6 = connectAndAccept(server, kV6, port, 2);
    const Socket pending = connectTo(kV4, port);
    ASSERT_TRUE(waitUntil([&] { return server.info().unacked == 1; }));

    expectListeners(*sampler, {listener(QStringLiteral("::"), port, 1, 8)});
    EXPECT_EQ(serviceOf(sockets(*sampler)).states,
              stateCounts({{TcpState::Listen, 1}, {TcpState::Established, 5}}));
}

// 5. Sockets on a port that is not the service's leave the service unchanged; they are
// counted among the other sockets.
TEST_P(SamplerContract, SocketsOnOtherPortsAreNotCountedInTheService)
{
    const PortReservation reservation;
    const std::uint16_t port = reservation.port();
    const auto sampler = samplerFor(port);
    const Socket server = listenOn(kV4, port, 8);
    const auto serviceConnections = connectAndAccept(server, kV4, port, 2);

    const SocketSample before = sockets(*sampler);
    const TcpStateCounts expected =
        stateCounts({{TcpState::Listen, 1}, {TcpState::Established, 2}});
    ASSERT_EQ(serviceOf(before).states, expected);

    const PortReservation otherReservation;
    const std::uint16_t otherPort = otherReservation.port();
    const Socket otherV4 = listenOn(kV4, otherPort, 8);
    const Socket otherV6 = listenOn(kV6, otherPort, 8);
    const auto otherConnections = connectAndAccept(otherV4, kV4, otherPort, 3);
    const auto otherV6Connections = connectAndAccept(otherV6, kV6, otherPort, 1);
    const Socket otherPending = connectTo(kV4, otherPort);
    ASSERT_TRUE(waitUntil([&] { return otherV4.info().unacked == 1; }));

    expectListeners(*sampler, {listener(kV4, port, 0, 8)});
    const SocketSample after = sockets(*sampler);
    EXPECT_EQ(serviceOf(after).states, expected);
    EXPECT_EQ(serviceOf(after).listeners, serviceOf(before).listeners);
    EXPECT_GE(after.otherSockets[TcpState::Listen], 2u);
    // Both ends of the 5 other-port connections, plus the client ends of the service's 2.
    EXPECT_GE(after.otherSockets[TcpState::Established], 2u * 5u + 2u);
}

// 5b. A service of many ports (for sock_diag a filter of 480 bytes, longer than the 255 bytes
// an op's `yes` jump can span): each of its ports counts, a port outside it does not.
TEST_P(SamplerContract, ServiceWithManyPortsCountsEachOfThem)
{
    constexpr int kPorts = 40;
    std::vector<PortReservation> reservations(kPorts);
    QList<quint16> ports;
    for (const PortReservation &reservation : reservations)
        ports.append(reservation.port());
    const PortReservation outsider;
    auto portMap = PortMap::build(QList<ServicePorts>{{kServiceName, ports}});
    ASSERT_TRUE(portMap) << portMap.error().toStdString();
    const auto sampler = GetParam().make(std::move(portMap).value());

    // Listen on the lowest, a middle and the highest port of the sorted filter.
    std::vector<quint16> sorted(ports.begin(), ports.end());
    std::sort(sorted.begin(), sorted.end());
    const std::vector<quint16> chosen{sorted.front(), sorted[kPorts / 2], sorted.back()};
    std::vector<Socket> listeners;
    std::vector<Connection> connections;
    QList<ListenerStats> expected;
    for (const quint16 port : chosen) {
        listeners.push_back(listenOn(kV4, port, 8));
        for (Connection &connection : connectAndAccept(listeners.back(), kV4, port, 2))
            connections.push_back(std::move(connection));
        expected.append(listener(kV4, port, 0, 8));
    }
    const Socket outside = listenOn(kV4, outsider.port(), 8);
    const auto outsideConnections = connectAndAccept(outside, kV4, outsider.port(), 2);

    expectListeners(*sampler, expected); // sorted by port, as the samplers promise
    EXPECT_EQ(serviceOf(sockets(*sampler)).states,
              stateCounts({{TcpState::Listen, 3}, {TcpState::Established, 6}}));
}

// A service with more ports than fit in one sock_diag filter (its bytecode attribute has a
// 16-bit length: at 12 bytes per port, 5460 ports at most). Whatever a backend does about
// that, it must not be silently wrong: a sample either fails with an error or lists the
// listener that is there. Only our listener is asserted on, since the other ports are not
// reserved and anything on the host may be using them.
TEST_P(SamplerContract, ServiceWithThousandsOfPortsIsNeverSilentlyWrong)
{
    // The most ports a PortMap accepts: the kernel filter for them must still be exact.
    constexpr int kPorts = static_cast<int>(PortMap::kMaxPorts);
    const PortReservation reservation;
    const std::uint16_t port = reservation.port();
    QList<quint16> ports{port};
    for (quint16 other = 1024; ports.size() < kPorts; ++other) {
        if (other != port)
            ports.append(other);
    }
    auto portMap = PortMap::build(QList<ServicePorts>{{kServiceName, ports}});
    ASSERT_TRUE(portMap) << portMap.error().toStdString();
    const auto sampler = GetParam().make(std::move(portMap).value());
    const Socket server = listenOn(kV4, port, 8);
    const ListenerStats ours = listener(kV4, port, 0, 8);

    // /proc is read until settled, as everywhere; it cannot fail here.
    const bool atomic = GetParam().atomicReads;
    const auto fast = atomic ? sampler->sampleListeners()
                             : Result<ListenerSample>::success(settledListenersOf(*sampler));
    if (fast) {
        const QList<ListenerStats> &listed = serviceOf(fast.value()).listeners;
        EXPECT_TRUE(listed.contains(ours)) << "fast path: " << ::testing::PrintToString(listed);
    } else {
        EXPECT_FALSE(fast.error().isEmpty());
    }
    const auto full = atomic ? sampler->sampleSockets()
                             : Result<SocketSample>::success(settledSocketsOf(*sampler));
    if (full) {
        const QList<ListenerStats> &listed = serviceOf(full.value()).listeners;
        EXPECT_TRUE(listed.contains(ours)) << "full sample: " << ::testing::PrintToString(listed);
    } else {
        EXPECT_FALSE(full.error().isEmpty());
    }
}

INSTANTIATE_TEST_SUITE_P(
    , SamplerContract,
    ::testing::Values(Backend{"netlink", &makeNetlink, true, true},
                      Backend{"netlink_per_family", &makeNetlinkPerFamily, true, true},
                      Backend{"proc", &makeProc, false, false}),
    [](const ::testing::TestParamInfo<Backend> &param) { return std::string(param.param.name); });

// 7. The two backends, sampled back to back on one live socket set on the service port, see
// the same state counts and the same listeners (backlog aside: /proc has none).
TEST(SamplerAgreement, NetlinkAndProcReportTheSameLiveSockets)
{
    const PortReservation reservation;
    const std::uint16_t port = reservation.port();
    NetlinkSampler netlink(singleServicePortMap(port));
    ProcSampler proc(singleServicePortMap(port), QStringLiteral("/proc"));

    const Socket serverV4 = listenOn(kV4, port, 8);
    const Socket serverV6 = listenOn(kV6, port, 6);
    const auto establishedV4 = connectAndAccept(serverV4, kV4, port, 4);
    const auto establishedV6 = connectAndAccept(serverV6, kV6, port, 2);
    auto closeWait = connectAndAccept(serverV4, kV4, port, 2);
    auto finWait2 = connectAndAccept(serverV6, kV6, port, 2);
    auto timeWait = connectAndAccept(serverV4, kV4, port, 3);

    std::vector<Socket> pending;
    for (int i = 0; i < 3; ++i)
        pending.push_back(connectTo(kV4, port));
    for (int i = 0; i < 2; ++i)
        pending.push_back(connectTo(kV6, port));
    ASSERT_TRUE(waitUntil([&] { return serverV4.info().unacked == 3; }));
    ASSERT_TRUE(waitUntil([&] { return serverV6.info().unacked == 2; }));

    std::vector<const Socket *> waiting;
    std::vector<const Socket *> waitingClients;
    for (Connection &connection : closeWait) {
        connection.client.shutdownWrite();
        waiting.push_back(&connection.server);
        waitingClients.push_back(&connection.client);
    }
    ASSERT_TRUE(waitForState(waiting, TcpState::CloseWait));
    ASSERT_TRUE(waitForState(waitingClients, TcpState::FinWait2));
    waiting.clear();
    for (Connection &connection : finWait2) {
        connection.server.shutdownWrite();
        waiting.push_back(&connection.server);
    }
    ASSERT_TRUE(waitForState(waiting, TcpState::FinWait2));
    // The server closes first and the client only once it has the server's FIN (a
    // simultaneous close would leave both sides in TIME_WAIT).
    waiting.clear();
    for (Connection &connection : timeWait) {
        connection.server.close();
        waiting.push_back(&connection.client);
    }
    ASSERT_TRUE(waitForState(waiting, TcpState::CloseWait));
    for (Connection &connection : timeWait)
        connection.client.shutdownWrite();
    ASSERT_TRUE(waitForState(waiting, TcpState::Close));

    const TcpStateCounts expectedStates = stateCounts({{TcpState::Listen, 2},
                                                       {TcpState::Established, 4 + 2 + 5},
                                                       {TcpState::CloseWait, 2},
                                                       {TcpState::FinWait2, 2},
                                                       {TcpState::TimeWait, 3}});

    // Listeners without the backlog, which only netlink knows.
    const auto withoutBacklog = [](QList<ListenerStats> listeners) {
        for (ListenerStats &listener : listeners)
            listener.backlog.reset();
        return listeners;
    };

    // Retried only in case a socket changed state between the two reads; none should here
    // (TIME_WAIT and orphaned FIN_WAIT2 last 60 s), so the attempts count is reported. The
    // /proc side is read until settled, as everywhere (see settledSocketsOf).
    constexpr int kAttempts = 5;
    int attempt = 0;
    SocketSample fromNetlink;
    SocketSample fromProc;
    for (; attempt < kAttempts; ++attempt) {
        fromNetlink = socketsOf(netlink);
        fromProc = settledSocketsOf(proc);
        if (serviceOf(fromNetlink).states == serviceOf(fromProc).states &&
            withoutBacklog(serviceOf(fromNetlink).listeners) == serviceOf(fromProc).listeners)
            break;
    }
    if (attempt > 0)
        std::cout << "note: the backends agreed only on read " << attempt + 1 << '\n';
    RecordProperty("attempts", attempt + 1);
    EXPECT_EQ(serviceOf(fromNetlink).states, serviceOf(fromProc).states);
    EXPECT_EQ(serviceOf(fromNetlink).states, expectedStates);
    EXPECT_EQ(serviceOf(fromProc).states, expectedStates);

    const auto expectedListener = [&](const QString &address, quint32 queue,
                                      std::optional<quint32> backlog) {
        ListenerStats stats;
        stats.address = address;
        stats.port = port;
        stats.acceptQueue = queue;
        stats.backlog = backlog;
        return stats;
    };
    // Sorted by (port, address): "127.0.0.1" before "::1".
    const QList<ListenerStats> netlinkListeners{expectedListener(kV4, 3, 8),
                                                expectedListener(kV6, 2, 6)};
    EXPECT_EQ(serviceOf(fromNetlink).listeners, netlinkListeners);
    EXPECT_EQ(serviceOf(fromProc).listeners, withoutBacklog(netlinkListeners));
    EXPECT_EQ(serviceOf(listenersOf(netlink)).listeners, netlinkListeners);
    EXPECT_EQ(serviceOf(settledListenersOf(proc)).listeners, withoutBacklog(netlinkListeners));

    // Host-wide counts differ between two reads whenever anything else on the host moves;
    // both must at least include the client ends made here.
    for (const SocketSample *sample : {&fromNetlink, &fromProc}) {
        EXPECT_GE(sample->otherSockets[TcpState::Established], 4u + 2u + 5u)
            << sample->source.toStdString();
        EXPECT_GE(sample->otherSockets[TcpState::FinWait2], 2u) << sample->source.toStdString();
        EXPECT_GE(sample->otherSockets[TcpState::CloseWait], 2u) << sample->source.toStdString();
    }
}

} // namespace
} // namespace anycast
