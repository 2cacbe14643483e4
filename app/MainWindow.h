#pragma once

#include <QMainWindow>
#include <QTimer>

class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;

namespace anycast {

class FirstRunWidget;
class FleetModel;
class FleetState;
class InventoryWatcher;

// The console's main window. Without a usable inventory it shows where the file goes and an
// example (FirstRunWidget); with one, the fleet tree (region > node > service, sortable on
// raw values) and a status line with the connection counts. The region charts, the map and
// the drain workflow will draw the same models.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // `inventory` may be null: the fleet is given some other way (the benchmark) and the
    // tree is shown from the start.
    MainWindow(FleetState *fleet, InventoryWatcher *inventory, QString localSocket,
               QWidget *parent = nullptr);

    FleetModel *fleetModel() const { return m_model; }
    QTreeView *fleetTree() const { return m_tree; }
    // True while the first-run page is shown instead of the tree.
    bool showsFirstRun() const;

private:
    void tick();
    void countConnected();
    void showInventoryState();
    void useLocalAgent();

    FleetState *m_fleet;
    InventoryWatcher *m_inventory;
    QString m_localSocket;
    FleetModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_tree;
    QStackedWidget *m_pages;
    FirstRunWidget *m_firstRun = nullptr;
    QLabel *m_connectedCount;
    QTimer m_clock;
};

} // namespace anycast
