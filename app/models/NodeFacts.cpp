#include "app/models/NodeFacts.h"

#include "common/protocol/UndrainGate.h"

namespace anycast {
namespace {

// Order of goodness for a route: what attracts traffic normally comes first.
int rank(PrefixPresence presence)
{
    switch (presence) {
    case PrefixPresence::Announced:
        return 0;
    case PrefixPresence::DePreferred:
        return 1;
    case PrefixPresence::Draining:
        return 2;
    case PrefixPresence::Withdrawn:
        return 3;
    case PrefixPresence::Unknown:
        return 4;
    }
    return 4;
}

bool failing(const HealthLabel &health)
{
    return !health.starting && health.health != ServiceHealth::Healthy;
}

} // namespace

PrefixPresence presenceOf(PrefixState state)
{
    switch (state) {
    case PrefixState::Announced:
        return PrefixPresence::Announced;
    case PrefixState::Degraded:
        return PrefixPresence::DePreferred;
    case PrefixState::Draining:
        return PrefixPresence::Draining;
    case PrefixState::Withdrawn:
        return PrefixPresence::Withdrawn;
    }
    return PrefixPresence::Unknown;
}

PrefixPresence betterPresence(PrefixPresence a, PrefixPresence b)
{
    return rank(a) <= rank(b) ? a : b;
}

PrefixPresence worsePresence(PrefixPresence a, PrefixPresence b)
{
    // Unknown is not worse than withdrawn: it is the absence of knowledge, and only wins
    // when nothing is known.
    if (a == PrefixPresence::Unknown)
        return b;
    if (b == PrefixPresence::Unknown)
        return a;
    return rank(a) >= rank(b) ? a : b;
}

Observation NodeFacts::observation() const
{
    if (!reachable)
        return Observation::NoData;
    return failingServices.isEmpty() ? Observation::Reporting : Observation::Failing;
}

NodeFacts NodeFacts::of(const NodeSnapshot &node)
{
    NodeFacts facts;
    facts.endpoint = node.endpoint;
    facts.name = node.name();
    facts.region = node.region();
    facts.reachable = node.reachable();
    if (node.status) {
        const AgentStatus &status = *node.status;
        facts.operatorState = status.operatorStatus.nodeState;
        for (const DrainRecord &drain : status.operatorStatus.drains) {
            if (drain.isNodeDrain())
                facts.drainedBy = drain.by;
        }
        // The latest sample's health is up to a second newer than status's.
        QHash<QString, HealthLabel> sampled;
        if (node.lastSample) {
            for (const ServiceSample &service : node.lastSample->services)
                sampled.insert(service.stats.name, service.health);
        }
        for (const ServiceStatus &service : status.services) {
            if (failing(sampled.value(service.name, service.health)))
                facts.failingServices.append(service.name);
            const bool drained = service.operatorState != OperatorState::Active;
            for (const PrefixDecision &route : service.routes) {
                // Held back after an undrain until the healthy checks pass: still the
                // operator's doing, never a failure.
                const bool byOperator = drained || (route.state == PrefixState::Withdrawn &&
                                                    undrainGateOf(route.reason).has_value());
                facts.prefixes.append(NodePrefixFact{route.prefix, service.name,
                                                     facts.reachable ? presenceOf(route.state)
                                                                     : PrefixPresence::Unknown,
                                                     byOperator, route.reason});
            }
        }
    } else if (node.hello) {
        // Known prefixes, unknown routes: the node counts towards M, never towards N.
        for (const ServiceInfo &service : node.hello->services) {
            for (const QString &prefix : service.prefixes)
                facts.prefixes.append(
                    NodePrefixFact{prefix, service.name, PrefixPresence::Unknown, false, {}});
        }
    }
    return facts;
}

} // namespace anycast
