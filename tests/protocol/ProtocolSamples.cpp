#include "tests/protocol/ProtocolSamples.h"

namespace anycast::protocoltest {

DrainRecord sampleDrain()
{
    DrainRecord drain;
    drain.target = QStringLiteral("web");
    drain.mode = DrainMode::Immediate;
    drain.reason = QStringLiteral("kernel upgrade");
    drain.ticket = QStringLiteral("CHG-1234");
    drain.by = QStringLiteral("alice");
    drain.uid = 1001;
    drain.since = QDateTime(QDate(2026, 5, 1), QTime(12, 0, 0, 250), Qt::UTC);
    drain.forceWithdraw = true;
    return drain;
}

AgentStatus sampleStatus()
{
    PrefixDecision announced;
    announced.prefix = QStringLiteral("192.0.2.1/32");
    announced.state = PrefixState::Draining;
    announced.attributes = {150, {QStringLiteral("65535:0"), QStringLiteral("65001:100")}, 2};
    announced.reason = QStringLiteral("draining: kernel upgrade");
    PrefixDecision withdrawn;
    withdrawn.prefix = QStringLiteral("2001:db8::1/128");
    withdrawn.state = PrefixState::Withdrawn;
    withdrawn.reason = QStringLiteral("down: no listener on :443");

    ServiceStatus web;
    web.name = QStringLiteral("web");
    web.health = HealthLabel{false, ServiceHealth::Degraded};
    web.reasons = {QStringLiteral("accept queue 70/128")};
    web.pending = QStringLiteral("healthy 1/3");
    web.sinceSeconds = 12.5;
    web.routes = {announced, withdrawn};
    web.established = 42;
    web.listeners = 2;
    web.operatorState = OperatorState::Draining;
    web.drain = sampleDrain();
    web.probe = ProbeStatus{true, QStringLiteral("HTTP 200 in 1.2 ms")};
    ServiceStatus ssh;
    ssh.name = QStringLiteral("ssh");

    AgentStatus status;
    status.node = QStringLiteral("fra-1");
    status.region = QStringLiteral("eu-central");
    status.location = GeoLocation{50.11, 8.68};
    status.version = QStringLiteral("0.1.0");
    status.sampler = QStringLiteral("netlink");
    status.services = {web, ssh};
    status.operatorStatus.nodeState = OperatorState::Draining;
    status.operatorStatus.drains = {sampleDrain()};
    status.operatorStatus.stateFile = QStringLiteral("/var/lib/anycast-agent/drain-state.json");
    status.operatorStatus.auditLog = QStringLiteral("/var/lib/anycast-agent/audit.log");
    status.operatorStatus.apiClients = 3;
    status.fleet.minAnnouncing = 2;
    status.fleet.sharedFaultCheck = true;
    FleetPeerStatus seen{QStringLiteral("http://192.0.2.10:9642"),
                         QStringLiteral("ams-1"),
                         QStringLiteral("eu-west"),
                         true,
                         0.8,
                         std::nullopt,
                         0};
    FleetPeerStatus lost{QStringLiteral("http://192.0.2.11:9642"),
                         std::nullopt,
                         std::nullopt,
                         false,
                         std::nullopt,
                         QStringLiteral("timed out after 500 ms"),
                         4};
    status.fleet.peers = {seen, lost};
    status.bgp.bridgeConnected = true;
    status.bgp.bridge = QStringLiteral("anycast-exabgp-bridge 0.1.0");
    status.bgp.neighbors = {{QStringLiteral("192.0.2.254"), QStringLiteral("up")}};
    status.bgp.prefixes = {BgpPrefixStatus{QStringLiteral("192.0.2.1/32"),
                                           QStringLiteral("announce route 192.0.2.1/32"),
                                           QStringLiteral("withdraw route 192.0.2.1/32"), false,
                                           true, 1, QStringLiteral("error ack")}};
    status.bgp.errorAcks = 1;
    status.bgp.neighborEventsIgnored = 5;
    return status;
}

HelloReply sampleHello()
{
    HelloReply hello;
    hello.node = QStringLiteral("fra-1");
    hello.region = QStringLiteral("eu-central");
    hello.location = GeoLocation{-33.87, 151.21};
    hello.agentVersion = QStringLiteral("0.1.0");
    hello.apiVersion = 1;
    hello.services = {
        ServiceInfo{QStringLiteral("web"), {443, 80}, {QStringLiteral("192.0.2.1/32")}}};
    hello.prefixes = {QStringLiteral("192.0.2.1/32")};
    hello.caller = CallerInfo{1001,
                              1001,
                              4242,
                              QStringLiteral("alice"),
                              {QStringLiteral("alice"), QStringLiteral("anycast-ops")},
                              {QStringLiteral("read"), QStringLiteral("mutate")}};
    hello.methods = {QStringLiteral("hello"), QStringLiteral("status")};
    hello.sampleIntervalMs = 1000;
    return hello;
}

SamplePoint sampleSample()
{
    ServiceSample web;
    web.stats.name = QStringLiteral("web");
    web.stats.ports = {443};
    web.stats.listeners = {ListenerStats{QStringLiteral("127.0.0.1"), 443, 5, 128}};
    web.stats.states[TcpState::Established] = 40;
    web.stats.states[TcpState::SynRecv] = 3;
    web.stats.states[TcpState::Listen] = 1;
    web.stats.tcpInfo.available = true;
    web.stats.tcpInfo.sockets = 40;
    web.stats.tcpInfo.retransmits = 2;
    web.health = HealthLabel{false, ServiceHealth::Healthy};
    web.operatorState = OperatorState::Drained;
    web.probe = SampleProbe{true, 1.25};
    ServiceSample starting;
    starting.stats.name = QStringLiteral("ssh");
    starting.stats.ports = {22};
    SamplePoint point;
    point.time = QDateTime(QDate(2026, 12, 6), QTime(22, 8, 20, 426), Qt::UTC);
    point.services = {web, starting};
    return point;
}

AgentEvent sampleRouteEvent()
{
    PrefixDecision route;
    route.prefix = QStringLiteral("192.0.2.1/32");
    route.state = PrefixState::Announced;
    route.attributes = {100, {}, 0};
    route.reason = QStringLiteral("healthy");
    AgentEvent event;
    event.seq = 7;
    event.time = QDateTime(QDate(2026, 12, 6), QTime(22, 8, 13, 426), Qt::UTC);
    event.kind = QStringLiteral("route");
    event.service = QStringLiteral("web");
    event.message = QStringLiteral("192.0.2.1/32: withdrawn -> announced (med 100): healthy");
    event.data = route.toJson();
    return event;
}

MutationReply sampleMutationReply()
{
    MutationReply reply;
    reply.target = QStringLiteral("web");
    reply.persisted = true;
    reply.audited = QStringLiteral("/var/lib/a/audit.log");
    reply.auditAttempt = 17;
    reply.auditWarning = QStringLiteral("the outcome record could not be written");
    reply.drain = sampleDrain();
    reply.message = QStringLiteral("service web: draining (graceful)");
    return reply;
}

} // namespace anycast::protocoltest
