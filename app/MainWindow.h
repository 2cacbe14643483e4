#pragma once

#include <QMainWindow>
#include <QTimer>

class QSortFilterProxyModel;
class QTreeView;

namespace anycast {

class FleetModel;
class FleetState;

// The console's main window. For now the fleet tree (region > node > service), sortable on
// raw values, and a status line with the connection counts; the region charts, the map and
// the drain workflow draw the same models.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(FleetState *fleet, QWidget *parent = nullptr);

    FleetModel *fleetModel() const { return m_model; }
    QTreeView *fleetTree() const { return m_tree; }

private:
    void tick();

    FleetState *m_fleet;
    FleetModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_tree;
    QTimer m_clock;
};

} // namespace anycast
