#include "tests/metrics/MetricsTestSnapshot.h"

namespace anycast {

namespace {

ListenerStats listener(const QString &address, quint16 port, quint32 acceptQueue,
                       std::optional<quint32> backlog)
{
    ListenerStats result;
    result.address = address;
    result.port = port;
    result.acceptQueue = acceptQueue;
    result.backlog = backlog;
    return result;
}

MetricsSnapshot::Service https()
{
    MetricsSnapshot::Service service;
    service.name = QStringLiteral("https");
    service.health = ServiceHealth::Healthy;
    service.starting = false;
    service.operatorState = OperatorState::Active;
    service.secondsSinceHealthChange = 3600.5;
    service.sockets.name = service.name;
    service.sockets.ports = {443};
    service.sockets.listeners = {listener(QStringLiteral("0.0.0.0"), 443, 3, 4096),
                                 listener(QStringLiteral("::"), 443, 0, 4096)};
    service.sockets.states[TcpState::Established] = 1234;
    service.sockets.states[TcpState::SynRecv] = 7;
    service.sockets.states[TcpState::TimeWait] = 560;
    service.sockets.states[TcpState::Listen] = 2;
    TcpInfoSummary &info = service.sockets.tcpInfo;
    info.available = true;
    info.sockets = 1241;
    info.retransmitting = 4;
    info.retransmits = 5;
    info.totalRetransmits = 311;
    info.lost = 2;
    info.unacked = 97;
    info.rttMedianUs = 12500;
    info.rttMaxUs = 250000;
    service.probe = MetricsSnapshot::Probe{true, 0.0042};
    service.prefixes = {{QStringLiteral("192.0.2.1/32"), PrefixState::Announced},
                        {QStringLiteral("2001:db8::1/128"), PrefixState::Announced}};
    return service;
}

MetricsSnapshot::Service dns()
{
    MetricsSnapshot::Service service;
    service.name = QStringLiteral("dns");
    service.health = ServiceHealth::Degraded;
    service.starting = false;
    service.operatorState = OperatorState::Draining;
    service.secondsSinceHealthChange = 42;
    service.sockets.name = service.name;
    service.sockets.ports = {53};
    // The /proc fallback: no backlog, no tcp_info.
    service.sockets.listeners = {listener(QStringLiteral("192.0.2.53"), 53, 128, std::nullopt),
                                 listener(QStringLiteral("2001:db8::53"), 53, 17, std::nullopt)};
    service.sockets.states[TcpState::Established] = 40;
    service.sockets.states[TcpState::SynRecv] = 250;
    service.sockets.states[TcpState::CloseWait] = 9;
    service.sockets.states[TcpState::Listen] = 2;
    service.probe = MetricsSnapshot::Probe{false, 2.0};
    service.prefixes = {{QStringLiteral("192.0.2.53/32"), PrefixState::Draining},
                        {QStringLiteral("2001:db8::53/128"), PrefixState::Degraded}};
    return service;
}

HostCounters hostCounters()
{
    HostCounters host;
    host.counters = {
        {QStringLiteral("Tcp.RetransSegs"), 98765},  {QStringLiteral("Tcp.OutSegs"), 123456789},
        {QStringLiteral("Tcp.AttemptFails"), 12},    {QStringLiteral("Tcp.EstabResets"), 34},
        {QStringLiteral("Tcp.InErrs"), 0},           {QStringLiteral("TcpExt.ListenOverflows"), 56},
        {QStringLiteral("TcpExt.ListenDrops"), 78},  {QStringLiteral("TcpExt.TCPTimeouts"), 90},
        {QStringLiteral("TcpExt.TCPSynRetrans"), 11}};
    // TcpExt.TCPAbortOnTimeout left out: a kernel that does not export it.
    host.ratesPerSecond = {{QStringLiteral("Tcp.RetransSegs"), 2.5}};
    host.sockstat = {1500, 3, 560, 1600, 420};
    return host;
}

} // namespace

MetricsSnapshot realisticSnapshot()
{
    MetricsSnapshot snapshot;
    snapshot.node = QStringLiteral("fra-1");
    snapshot.region = QStringLiteral("eu-central");
    snapshot.version = QStringLiteral("0.1.0");
    snapshot.services = {https(), dns()};
    snapshot.host = hostCounters();
    snapshot.bgp.bridgeConnected = true;
    snapshot.bgp.neighbors = {{QStringLiteral("198.51.100.1"), QStringLiteral("up")},
                              {QStringLiteral("2001:db8:ffff::1"), QStringLiteral("down")}};
    snapshot.bgp.prefixes = {{QStringLiteral("192.0.2.1/32"), true},
                             {QStringLiteral("2001:db8::1/128"), true},
                             {QStringLiteral("192.0.2.53/32"), false},
                             {QStringLiteral("2001:db8::53/128"), true}};
    snapshot.bgp.errorAcks = 1;
    snapshot.sampler.name = QStringLiteral("netlink");
    snapshot.sampler.fullSampleSeconds = 0.084;
    snapshot.sampler.fastPathSeconds = 0.0001;
    snapshot.fleetPeers = {{QStringLiteral("http://10.1.0.1:9642"), true, 1.5},
                           {QStringLiteral("http://10.2.0.1:9642"), false, 95.0}};
    snapshot.routeChangesByPrefix = {{QStringLiteral("192.0.2.1/32"), 1},
                                     {QStringLiteral("192.0.2.53/32"), 3}};
    snapshot.apiRequestsByMethod = {{QStringLiteral("status"), 120},
                                    {QStringLiteral("subscribe"), 4},
                                    {QStringLiteral("drain"), 1}};
    snapshot.apiErrors = 2;
    snapshot.drainsActive = 1;
    return snapshot;
}

} // namespace anycast
