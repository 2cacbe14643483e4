#pragma once

#include "app/widgets/MapMarker.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

class QAbstractItemModel;

namespace anycast {

class FleetState;

// Turns the prefix and fleet models into the map's markers for one selected prefix: one
// marker per region at its nodes' mean location, its area from ESTABLISHED, its fill from the
// region's route for the prefix, its shape from what the fleet tree observes of the region,
// labelled "region: N of M announcing", every node's route in the tooltip. Nodes the map
// cannot place are listed apart. Follows the models' signals, coalesced, and says what
// changed only when it did.
class MapMarkerFeed final : public QObject
{
    Q_OBJECT

public:
    MapMarkerFeed(const QAbstractItemModel *prefixModel, const QAbstractItemModel *fleetModel,
                  const FleetState *fleet, QObject *parent = nullptr);

    // The prefixes known now, sorted; the selected one ("" before any prefix is known).
    const QStringList &prefixes() const { return m_prefixes; }
    const QString &prefix() const { return m_prefix; }
    // An unknown prefix is kept and shows no marker until it appears.
    void setPrefix(const QString &prefix);

    const QList<MapMarker> &markers() const { return m_markers; }
    const QStringList &unplaced() const { return m_unplaced; }

    // Reads the models now (tests; otherwise their signals schedule it).
    void refresh();

signals:
    void prefixesChanged(const QStringList &prefixes);
    void prefixChanged(const QString &prefix);
    void markersChanged(const QList<anycast::MapMarker> &markers);
    void unplacedChanged(const QStringList &unplaced);

private:
    void follow(const QAbstractItemModel *model);
    void schedule();

    const QAbstractItemModel *m_prefixModel;
    const QAbstractItemModel *m_fleetModel;
    const FleetState *m_fleet;
    QString m_prefix;
    bool m_prefixChosen = false; // by the user: kept while it is gone
    QStringList m_prefixes;
    QList<MapMarker> m_markers;
    QStringList m_unplaced;
    QTimer m_refreshTimer;
};

} // namespace anycast
