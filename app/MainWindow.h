#pragma once

#include <QMainWindow>
#include <QTimer>

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace anycast {

class AuditPage;
class ChartMarkerFeed;
class ChartsPage;
class EventDock;
class EventLog;
class FirstRunWidget;
class FleetModel;
class FleetState;
class InventoryWatcher;
class MapPage;
class PrefixModel;
class TimeSeriesStore;

// The console's main window. Without a usable inventory it shows where the file goes and an
// example (FirstRunWidget); with one, its views as tabs: the fleet tree (region > node >
// service, sortable on raw values), the announcement map (MapPage) and the region charts
// (ChartsPage, drawn from `series`); a status line with the connection counts. Activating a region
// on the map selects it in the tree.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // `inventory` may be null: the fleet is given some other way (the benchmark) and the
    // tree is shown from the start.
    MainWindow(FleetState *fleet, const TimeSeriesStore *series, InventoryWatcher *inventory,
               QString localSocket, QWidget *parent = nullptr);

    // The views a window can open on, by the names --view takes.
    static QStringList viewNames();
    // False for a name not in viewNames().
    bool showView(const QString &name);
    QString currentView() const;

    // Every model and view applies what is pending now (before a picture or a dump).
    void flush();

    // The event dock (bottom) and the audit tab, over `events` (not owned).
    void addEventViews(EventLog *events);
    EventDock *eventDock() const { return m_eventDock; }
    AuditPage *auditPage() const { return m_auditPage; }

    FleetModel *fleetModel() const { return m_model; }
    PrefixModel *prefixModel() const { return m_prefixModel; }
    QTreeView *fleetTree() const { return m_tree; }
    MapPage *mapPage() const { return m_mapPage; }
    ChartsPage *chartsPage() const { return m_chartsPage; }
    // Selects the region's row in the fleet tree and shows the tree; false when it has none.
    bool selectRegion(const QString &region);
    // True while the first-run page is shown instead of the tree.
    bool showsFirstRun() const;
    // Actions on the selected node or service: on the toolbar and the tree's context menu.
    void addNodeActions(const QList<QAction *> &actions);

signals:
    // The tree's current row: a node (service empty), a service on it, or neither (a region:
    // endpoint empty).
    void targetSelected(const QString &region, const QString &endpoint, const QString &service);

private:
    // The tab a view name stands for; null if the window has none.
    QWidget *viewPage(const QString &name) const;
    void tick();
    void countConnected();
    void showInventoryState();
    void useLocalAgent();
    void selectTarget(const QModelIndex &current);

    FleetState *m_fleet;
    InventoryWatcher *m_inventory;
    QString m_localSocket;
    FleetModel *m_model;
    PrefixModel *m_prefixModel;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_tree;
    MapPage *m_mapPage;
    ChartsPage *m_chartsPage;
    QTabWidget *m_views;
    QStackedWidget *m_pages;
    FirstRunWidget *m_firstRun = nullptr;
    EventLog *m_events = nullptr;
    EventDock *m_eventDock = nullptr;
    AuditPage *m_auditPage = nullptr;
    ChartMarkerFeed *m_markerFeed = nullptr;
    QLabel *m_connectedCount;
    QTimer m_clock;
    int m_ticks = 0;
};

} // namespace anycast
