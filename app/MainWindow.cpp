#include "MainWindow.h"

#include "models/FleetModel.h"
#include "models/ModelRoles.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTreeView>

namespace anycast {

MainWindow::MainWindow(FleetState *fleet, QWidget *parent)
    : QMainWindow(parent)
    , m_fleet(fleet)
    , m_model(new FleetModel(fleet, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_tree(new QTreeView(this))
{
    setWindowTitle(tr("Anycast Console"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ModelRole::SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_tree->setModel(m_proxy);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(static_cast<int>(FleetColumn::Name), Qt::AscendingOrder);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    // Fixed starting widths: ResizeToContents would lay out the text of every row on every
    // update, which at a few hundred nodes costs more than everything else together.
    const int widths[kFleetColumnCount] = {220, 90, 150, 330, 130, 100, 100, 260, 90};
    for (int column = 0; column < kFleetColumnCount; ++column)
        m_tree->header()->resizeSection(column, widths[column]);
    // New regions and nodes open as they arrive: the tree is the whole window for now.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, m_tree,
            [this](const QModelIndex &under, int first, int last) {
                m_tree->expand(under);
                for (int row = first; row <= last; ++row)
                    m_tree->expand(m_proxy->index(row, 0, under));
            });
    setCentralWidget(m_tree);
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &MainWindow::tick);
    m_clock.start();
    tick();
    resize(1200, 700);
}

void MainWindow::tick()
{
    m_model->tick();
    int connected = 0;
    const QStringList endpoints = m_fleet->endpoints();
    for (const QString &endpoint : endpoints) {
        if (m_fleet->node(endpoint)->link.isConnected())
            ++connected;
    }
    if (endpoints.isEmpty())
        statusBar()->showMessage(tr("No agents configured"));
    else
        statusBar()->showMessage(
            tr("%1 of %n nodes connected", nullptr, endpoints.size()).arg(connected));
}

} // namespace anycast
