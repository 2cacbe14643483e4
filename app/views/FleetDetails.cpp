#include "app/views/FleetDetails.h"

#include "app/models/FleetRows.h"
#include "app/models/FleetState.h"
#include "app/models/RowRouting.h"
#include "app/models/StateWords.h"
#include "app/words/StateNames.h"
#include "common/protocol/UtcTimestamp.h"

namespace anycast {
namespace {

QString indented(const QString &line)
{
    return QStringLiteral("  ") + line;
}

QString drainLine(const DrainRecord &drain)
{
    const QString target = drain.isNodeDrain() ? FleetDetails::tr("whole node") : drain.target;
    QString line = FleetDetails::tr("%1: %2 by %3 since %4, reason: %5")
                       .arg(target, drainModeName(drain.mode), drain.by,
                            formatUtcTimestamp(drain.since), drain.reason);
    if (!drain.ticket.isEmpty())
        line = FleetDetails::tr("%1, ticket %2").arg(line, drain.ticket);
    if (drain.forceWithdraw)
        line = FleetDetails::tr("%1, fleet guard overridden").arg(line);
    return line;
}

QString prefixLine(const NodePrefixFact &fact, const PrefixCensus &census)
{
    QString line = FleetDetails::tr("%1 (%2): %3, fleet-wide %4")
                       .arg(fact.prefix, fact.service, StateWords::presence(fact.presence),
                            StateWords::tally(census.tally(fact.prefix)));
    if (!fact.reason.isEmpty())
        line = FleetDetails::tr("%1; agent: %2").arg(line, fact.reason);
    return line;
}

QString serviceLine(const NodeSnapshot &node, const ServiceStatus &service)
{
    HealthLabel health = service.health;
    if (const ServiceSample *sample = node.sampleOf(service.name))
        health = sample->health;
    QString line = FleetDetails::tr("%1: %2, %3")
                       .arg(service.name, StateWords::health(health),
                            StateWords::operatorState(service.operatorState));
    if (!service.reasons.isEmpty())
        line = FleetDetails::tr("%1; reasons: %2")
                   .arg(line, service.reasons.join(QStringLiteral("; ")));
    if (!service.pending.isEmpty())
        line = FleetDetails::tr("%1; pending: %2").arg(line, service.pending);
    if (service.probe) {
        line = service.probe->ok
                   ? FleetDetails::tr("%1; probe ok").arg(line)
                   : FleetDetails::tr("%1; probe failed: %2").arg(line, service.probe->detail);
    }
    return line;
}

QString stateLine(RoutingState routing, Observation observation)
{
    return FleetDetails::tr("State: %1, %2")
        .arg(StateNames::of(routing), StateNames::of(observation));
}

} // namespace

QString FleetDetails::region(const FleetState &fleet, const QString &region)
{
    const QStringList endpoints = fleet.endpointsIn(region);
    const QList<NodeFacts> facts = fleet.factsIn(region);
    const RegionRollup rollup = RegionRollup::of(facts);
    const PrefixCensus &census = fleet.census();
    PrefixPresence best = PrefixPresence::Unknown;
    QStringList prefixLines;
    for (const QString &prefix : census.prefixes()) {
        const PrefixTally tally = census.tally(prefix, region);
        if (tally.total == 0)
            continue;
        best = worsePresence(best, tally.best());
        prefixLines.append(indented(
            tr("%1: %2 in this region, %3 fleet-wide")
                .arg(prefix, StateWords::tally(tally), StateWords::tally(census.tally(prefix)))));
    }
    QStringList lines{region.isEmpty() ? tr("Nodes not yet named by their agents")
                                       : tr("Region %1").arg(region),
                      stateLine(RowRouting::region(rollup, best), rollup.observation),
                      tr("Roll-up: %1").arg(StateWords::level(rollup.level)),
                      tr("Nodes: %1 reachable of %2").arg(rollup.reachable).arg(rollup.nodes)};
    for (const QString &endpoint : endpoints) {
        const NodeSnapshot *node = fleet.node(endpoint);
        lines.append(indented(tr("%1: %2, %3")
                                  .arg(node->name(),
                                       StateNames::of(RowRouting::node(*fleet.facts(endpoint))),
                                       StateWords::link(node->link, fleet.now()))));
    }
    lines.append(tr("Announcing per prefix:"));
    lines.append(prefixLines.isEmpty() ? indented(tr("none known"))
                                       : prefixLines.join(QLatin1Char('\n')));
    if (!rollup.findings.isEmpty()) {
        lines.append(tr("Findings:"));
        for (const RollupFinding &finding : rollup.findings)
            lines.append(indented(StateWords::finding(finding)));
    }
    return lines.join(QLatin1Char('\n'));
}

QString FleetDetails::node(const FleetState &fleet, const QString &endpoint)
{
    const NodeSnapshot *node = fleet.node(endpoint);
    const NodeFacts *facts = fleet.facts(endpoint);
    if (!node || !facts)
        return tr("%1 is no longer in the inventory.").arg(endpoint);
    QStringList lines{tr("Node %1").arg(node->name()),
                      stateLine(RowRouting::node(*facts), facts->observation()),
                      tr("Endpoint: %1").arg(node->where()),
                      tr("Connection: %1").arg(StateWords::link(node->link, fleet.now()))};
    if (node->hello) {
        lines.append(tr("Region: %1").arg(node->hello->region));
        lines.append(tr("Agent version: %1").arg(node->hello->agentVersion));
        const auto &where = node->hello->location;
        lines.append(where ? tr("Location: latitude %1, longitude %2")
                                 .arg(where->latitude)
                                 .arg(where->longitude)
                           : tr("Location: not configured"));
    }
    if (!node->reachable() && node->status)
        lines.append(tr("What follows is the last report, not the current state."));
    if (node->status) {
        lines.append(tr("Operator state: %1")
                         .arg(StateWords::operatorState(node->status->operatorStatus.nodeState)));
        lines.append(tr("Services:"));
        for (const ServiceStatus &service : node->status->services)
            lines.append(indented(serviceLine(*node, service)));
    }
    lines.append(tr("Prefixes:"));
    if (facts->prefixes.isEmpty())
        lines.append(indented(tr("none known")));
    for (const NodePrefixFact &fact : facts->prefixes)
        lines.append(indented(prefixLine(fact, fleet.census())));
    lines.append(tr("Drains in force:"));
    const QList<DrainRecord> drains =
        node->status ? node->status->operatorStatus.drains : QList<DrainRecord>();
    if (drains.isEmpty())
        lines.append(indented(node->status ? tr("none") : tr("unknown (no report yet)")));
    for (const DrainRecord &drain : drains)
        lines.append(indented(drainLine(drain)));
    return lines.join(QLatin1Char('\n'));
}

QString FleetDetails::service(const FleetState &fleet, const QString &endpoint,
                              const QString &service)
{
    const NodeSnapshot *node = fleet.node(endpoint);
    const NodeFacts *facts = fleet.facts(endpoint);
    if (!node || !facts)
        return tr("%1 is no longer in the inventory.").arg(endpoint);
    QList<NodePrefixFact> prefixes;
    for (const NodePrefixFact &fact : facts->prefixes) {
        if (fact.service == service)
            prefixes.append(fact);
    }
    const ServiceStatus *status = node->statusOf(service);
    const OperatorState state = status ? status->operatorState : OperatorState::Active;
    QStringList lines{tr("Service %1 on %2").arg(service, node->name()),
                      tr("Connection: %1").arg(StateWords::link(node->link, fleet.now()))};
    lines.append(tr("Routing: %1")
                     .arg(StateNames::of(RowRouting::service(node->reachable(), state, prefixes))));
    if (status) {
        lines.append(tr("Health: %1").arg(serviceLine(*node, *status)));
        if (status->drain)
            lines.append(tr("Drain in force: %1").arg(drainLine(*status->drain)));
    } else {
        lines.append(tr("Health: unknown (no report yet)"));
    }
    lines.append(tr("Prefixes:"));
    if (prefixes.isEmpty())
        lines.append(indented(tr("none known")));
    for (const NodePrefixFact &fact : prefixes)
        lines.append(indented(prefixLine(fact, fleet.census())));
    return lines.join(QLatin1Char('\n'));
}

} // namespace anycast
