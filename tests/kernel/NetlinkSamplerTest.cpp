// What only the sock_diag backend reports: the listen backlog and tcp_info. The behaviour it
// shares with ProcSampler is tested for both in SamplerAgreementTest.cpp.

#include "agent/sampler/NetlinkSampler.h"

#include "tests/kernel/LoopbackSockets.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <ostream>
#include <vector>

namespace anycast {
namespace {

using namespace loopback;

const QString kV4 = QStringLiteral("127.0.0.1");
const QString kV6 = QStringLiteral("::1");

// What TCP_INFO on the service's sockets says the sampler's tcp_info summary must be.
struct KernelView
{
    std::vector<std::uint32_t> rtts; // sorted
    TcpInfoSummary summary;
    bool operator==(const KernelView &) const = default;
};

void PrintTo(const KernelView &view, std::ostream *out)
{
    *out << "rtts [";
    for (const std::uint32_t rtt : view.rtts)
        *out << ' ' << rtt;
    *out << " ] ";
    PrintTo(view.summary, out);
}

// The backlog is sk_max_ack_backlog: listen()'s argument capped at net.core.somaxconn, and
// changed by a second listen() on the same socket. The kernel's own TCP_INFO for a listener
// (tcpi_sacked) reads the same field, so it is the reference.
TEST(NetlinkSampler, ReportsTheBacklogTheKernelApplies)
{
    const PortReservation reservation;
    const std::uint16_t port = reservation.port();
    NetlinkSampler sampler(singleServicePortMap(port));
    EXPECT_EQ(sampler.name(), QStringLiteral("netlink"));

    const std::uint32_t cap = somaxconn();
    const Socket v4 = listenOn(kV4, port, 8);
    // Above the cap (and no overflow should somaxconn be near INT_MAX).
    const int aboveCap = static_cast<int>(
        std::min<std::int64_t>(std::int64_t{cap} + 100, std::numeric_limits<int>::max()));
    const Socket v6 = listenOn(kV6, port, aboveCap);
    ASSERT_EQ(v4.info().sacked, 8u);
    ASSERT_EQ(v6.info().sacked, cap);

    const auto backlogs = [](const QList<ListenerStats> &listeners) {
        QList<std::optional<quint32>> result;
        for (const ListenerStats &listener : listeners)
            result.append(listener.backlog);
        return result;
    };
    const QList<std::optional<quint32>> expected{8u, cap}; // sorted: 127.0.0.1, then ::1
    EXPECT_EQ(backlogs(serviceOf(listenersOf(sampler)).listeners), expected);
    EXPECT_EQ(backlogs(serviceOf(socketsOf(sampler)).listeners), expected);

    startListening(v4, 3); // listen() again: the kernel just updates the limit
    ASSERT_EQ(v4.info().sacked, 3u);
    const QList<std::optional<quint32>> updated{3u, cap};
    EXPECT_EQ(backlogs(serviceOf(listenersOf(sampler)).listeners), updated);
    EXPECT_EQ(backlogs(serviceOf(socketsOf(sampler)).listeners), updated);
}

// 6. tcp_info aggregates over the service's connected sockets. The expected values come from
// getsockopt(TCP_INFO) on the same server-side sockets: the RTT estimate changes only when
// an ACK acknowledges new data, so once everything sent is acknowledged it holds still and
// both reads must give the same numbers.
TEST(NetlinkSampler, TcpInfoSummarisesTheServiceSockets)
{
    constexpr int kConnections = 5;           // odd, so the median is one socket's RTT
    constexpr std::size_t kBytes = 16 * 1024; // fits the buffers: no reader needed yet
    const PortReservation reservation;
    const std::uint16_t port = reservation.port();
    NetlinkSampler sampler(singleServicePortMap(port));
    const Socket server = listenOn(kV4, port, 16);
    auto connections = connectAndAccept(server, kV4, port, kConnections);

    std::vector<const Socket *> servers;
    for (Connection &connection : connections) {
        connection.client.sendAll(kBytes);
        connection.server.receiveExactly(kBytes);
        connection.server.sendAll(kBytes);
        connection.client.receiveExactly(kBytes);
        servers.push_back(&connection.server);
    }
    ASSERT_TRUE(waitUntil([&] {
        return std::all_of(servers.begin(), servers.end(),
                           [](const Socket *socket) { return socket->info().unacked == 0; });
    }));

    const auto kernelView = [&] {
        KernelView expected;
        expected.summary.available = true;
        for (const Socket *socket : servers) {
            const KernelTcpInfo info = socket->info();
            ++expected.summary.sockets;
            expected.summary.retransmitting += info.retransmits > 0 ? 1 : 0;
            expected.summary.retransmits += info.retransmits;
            expected.summary.totalRetransmits += info.totalRetransmits;
            expected.summary.lost += info.lost;
            expected.summary.unacked += info.unacked;
            expected.summary.retransmittedInFlight += info.retransmittedInFlight;
            expected.rtts.push_back(info.rttUs);
        }
        std::sort(expected.rtts.begin(), expected.rtts.end());
        expected.summary.rttMedianUs = expected.rtts[expected.rtts.size() / 2];
        expected.summary.rttMaxUs = expected.rtts.back();
        return expected;
    };

    // Read the kernel, sample, read the kernel again; a stray ACK in between would show as
    // a difference between the two reads, and only then is the sample taken again.
    KernelView before;
    KernelView after;
    SocketSample sample;
    for (int attempt = 0; attempt < 5; ++attempt) {
        before = kernelView();
        sample = socketsOf(sampler);
        after = kernelView();
        if (before == after)
            break;
    }
    ASSERT_EQ(before, after) << "the sockets' tcp_info never held still";
    ASSERT_GT(after.rtts.front(), 0u) << "the kernel has no RTT estimate for a socket";

    const TcpInfoSummary &info = serviceOf(sample).tcpInfo;
    EXPECT_TRUE(info.available);
    EXPECT_EQ(info.sockets, static_cast<quint64>(kConnections)); // the listener has none
    EXPECT_GT(info.rttMedianUs, 0u);
    EXPECT_GE(info.rttMaxUs, info.rttMedianUs);
    EXPECT_EQ(info, after.summary);
    EXPECT_EQ(serviceOf(sample).states,
              stateCounts({{TcpState::Listen, 1}, {TcpState::Established, kConnections}}));
}

// tcp_info is collected for service sockets only; with none connected the summary is
// available but empty.
TEST(NetlinkSampler, TcpInfoIsEmptyWithoutConnections)
{
    const PortReservation reservation;
    const std::uint16_t port = reservation.port();
    NetlinkSampler sampler(singleServicePortMap(port));
    const Socket server = listenOn(kV4, port, 8);

    TcpInfoSummary expected;
    expected.available = true;
    EXPECT_EQ(serviceOf(socketsOf(sampler)).tcpInfo, expected);
}

// With no service ports there is no port filter at all: every socket is "other", and the
// fast path has nothing to ask the kernel.
TEST(NetlinkSampler, WithoutServicesEverySocketIsOther)
{
    auto portMap = PortMap::build({});
    ASSERT_TRUE(portMap) << portMap.error().toStdString();
    NetlinkSampler sampler(std::move(portMap).value());

    const PortReservation reservation;
    const std::uint16_t port = reservation.port();
    const Socket server = listenOn(kV4, port, 8);
    const auto connections = connectAndAccept(server, kV4, port, 2);

    EXPECT_TRUE(listenersOf(sampler).services.isEmpty());
    const SocketSample sample = socketsOf(sampler);
    EXPECT_TRUE(sample.services.isEmpty());
    EXPECT_GE(sample.otherSockets[TcpState::Listen], 1u);
    EXPECT_GE(sample.otherSockets[TcpState::Established], 4u); // both ends of both
}

} // namespace
} // namespace anycast
