#include "app/views/RegionMapFacts.h"

#include "app/models/FleetState.h"
#include "app/models/KeyedTreeModel.h"
#include "app/models/ModelRoles.h"
#include "app/models/PrefixModel.h"
#include "app/models/StateWords.h"

#include <QPointF>

namespace anycast {
namespace {

QModelIndex childWithKey(const QAbstractItemModel &model, const QModelIndex &parent,
                         const QString &key)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data(ModelRole::KeyRole).toString() == key)
            return index;
    }
    return {};
}

RegionMapFact::Seen seenOf(const QVariant &observation)
{
    if (!observation.isValid())
        return RegionMapFact::Seen::NoData;
    switch (static_cast<Observation>(observation.toInt())) {
    case Observation::Reporting:
        return RegionMapFact::Seen::Reporting;
    case Observation::Failing:
        return RegionMapFact::Seen::Failing;
    case Observation::NoData:
        break;
    }
    return RegionMapFact::Seen::NoData;
}

// The same precedence as the fleet tree's region row (RowRouting::region), for one prefix:
// withdrawn by drains alone is Drained, never the failure colour; announced by fewer nodes
// than could is a warning of its own; an operator's drain still bleeding shows as draining
// even while the region's other nodes announce at full preference.
RegionMapFact::Route routeOf(PrefixPresence best, bool lostRedundancy, bool anyDraining,
                             bool everyWithdrawalByDrain)
{
    switch (best) {
    case PrefixPresence::Withdrawn:
        return everyWithdrawalByDrain ? RegionMapFact::Route::Drained
                                      : RegionMapFact::Route::Withdrawn;
    case PrefixPresence::Unknown:
        return RegionMapFact::Route::Unknown;
    case PrefixPresence::Announced:
    case PrefixPresence::DePreferred:
    case PrefixPresence::Draining:
        break;
    }
    if (lostRedundancy)
        return RegionMapFact::Route::RedundancyLost;
    if (anyDraining || best == PrefixPresence::Draining)
        return RegionMapFact::Route::Draining;
    return best == PrefixPresence::DePreferred ? RegionMapFact::Route::DePreferred
                                               : RegionMapFact::Route::Announced;
}

QString nodeRoute(const PrefixHolder &holder)
{
    const QString word = StateWords::presence(holder.presence);
    if (holder.reason.isEmpty())
        //: Map tooltip line: node name, its route for the selected prefix.
        return RegionMapFacts::tr("%1: %2").arg(holder.node, word);
    //: Map tooltip line: node name, its route, the agent's reason.
    return RegionMapFacts::tr("%1: %2 (%3)").arg(holder.node, word, holder.reason);
}

} // namespace

QStringList RegionMapFacts::prefixes(const QAbstractItemModel &prefixModel)
{
    QStringList keys;
    for (int row = 0; row < prefixModel.rowCount(); ++row)
        keys.append(prefixModel.index(row, 0).data(ModelRole::KeyRole).toString());
    return keys;
}

QList<RegionMapFact> RegionMapFacts::regions(const QAbstractItemModel &prefixModel,
                                             const QAbstractItemModel &fleetModel,
                                             const FleetState &fleet, const QString &prefix)
{
    QList<RegionMapFact> facts;
    const QModelIndex prefixRow = childWithKey(prefixModel, {}, prefix);
    if (!prefixRow.isValid())
        return facts;
    const QList<PrefixHolder> &holders = fleet.census().holders(prefix);
    for (int row = 0; row < prefixModel.rowCount(prefixRow); ++row) {
        const QModelIndex name = prefixModel.index(row, int(PrefixColumn::Name), prefixRow);
        const QModelIndex established =
            prefixModel.index(row, int(PrefixColumn::Established), prefixRow);
        RegionMapFact fact;
        fact.region = name.data(ModelRole::KeyRole).toString();
        const QVariant location = name.data(ModelRole::LocationRole);
        if (location.isValid()) {
            fact.located = true;
            fact.longitude = location.toPointF().x();
            fact.latitude = location.toPointF().y();
        }
        fact.established = established.data(ModelRole::EstablishedRole).toDouble();
        // The route and its words come from the census, as the tooltip's lines do, so that
        // one marker never mixes two moments (the model applies changes a turn later).
        const PrefixTally tally = fleet.census().tally(prefix, fact.region);
        fact.tally = StateWords::tally(tally);
        bool anyWithdrawn = false;
        bool anyDraining = false;
        bool everyWithdrawalByDrain = true;
        for (const PrefixHolder &holder : holders) {
            if (holder.region != fact.region)
                continue;
            fact.nodeRoutes.append(nodeRoute(holder));
            anyDraining = anyDraining || holder.presence == PrefixPresence::Draining;
            if (holder.presence == PrefixPresence::Withdrawn) {
                anyWithdrawn = true;
                everyWithdrawalByDrain = everyWithdrawalByDrain && holder.byOperator;
            }
        }
        fact.route = routeOf(tally.best(), tally.lostRedundancy(), anyDraining,
                             anyWithdrawn && everyWithdrawalByDrain);
        fact.seen =
            seenOf(childWithKey(fleetModel, {}, fact.region).data(ModelRole::ObservationRole));
        facts.append(fact);
    }
    return facts;
}

QStringList RegionMapFacts::unplaced(const FleetState &fleet)
{
    QStringList lines;
    for (const QString &endpoint : fleet.endpoints()) {
        const NodeSnapshot *node = fleet.node(endpoint);
        if (!node->hello) {
            //: Beside the map: a node that has not said where it is yet.
            lines.append(tr("%1: not connected yet").arg(node->where()));
        } else if (!node->hello->location) {
            //: Beside the map: node name (region): its agent has no location configured.
            lines.append(tr("%1 (%2): no location in its configuration")
                             .arg(node->hello->node, node->hello->region));
        }
    }
    lines.sort();
    return lines;
}

} // namespace anycast
