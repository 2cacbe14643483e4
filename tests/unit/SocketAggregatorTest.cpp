#include "agent/sampler/SocketAggregator.h"

#include <gtest/gtest.h>

namespace anycast {
namespace {

PortMap twoServices()
{
    auto map =
        PortMap::build({{QStringLiteral("https"), {443, 8443}}, {QStringLiteral("dns"), {53}}});
    EXPECT_TRUE(map) << map.error().toStdString();
    return map.value();
}

TEST(PortMap, MapsEveryPortToItsService)
{
    const PortMap map = twoServices();
    EXPECT_EQ(map.serviceOf(443), 0);
    EXPECT_EQ(map.serviceOf(8443), 0);
    EXPECT_EQ(map.serviceOf(53), 1);
    EXPECT_EQ(map.serviceOf(80), PortMap::kNoService);
    EXPECT_EQ(map.allPorts(), (std::vector<std::uint16_t>{53, 443, 8443}));
}

TEST(PortMap, RejectsAPortClaimedByTwoServices)
{
    const auto map = PortMap::build({{QStringLiteral("a"), {80}}, {QStringLiteral("b"), {81, 80}}});
    ASSERT_FALSE(map);
    EXPECT_EQ(map.error().toStdString(), "port 80 belongs to both service a and service b");
}

TEST(PortMap, RejectsMorePortsThanTheKernelFilterHolds)
{
    QList<quint16> ports;
    for (quint16 port = 1; ports.size() < static_cast<qsizetype>(PortMap::kMaxPorts); ++port)
        ports.append(port);
    EXPECT_TRUE(PortMap::build({{QStringLiteral("wide"), ports}}));
    ports.append(60000);
    const auto tooMany = PortMap::build({{QStringLiteral("wide"), ports}});
    ASSERT_FALSE(tooMany);
    EXPECT_EQ(tooMany.error().toStdString(),
              "4097 service ports configured; at most 4096 are supported");
}

TEST(PortMap, RejectsPortZero)
{
    EXPECT_FALSE(PortMap::build({{QStringLiteral("a"), {0}}}));
}

TEST(SocketAggregator, CountsStatesPerServiceAndOthers)
{
    SocketAggregator aggregator(twoServices());
    aggregator.addServiceSocket(0, TcpState::Established, nullptr);
    aggregator.addServiceSocket(0, TcpState::Established, nullptr);
    aggregator.addServiceSocket(0, TcpState::TimeWait, nullptr);
    aggregator.addServiceSocket(1, TcpState::SynRecv, nullptr);
    aggregator.addOtherSocket(TcpState::CloseWait);
    aggregator.addListener(1, {QStringLiteral("127.0.0.1"), 53, 2, 128});

    SocketSample sample;
    aggregator.finish(sample, false);
    ASSERT_EQ(sample.services.size(), 2);
    EXPECT_EQ(sample.services[0].name, QStringLiteral("https"));
    EXPECT_EQ(sample.services[0].ports, (QList<quint16>{443, 8443}));
    EXPECT_EQ(sample.services[0].states[TcpState::Established], 2u);
    EXPECT_EQ(sample.services[0].states[TcpState::TimeWait], 1u);
    EXPECT_EQ(sample.services[0].states.total(), 3u);
    EXPECT_EQ(sample.services[1].states[TcpState::SynRecv], 1u);
    EXPECT_EQ(sample.services[1].states[TcpState::Listen], 1u);
    ASSERT_EQ(sample.services[1].listeners.size(), 1);
    EXPECT_EQ(sample.services[1].listeners[0].backlog, std::optional<quint32>(128));
    EXPECT_EQ(sample.otherSockets[TcpState::CloseWait], 1u);
    EXPECT_EQ(sample.otherSockets.total(), 1u);
    EXPECT_FALSE(sample.services[0].tcpInfo.available);
}

TEST(SocketAggregator, SummarisesTcpInfo)
{
    SocketAggregator aggregator(twoServices());
    const TcpInfoFields sockets[] = {
        {0, 5, 0, 1, 300, 0}, {2, 9, 1, 4, 100, 3}, {0, 0, 0, 0, 0, 0},
        {1, 1, 0, 2, 900, 1}, {0, 0, 0, 0, 200, 0},
    };
    for (const TcpInfoFields &fields : sockets)
        aggregator.addServiceSocket(0, TcpState::Established, &fields);
    SocketSample sample;
    aggregator.finish(sample, true);
    const TcpInfoSummary &info = sample.services[0].tcpInfo;
    EXPECT_TRUE(info.available);
    EXPECT_EQ(info.sockets, 5u);
    EXPECT_EQ(info.retransmitting, 2u);
    EXPECT_EQ(info.retransmits, 3u);
    EXPECT_EQ(info.totalRetransmits, 15u);
    EXPECT_EQ(info.lost, 1u);
    EXPECT_EQ(info.unacked, 7u);
    EXPECT_EQ(info.retransmittedInFlight, 4u);
    // RTTs 100, 200, 300, 900 (the socket without an estimate is left out): upper median.
    EXPECT_EQ(info.rttMedianUs, 300u);
    EXPECT_EQ(info.rttMaxUs, 900u);
    EXPECT_EQ(sample.services[1].tcpInfo.sockets, 0u);
    EXPECT_EQ(sample.services[1].tcpInfo.rttMedianUs, 0u);
}

TEST(SocketAggregator, OddCountMedianIsTheMiddle)
{
    SocketAggregator aggregator(twoServices());
    for (const std::uint32_t rtt : {50u, 10u, 30u}) {
        const TcpInfoFields fields{0, 0, 0, 0, rtt};
        aggregator.addServiceSocket(1, TcpState::Established, &fields);
    }
    SocketSample sample;
    aggregator.finish(sample, true);
    EXPECT_EQ(sample.services[1].tcpInfo.rttMedianUs, 30u);
    EXPECT_EQ(sample.services[1].tcpInfo.rttMaxUs, 50u);
}

TEST(SocketAggregator, ResetForgetsThePreviousSample)
{
    SocketAggregator aggregator(twoServices());
    const TcpInfoFields fields{1, 1, 1, 1, 1000};
    aggregator.addServiceSocket(0, TcpState::Established, &fields);
    aggregator.addListener(0, {QStringLiteral("0.0.0.0"), 443, 0, 10});
    aggregator.addOtherSocket(TcpState::Listen);
    aggregator.reset();
    SocketSample sample;
    aggregator.finish(sample, true);
    EXPECT_EQ(sample.services[0].states.total(), 0u);
    EXPECT_TRUE(sample.services[0].listeners.isEmpty());
    EXPECT_EQ(sample.services[0].tcpInfo.sockets, 0u);
    EXPECT_EQ(sample.services[0].tcpInfo.rttMaxUs, 0u);
    EXPECT_EQ(sample.otherSockets.total(), 0u);
}

TEST(SocketAggregator, ListenersAreSortedByPortThenAddress)
{
    SocketAggregator aggregator(twoServices());
    aggregator.addListener(0, {QStringLiteral("::"), 8443, 0, 1});
    aggregator.addListener(0, {QStringLiteral("::"), 443, 0, 1});
    aggregator.addListener(0, {QStringLiteral("0.0.0.0"), 443, 0, 1});
    SocketSample sample;
    aggregator.finish(sample, true);
    const auto &listeners = sample.services[0].listeners;
    ASSERT_EQ(listeners.size(), 3);
    EXPECT_EQ(listeners[0].address, QStringLiteral("0.0.0.0"));
    EXPECT_EQ(listeners[1].address, QStringLiteral("::"));
    EXPECT_EQ(listeners[1].port, 443);
    EXPECT_EQ(listeners[2].port, 8443);
}

} // namespace
} // namespace anycast
