#include "app/models/DrainPlan.h"

#include <algorithm>

namespace anycast {
namespace {

bool inScope(const DrainTarget &target, const NodePrefixFact &fact)
{
    return !target.service || fact.service == *target.service;
}

// Whether the node announces `prefix` through any of the services `keep` accepts.
template <typename Keep> bool announces(const NodeFacts &facts, const QString &prefix, Keep keep)
{
    return std::any_of(
        facts.prefixes.begin(), facts.prefixes.end(), [&](const NodePrefixFact &fact) {
            return fact.prefix == prefix && keep(fact) && isAnnouncing(fact.presence);
        });
}

// Other nodes of the region whose drain is still bleeding.
QStringList drainingNeighbours(const FleetState &fleet, const NodeFacts &self)
{
    QStringList names;
    for (const NodeFacts &other : fleet.factsIn(self.region)) {
        if (other.endpoint == self.endpoint)
            continue;
        const bool draining =
            other.operatorState == OperatorState::Draining ||
            std::any_of(other.prefixes.begin(), other.prefixes.end(), [](const NodePrefixFact &f) {
                return f.byOperator && f.presence == PrefixPresence::Draining;
            });
        if (draining)
            names.append(other.name);
    }
    names.sort();
    return names;
}

} // namespace

bool DrainPlan::hasRisk(DrainRiskKind kind) const
{
    return std::any_of(risks.begin(), risks.end(),
                       [kind](const DrainRisk &risk) { return risk.kind == kind; });
}

DrainFriction DrainPlan::friction(bool force) const
{
    if (force || hasRisk(DrainRiskKind::LastInRegion) || hasRisk(DrainRiskKind::LastInFleet))
        return DrainFriction::TypeNodeName;
    return DrainFriction::ReasonOnly;
}

QString DrainPlan::targetText() const
{
    if (target.service)
        //: The target of a drain: a service on a node, e.g. "web on fra-03".
        return tr("%1 on %2").arg(*target.service, nodeName);
    return nodeName;
}

DrainPlan DrainPlan::of(const FleetState &fleet, DrainAction action, const DrainTarget &target,
                        const QSet<QString> &busyRegions)
{
    DrainPlan plan;
    plan.action = action;
    plan.target = target;
    const NodeFacts *facts = target.endpoint.isEmpty() ? nullptr : fleet.facts(target.endpoint);
    const NodeSnapshot *node = target.endpoint.isEmpty() ? nullptr : fleet.node(target.endpoint);
    if (!facts || !node) {
        plan.problem = tr("No node is selected.");
        return plan;
    }
    plan.nodeName = facts->name;
    plan.region = facts->region;
    if (target.service && target.service->trimmed().isEmpty()) {
        plan.problem = tr("No service is selected.");
        return plan;
    }
    if (!node->hello || !node->status) {
        plan.problem = tr("%1 has not reported yet.").arg(plan.nodeName);
        return plan;
    }
    for (const ServiceStatus &service : node->status->services)
        plan.services.append(service.name);
    if (target.service) {
        if (!plan.services.contains(*target.service)) {
            plan.problem = tr("%1 has no service named %2.").arg(plan.nodeName, *target.service);
            return plan;
        }
        plan.services = {*target.service};
    }
    if (!node->link.isConnected())
        plan.problem = tr("%1 is not connected.").arg(plan.nodeName);
    if (!node->hello->caller.mayMutate())
        plan.rightsNote = tr("The agent lets %1 only read: it will refuse this. Only root and "
                             "members of its operators_group may drain and undrain.")
                              .arg(node->hello->caller.user);
    plan.minAnnouncing = node->status->fleet.minAnnouncing;
    for (const NodePrefixFact &fact : facts->prefixes) {
        if (inScope(target, fact) && !plan.prefixes.contains(fact.prefix))
            plan.prefixes.append(fact.prefix);
    }
    plan.prefixes.sort();
    if (action == DrainAction::Drain)
        plan.computeDrain(fleet, *facts, busyRegions);
    else
        plan.computeUndrain(fleet, *facts);
    return plan;
}

namespace {

// The census's counts for `prefix`, with this node's change applied to its region.
PrefixAvailability availabilityOf(const PrefixCensus &census, const QString &prefix,
                                  const QString &region, int change)
{
    const PrefixTally fleet = census.tally(prefix);
    PrefixAvailability row{
        prefix, fleet.announcing(), fleet.announcing() + change, fleet.unknown(), {}};
    for (const QString &name : census.regions(prefix)) {
        const PrefixTally tally = census.tally(prefix, name);
        row.regions.append(RegionAvailability{name, tally.announcing(),
                                              tally.announcing() + (name == region ? change : 0),
                                              tally.unknown()});
    }
    return row;
}

} // namespace

void DrainPlan::computeDrain(const FleetState &fleet, const NodeFacts &facts,
                             const QSet<QString> &busyRegions)
{
    const PrefixCensus &census = fleet.census();
    const bool guardKnowsFleet = !fleet.node(facts.endpoint)->status->fleet.peers.isEmpty();
    for (const QString &prefix : std::as_const(prefixes)) {
        const bool now = announces(facts, prefix, [](const NodePrefixFact &) { return true; });
        const bool later = announces(
            facts, prefix, [this](const NodePrefixFact &fact) { return !inScope(target, fact); });
        const PrefixAvailability row =
            availabilityOf(census, prefix, region, (later ? 1 : 0) - (now ? 1 : 0));
        availability.append(row);
        if (now && !later)
            addRisks(row);
        if (now && !later && row.after < static_cast<int>(minAnnouncing)) {
            guardWouldHold = guardWouldHold || guardKnowsFleet;
            risks.append(
                {DrainRiskKind::BelowMinAnnouncing, prefix,
                 guardKnowsFleet
                     ? tr("%1: %2 would announce, below min_announcing %3; the agent's fleet "
                          "guard will keep the route (de-preferred) unless forced.")
                           .arg(prefix)
                           .arg(row.after)
                           .arg(minAnnouncing)
                     : tr("%1: %2 would announce, below min_announcing %3; the agent has no "
                          "fleet peers, so its guard will not hold the route.")
                           .arg(prefix)
                           .arg(row.after)
                           .arg(minAnnouncing)});
        }
    }
    const QStringList neighbours = drainingNeighbours(fleet, facts);
    if (!neighbours.isEmpty()) {
        risks.append({DrainRiskKind::DrainInFlight,
                      {},
                      tr("Region %1 has a drain under way: %2.")
                          .arg(region, neighbours.join(QStringLiteral(", ")))});
    }
    // One drain at a time per region from this console: the next waits for the last.
    if (busyRegions.contains(region) && problem.isEmpty())
        problem = tr("This console has a drain under way in region %1; wait until it has "
                     "finished.")
                      .arg(region);
}

void DrainPlan::addRisks(const PrefixAvailability &row)
{
    if (row.before > 0 && row.after <= 0) {
        risks.append(
            {DrainRiskKind::LastInFleet, row.prefix,
             tr("%1: %2 is the last node announcing it in the fleet.").arg(row.prefix, nodeName)});
    } else {
        for (const RegionAvailability &inRegion : row.regions) {
            if (inRegion.region == region && inRegion.before > 0 && inRegion.after <= 0) {
                risks.append({DrainRiskKind::LastInRegion, row.prefix,
                              tr("%1: %2 is the last node announcing it in region %3.")
                                  .arg(row.prefix, nodeName, region)});
            }
        }
    }
    if (row.unknown > 0) {
        risks.append({DrainRiskKind::UnknownHolders, row.prefix,
                      tr("%1: %n node(s) serving it cannot be asked; they are not counted.",
                         nullptr, row.unknown)
                          .arg(row.prefix)});
    }
}

void DrainPlan::computeUndrain(const FleetState &fleet, const NodeFacts &facts)
{
    const PrefixCensus &census = fleet.census();
    // A service undrained under a drained node stays withdrawn: the node's drain holds it.
    const bool nodeHolds = target.service && !facts.drainedBy.isEmpty();
    for (const QString &prefix : std::as_const(prefixes)) {
        const bool now = announces(facts, prefix, [](const NodePrefixFact &) { return true; });
        const bool later = now || !nodeHolds;
        availability.append(
            availabilityOf(census, prefix, region, (later ? 1 : 0) - (now ? 1 : 0)));
    }
}

} // namespace anycast
