#pragma once

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QListWidget;

namespace anycast {

class FleetState;
class MapMarkerFeed;
class WorldMapView;

// The announcement map as a page of the main window: a prefix selector above the map, the
// legend and the nodes the map cannot place beside it. Activating a marker (click, Enter)
// asks for its region to be selected in the fleet tree.
class MapPage final : public QWidget
{
    Q_OBJECT

public:
    MapPage(const QAbstractItemModel *prefixModel, const QAbstractItemModel *fleetModel,
            const FleetState *fleet, QWidget *parent = nullptr);

    MapMarkerFeed *feed() const { return m_feed; }
    // Reads the models now instead of at the next event-loop turn.
    void refresh();
    WorldMapView *map() const { return m_map; }
    QComboBox *prefixSelector() const { return m_prefixes; }
    QListWidget *unplacedList() const { return m_unplaced; }

signals:
    void regionActivated(const QString &region);

private:
    void showPrefixes(const QStringList &prefixes);
    void showUnplaced(const QStringList &unplaced);

    MapMarkerFeed *m_feed;
    QComboBox *m_prefixes;
    WorldMapView *m_map;
    QLabel *m_unplacedTitle;
    QListWidget *m_unplaced;
};

} // namespace anycast
