#pragma once

#include <QMainWindow>
#include <QTimer>

class QAction;
class QComboBox;
class QDockWidget;
class QLineEdit;
class QMenu;
class QSettings;
class QStackedWidget;
class QTabWidget;
class QToolBar;
class QTreeView;

namespace anycast {

class AuditPage;
class ChartMarkerFeed;
class ChartsPage;
class DetailPanel;
class EventDock;
class EventLog;
class FirstRunWidget;
class FleetFilterProxy;
class FleetIconProxy;
class FleetModel;
class FleetState;
class FleetStatusStrip;
class InventoryWatcher;
class MapPage;
class PrefixModel;
class TimeSeriesStore;

// The console's main window. Without a usable inventory it shows where the file goes and an
// example (FirstRunWidget); with one, its views as tabs: the fleet tree (region > node >
// service with state glyphs and words, filtered by text and state, sortable on raw values)
// the announcement map (MapPage), the region charts (ChartsPage, drawn from `series`) and,
// once addEventViews() is called, the audit view (AuditPage) and the event dock. Beside them a dock
// with the details of the selected region, node or service; below, a status strip with the fleet's
// counts in words. Every action has a keyboard shortcut; the layout is saved and restored by the
// caller (saveLayout, restoreLayout) so that tests and screenshots never touch the user's settings.
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
    FleetFilterProxy *fleetFilter() const { return m_filter; }
    QLineEdit *filterText() const { return m_filterText; }
    QComboBox *stateFilter() const { return m_stateFilter; }
    DetailPanel *detailPanel() const { return m_details; }
    FleetStatusStrip *statusStrip() const { return m_strip; }
    QMenu *nodeMenu() const { return m_nodeMenu; }
    MapPage *mapPage() const { return m_mapPage; }
    ChartsPage *chartsPage() const { return m_chartsPage; }
    // Selects the region's row in the fleet tree and shows the tree; false when it has none.
    bool selectRegion(const QString &region);
    // True while the first-run page is shown instead of the tree.
    bool showsFirstRun() const;

    // Actions on the selected node or service (drain, undrain): added to the toolbar, the
    // Node menu and the tree's context menu, and their shortcuts work anywhere in the window.
    void addNodeActions(const QList<QAction *> &actions);
    // The tree's context menu as it would open now (tests; empty without node actions).
    QList<QAction *> contextActions() const { return m_contextActions; }

    // Adds a page as a tab, with a View-menu action whose shortcut is Ctrl+<its position in
    // viewNames()>. `name` must be in viewNames(); pages are added in that order.
    void addView(const QString &name, QWidget *page, const QString &title);
    // Adds a dock in `area`, with a View-menu action that shows or hides it by `shortcut`.
    void addDock(QDockWidget *dock, Qt::DockWidgetArea area, const QKeySequence &shortcut);

    void saveLayout(QSettings &settings) const;
    void restoreLayout(QSettings &settings);

signals:
    // The selection in the fleet tree, for the pages and actions that follow it. Empty
    // strings where not applicable: a region row gives (region, "", ""), a node row
    // (region, endpoint, ""), a service row all three; no selection gives three empties.
    void targetSelected(const QString &region, const QString &endpoint, const QString &service);
    // The charts need these nodes' samples this far back (ChartsPage::historyWanted).
    void historyWanted(const QStringList &endpoints, qint64 seconds);

private:
    QWidget *buildFleetPage();
    void buildActions();
    void applyStateFilter();
    void selectionMoved();
    // A chart was clicked: the node's details, and what it was at that moment.
    void showNodeAt(const QString &endpoint, const QDateTime &when);
    void showContextMenu(const QPoint &at);
    void findInFleet();
    void tick();
    void showInventoryState();
    void useLocalAgent();

    FleetState *m_fleet;
    InventoryWatcher *m_inventory;
    QString m_localSocket;
    FleetModel *m_model;
    PrefixModel *m_prefixModel;
    FleetIconProxy *m_icons;
    FleetFilterProxy *m_filter;
    QTreeView *m_tree;
    QLineEdit *m_filterText = nullptr;
    QComboBox *m_stateFilter = nullptr;
    MapPage *m_mapPage;
    const TimeSeriesStore *m_series;
    ChartsPage *m_chartsPage;
    EventLog *m_events = nullptr;
    EventDock *m_eventDock = nullptr;
    AuditPage *m_auditPage = nullptr;
    ChartMarkerFeed *m_markerFeed = nullptr;
    QTabWidget *m_views;
    QStackedWidget *m_pages;
    DetailPanel *m_details;
    QDockWidget *m_detailDock;
    FleetStatusStrip *m_strip;
    QToolBar *m_toolBar = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_nodeMenu = nullptr;
    QList<QAction *> m_contextActions;
    FirstRunWidget *m_firstRun = nullptr;
    QTimer m_clock;
    int m_ticks = 0;
};

} // namespace anycast
