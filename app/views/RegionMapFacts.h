#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QAbstractItemModel;

namespace anycast {

class FleetState;

// What the map needs of one region for one prefix, read from the prefix and fleet models.
// Its enums are the map's own words for the models' states: this header is included next to
// the drawing code, which has its own Observation, so it names neither.
struct RegionMapFact
{
    enum class Route
    {
        Announced,
        DePreferred,
        RedundancyLost, // announced, but by fewer of its nodes than serve the prefix
        Draining,
        Drained,   // withdrawn everywhere in the region by operators' drains
        Withdrawn, // withdrawn for health
        Unknown,
    };
    enum class Seen
    {
        Reporting,
        Failing,
        NoData,
    };

    QString region;
    bool located = false;
    double latitude = 0;
    double longitude = 0;
    double established = 0;
    Route route = Route::Unknown;
    Seen seen = Seen::NoData;
    QString tally;          // "1 of 2 announcing"
    QStringList nodeRoutes; // "fra-1: withdrawn (health check failed)", one per node

    bool operator==(const RegionMapFact &) const = default;
};

// Reads the models into facts. The prefix model is PrefixModel, the fleet model FleetModel;
// both are read through their roles only.
class RegionMapFacts
{
    Q_DECLARE_TR_FUNCTIONS(anycast::RegionMapFacts)

public:
    static QStringList prefixes(const QAbstractItemModel &prefixModel);
    static QList<RegionMapFact> regions(const QAbstractItemModel &prefixModel,
                                        const QAbstractItemModel &fleetModel,
                                        const FleetState &fleet, const QString &prefix);
    // Nodes the map cannot place, each as "name (region): why", sorted.
    static QStringList unplaced(const FleetState &fleet);
};

} // namespace anycast
