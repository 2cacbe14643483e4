#include "app/views/MapMarkerFeed.h"

#include "app/views/RegionMapFacts.h"

#include <QAbstractItemModel>

namespace anycast {
namespace {

RoutingState routingState(RegionMapFact::Route route, RegionMapFact::Seen seen)
{
    switch (route) {
    case RegionMapFact::Route::Announced:
        return RoutingState::Announced;
    case RegionMapFact::Route::DePreferred:
        return RoutingState::DePreferred;
    case RegionMapFact::Route::RedundancyLost:
        return RoutingState::RedundancyLost;
    case RegionMapFact::Route::Draining:
        return RoutingState::Draining;
    case RegionMapFact::Route::Drained:
        return RoutingState::Drained;
    case RegionMapFact::Route::Withdrawn:
        return RoutingState::Withdrawn;
    case RegionMapFact::Route::Unknown:
        break;
    }
    // No route known: because no node answers, or because those that answer said nothing yet.
    return seen == RegionMapFact::Seen::NoData ? RoutingState::Unreachable : RoutingState::Unknown;
}

Observation observation(RegionMapFact::Seen seen)
{
    switch (seen) {
    case RegionMapFact::Seen::Reporting:
        return Observation::Reporting;
    case RegionMapFact::Seen::Failing:
        return Observation::Failing;
    case RegionMapFact::Seen::NoData:
        break;
    }
    return Observation::NoData;
}

MapMarker markerOf(const RegionMapFact &fact)
{
    MapMarker marker;
    marker.id = fact.region;
    const QString region =
        fact.region.isEmpty() ? MapMarkerFeed::tr("(region not yet known)") : fact.region;
    //: Map marker label: region, then "N of M announcing".
    marker.label = MapMarkerFeed::tr("%1: %2").arg(region, fact.tally);
    marker.latitude = fact.latitude;
    marker.longitude = fact.longitude;
    marker.size = fact.established;
    marker.observation = observation(fact.seen);
    marker.state = routingState(fact.route, fact.seen);
    QStringList lines = fact.nodeRoutes;
    //: Map marker tooltip: ESTABLISHED connections of the region's nodes for this prefix.
    lines.append(MapMarkerFeed::tr("%n ESTABLISHED connection(s)", nullptr,
                                   static_cast<int>(fact.established)));
    marker.tooltip = lines.join(QLatin1Char('\n'));
    return marker;
}

} // namespace

MapMarkerFeed::MapMarkerFeed(const QAbstractItemModel *prefixModel,
                             const QAbstractItemModel *fleetModel, const FleetState *fleet,
                             QObject *parent)
    : QObject(parent)
    , m_prefixModel(prefixModel)
    , m_fleetModel(fleetModel)
    , m_fleet(fleet)
{
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &MapMarkerFeed::refresh);
    follow(prefixModel);
    follow(fleetModel);
    refresh();
}

void MapMarkerFeed::follow(const QAbstractItemModel *model)
{
    // Both models already coalesce their own updates; this only gathers one burst of their
    // signals into one read.
    connect(model, &QAbstractItemModel::dataChanged, this, &MapMarkerFeed::schedule);
    connect(model, &QAbstractItemModel::rowsInserted, this, &MapMarkerFeed::schedule);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &MapMarkerFeed::schedule);
    connect(model, &QAbstractItemModel::rowsMoved, this, &MapMarkerFeed::schedule);
    connect(model, &QAbstractItemModel::modelReset, this, &MapMarkerFeed::schedule);
    connect(model, &QAbstractItemModel::layoutChanged, this, &MapMarkerFeed::schedule);
}

void MapMarkerFeed::schedule()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void MapMarkerFeed::setPrefix(const QString &prefix)
{
    m_prefixChosen = true;
    if (prefix == m_prefix)
        return;
    m_prefix = prefix;
    emit prefixChanged(m_prefix);
    refresh();
}

void MapMarkerFeed::refresh()
{
    m_refreshTimer.stop();
    const QStringList prefixes = RegionMapFacts::prefixes(*m_prefixModel);
    if (prefixes != m_prefixes) {
        m_prefixes = prefixes;
        emit prefixesChanged(m_prefixes);
    }
    // Until someone chooses, the map shows the first prefix there is.
    if (!m_prefixChosen && !m_prefixes.isEmpty() && m_prefix != m_prefixes.first()) {
        m_prefix = m_prefixes.first();
        emit prefixChanged(m_prefix);
    }
    const QList<RegionMapFact> facts =
        RegionMapFacts::regions(*m_prefixModel, *m_fleetModel, *m_fleet, m_prefix);
    QList<MapMarker> markers;
    QStringList unplaced = RegionMapFacts::unplaced(*m_fleet);
    for (const RegionMapFact &fact : facts) {
        if (fact.located)
            markers.append(markerOf(fact));
        else
            //: Beside the map: a region none of whose nodes has a location.
            unplaced.append(tr("%1: %2, no location").arg(fact.region, fact.tally));
    }
    if (markers != m_markers) {
        m_markers = markers;
        emit markersChanged(m_markers);
    }
    if (unplaced != m_unplaced) {
        m_unplaced = unplaced;
        emit unplacedChanged(m_unplaced);
    }
}

} // namespace anycast
