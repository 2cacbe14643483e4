// GET /status and GET /metrics are two views of one RuntimeSnapshot: what one says about a
// service, a route, BGP or a fleet peer, the other says too.
#include "agent/runtime/RuntimeSnapshot.h"

#include <gtest/gtest.h>

namespace anycast {
namespace {

RuntimeSnapshot sampleSnapshot()
{
    RuntimeSnapshot snapshot;
    snapshot.node = QStringLiteral("fra-1");
    snapshot.region = QStringLiteral("fra");
    snapshot.version = QStringLiteral("1.2.3");
    snapshot.sampler = {QStringLiteral("netlink"), 0.004, 0.0002};
    RuntimeSnapshot::Service web;
    web.name = QStringLiteral("web");
    web.verdict.health = ServiceHealth::Degraded;
    web.verdict.starting = false;
    web.verdict.reasons = {QStringLiteral("accept queue 70% full on :443")};
    web.secondsSinceHealthChange = 12.5;
    web.routes = {{QStringLiteral("192.0.2.1/32"),
                   PrefixState::Degraded,
                   {200, {}, 3},
                   QStringLiteral("degraded: accept queue")}};
    web.stats.name = web.name;
    web.stats.states[TcpState::Established] = 42;
    web.stats.listeners = {ListenerStats{}};
    web.operatorState = OperatorState::Active;
    web.probe = ProbeResult{true, QStringLiteral("HTTP 200 in 12 ms"),
                            std::chrono::milliseconds(12), false};
    snapshot.services = {web};
    snapshot.fleet.minAnnouncing = 2;
    FleetPeerStatus peer;
    peer.url = QStringLiteral("http://127.0.0.2:9642/status");
    peer.reachable = true;
    peer.ageSeconds = 0.7;
    snapshot.fleet.peers = {peer};
    snapshot.bgp.bridgeConnected = true;
    snapshot.bgp.neighbors = {{QStringLiteral("127.0.0.9"), QStringLiteral("up")}};
    snapshot.bgp.prefixes = {{QStringLiteral("192.0.2.1/32"),
                              QStringLiteral("announce"),
                              QStringLiteral("announce"),
                              true,
                              false,
                              0,
                              {}}};
    snapshot.bgp.errorAcks = 1;
    snapshot.routeChangesByPrefix = {{QStringLiteral("192.0.2.1/32"), 3}};
    snapshot.apiErrors = 4;
    return snapshot;
}

TEST(RuntimeSnapshot, StatusAndMetricsSayTheSameOfEveryService)
{
    const RuntimeSnapshot snapshot = sampleSnapshot();
    const AgentStatus status = statusOf(snapshot);
    const MetricsSnapshot metrics = metricsOf(snapshot);
    ASSERT_EQ(status.services.size(), 1);
    ASSERT_EQ(metrics.services.size(), 1);
    const ServiceStatus &shown = status.services.first();
    const MetricsSnapshot::Service &counted = metrics.services.first();
    EXPECT_EQ(shown.name, counted.name);
    EXPECT_EQ(shown.health.name(), QStringLiteral("degraded"));
    EXPECT_EQ(counted.health, ServiceHealth::Degraded);
    EXPECT_FALSE(counted.starting);
    EXPECT_EQ(shown.sinceSeconds, counted.secondsSinceHealthChange);
    EXPECT_EQ(shown.established, counted.sockets.states[TcpState::Established]);
    EXPECT_EQ(shown.listeners, quint64(counted.sockets.listeners.size()));
    ASSERT_TRUE(shown.probe && counted.probe);
    EXPECT_EQ(shown.probe->ok, counted.probe->ok);
    EXPECT_DOUBLE_EQ(counted.probe->durationSeconds, 0.012);
    ASSERT_EQ(shown.routes.size(), counted.prefixes.size());
    EXPECT_EQ(shown.routes.first().prefix, counted.prefixes.first().prefix);
    EXPECT_EQ(shown.routes.first().state, counted.prefixes.first().state);
}

TEST(RuntimeSnapshot, StatusAndMetricsSayTheSameOfBgpTheFleetAndTheTotals)
{
    const RuntimeSnapshot snapshot = sampleSnapshot();
    const AgentStatus status = statusOf(snapshot);
    const MetricsSnapshot metrics = metricsOf(snapshot);
    EXPECT_EQ(status.bgp, snapshot.bgp);
    EXPECT_EQ(metrics.bgp.bridgeConnected, status.bgp.bridgeConnected);
    ASSERT_EQ(metrics.bgp.neighbors.size(), 1);
    EXPECT_EQ(metrics.bgp.neighbors.first().state, status.bgp.neighbors.value("127.0.0.9"));
    ASSERT_EQ(metrics.bgp.prefixes.size(), 1);
    EXPECT_EQ(metrics.bgp.prefixes.first().converged, status.bgp.prefixes.first().converged);
    EXPECT_EQ(metrics.bgp.errorAcks, status.bgp.errorAcks);
    ASSERT_EQ(metrics.fleetPeers.size(), status.fleet.peers.size());
    EXPECT_EQ(metrics.fleetPeers.first().url, status.fleet.peers.first().url);
    EXPECT_EQ(metrics.fleetPeers.first().statusAgeSeconds, status.fleet.peers.first().ageSeconds);
    EXPECT_EQ(status.fleet.minAnnouncing, 2u);
    EXPECT_EQ(metrics.sampler.name, status.sampler);
    EXPECT_EQ(metrics.routeChangesByPrefix, snapshot.routeChangesByPrefix);
    EXPECT_EQ(metrics.apiErrors, 4u);
    EXPECT_EQ(metrics.drainsActive, 0);
}

} // namespace
} // namespace anycast
