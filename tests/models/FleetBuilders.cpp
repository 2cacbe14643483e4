#include "tests/models/FleetBuilders.h"

#include "common/protocol/ApiVersion.h"

namespace anycast::modeltest {

HelloReply helloOf(const NodeSpec &spec)
{
    HelloReply hello;
    hello.node = spec.node;
    hello.region = spec.region;
    hello.location = spec.location;
    hello.agentVersion = QStringLiteral("0.1.0");
    hello.apiVersion = kApiVersion;
    for (const ServiceSpec &service : spec.services) {
        hello.services.append(ServiceInfo{service.name, {443}, service.prefixes});
        hello.prefixes.append(service.prefixes);
    }
    hello.sampleIntervalMs = 1000;
    return hello;
}

AgentStatus statusOf(const NodeSpec &spec)
{
    AgentStatus status;
    status.node = spec.node;
    status.region = spec.region;
    status.location = spec.location;
    status.version = QStringLiteral("0.1.0");
    status.sampler = QStringLiteral("netlink");
    status.operatorStatus.nodeState = spec.nodeState;
    std::optional<DrainRecord> drain;
    if (!spec.drainedBy.isEmpty()) {
        DrainRecord record;
        record.by = spec.drainedBy;
        record.reason = QStringLiteral("maintenance");
        record.ticket = QStringLiteral("CHG-1");
        record.since = QDateTime(QDate(2026, 5, 1), QTime(11, 0), Qt::UTC);
        drain = record;
        status.operatorStatus.drains = {record};
    }
    for (const ServiceSpec &spec_ : spec.services) {
        ServiceStatus service;
        service.name = spec_.name;
        service.health = spec_.health;
        service.established = spec_.established;
        service.listeners = 1;
        service.operatorState = spec_.operatorState;
        if (spec_.operatorState != OperatorState::Active)
            service.drain = drain;
        for (const QString &prefix : spec_.prefixes) {
            PrefixDecision route;
            route.prefix = prefix;
            route.state = spec_.route;
            route.reason =
                spec_.routeReason.isEmpty() ? prefixStateName(spec_.route) : spec_.routeReason;
            service.routes.append(route);
        }
        status.services.append(service);
    }
    status.bgp.bridgeConnected = true;
    status.bgp.neighbors = spec.neighbors;
    return status;
}

SamplePoint sampleOf(const NodeSpec &spec, const QDateTime &time)
{
    SamplePoint point;
    point.time = time;
    for (const ServiceSpec &service : spec.services) {
        ServiceSample sample;
        sample.stats.name = service.name;
        sample.stats.ports = {443};
        sample.stats.states[TcpState::Established] = service.established;
        sample.stats.states[TcpState::Listen] = 1;
        ListenerStats listener;
        listener.address = QStringLiteral("0.0.0.0");
        listener.port = 443;
        listener.acceptQueue = service.acceptQueue;
        listener.backlog = 100;
        sample.stats.listeners = {listener};
        sample.health = service.health;
        sample.operatorState = service.operatorState;
        point.services.append(sample);
    }
    return point;
}

} // namespace anycast::modeltest
