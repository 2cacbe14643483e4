#include "MainWindow.h"

#include "FirstRunWidget.h"
#include "InventoryWatcher.h"
#include "models/AuditModel.h"
#include "models/EventLog.h"
#include "models/FleetModel.h"
#include "models/FleetState.h"
#include "models/ModelRoles.h"
#include "models/PrefixModel.h"
#include "views/AuditPage.h"
#include "views/ChartMarkerFeed.h"
#include "views/ChartsPage.h"
#include "views/EventDock.h"
#include "views/MapPage.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>

namespace anycast {
namespace {

// ESTABLISHED moves the map's markers; every few seconds is enough for that, and the prefix
// model's tick rebuilds every prefix.
constexpr int kPrefixTickEvery = 3;

} // namespace

MainWindow::MainWindow(FleetState *fleet, const TimeSeriesStore *series,
                       InventoryWatcher *inventory, QString localSocket, QWidget *parent)
    : QMainWindow(parent)
    , m_fleet(fleet)
    , m_inventory(inventory)
    , m_localSocket(std::move(localSocket))
    , m_model(new FleetModel(fleet, this))
    , m_prefixModel(new PrefixModel(fleet, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_tree(new QTreeView(this))
    , m_mapPage(new MapPage(m_prefixModel, m_model, fleet, this))
    , m_chartsPage(new ChartsPage(fleet, series, this))
    , m_views(new QTabWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_connectedCount(new QLabel(this))
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
    //: Tab of the main window: the fleet tree.
    m_views->addTab(m_tree, tr("&Fleet"));
    //: Tab of the main window: the announcement map.
    m_views->addTab(m_mapPage, tr("&Map"));
    connect(m_mapPage, &MapPage::regionActivated, this, &MainWindow::selectRegion);
    //: Tab of the main window: the region charts.
    m_views->addTab(m_chartsPage, tr("&Charts"));
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::selectTarget);
    m_pages->addWidget(m_views);
    if (m_inventory) {
        m_firstRun = new FirstRunWidget(m_inventory->path(), m_localSocket, m_pages);
        m_pages->addWidget(m_firstRun);
        connect(m_firstRun, &FirstRunWidget::localAgentChosen, this, &MainWindow::useLocalAgent);
        connect(m_inventory, &InventoryWatcher::inventoryChanged, this,
                &MainWindow::showInventoryState);
        connect(m_inventory, &InventoryWatcher::inventoryError, this,
                &MainWindow::showInventoryState);
    }
    setCentralWidget(m_pages);
    statusBar()->addPermanentWidget(m_connectedCount);
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &MainWindow::tick);
    connect(m_fleet, &FleetState::nodeAdded, this, &MainWindow::countConnected);
    connect(m_fleet, &FleetState::nodeRemoved, this, &MainWindow::countConnected);
    connect(m_fleet, &FleetState::nodeChanged, this,
            [this](const QString &, FleetState::Aspects aspects) {
                if (aspects & FleetState::LinkAspect)
                    countConnected();
            });
    m_clock.start();
    showInventoryState();
    tick();
    resize(1200, 700);
}

bool MainWindow::showsFirstRun() const
{
    return m_firstRun && m_pages->currentWidget() == m_firstRun;
}

QStringList MainWindow::viewNames()
{
    return {QStringLiteral("fleet"), QStringLiteral("map"), QStringLiteral("charts"),
            QStringLiteral("audit")};
}

QWidget *MainWindow::viewPage(const QString &name) const
{
    if (name == QLatin1String("fleet"))
        return m_tree;
    if (name == QLatin1String("map"))
        return m_mapPage;
    if (name == QLatin1String("charts"))
        return m_chartsPage;
    if (name == QLatin1String("audit"))
        return m_auditPage;
    return nullptr;
}

bool MainWindow::showView(const QString &name)
{
    QWidget *page = viewPage(name);
    if (!page || m_views->indexOf(page) < 0)
        return false;
    m_views->setCurrentWidget(page);
    return true;
}

QString MainWindow::currentView() const
{
    for (const QString &name : viewNames()) {
        if (QWidget *page = viewPage(name); page && page == m_views->currentWidget())
            return name;
    }
    return {};
}

void MainWindow::addEventViews(EventLog *events)
{
    if (m_events)
        return;
    m_events = events;
    m_eventDock = new EventDock(events, m_fleet, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_eventDock);
    m_auditPage = new AuditPage(events, m_fleet, this);
    //: Tab of the main window: drains and undrains across the fleet.
    m_views->addTab(m_auditPage, tr("&Audit"));
    m_markerFeed = new ChartMarkerFeed(
        events, m_chartsPage, [] { return QDateTime::currentDateTimeUtc(); }, this);
}

void MainWindow::flush()
{
    m_model->flush();
    m_prefixModel->flush();
    m_mapPage->refresh();
    m_chartsPage->refresh();
    if (m_events) {
        m_events->flush();
        m_auditPage->model()->refresh();
        m_markerFeed->update();
    }
}

bool MainWindow::selectRegion(const QString &region)
{
    const QModelIndex row = m_proxy->mapFromSource(m_model->indexOf({region}));
    if (!row.isValid())
        return false;
    m_tree->setCurrentIndex(row);
    m_tree->scrollTo(row);
    m_views->setCurrentWidget(m_tree);
    m_tree->setFocus();
    return true;
}

void MainWindow::tick()
{
    m_model->tick();
    if (++m_ticks % kPrefixTickEvery == 0)
        m_prefixModel->tick();
    countConnected();
}

void MainWindow::countConnected()
{
    int connected = 0;
    const QStringList endpoints = m_fleet->endpoints();
    for (const QString &endpoint : endpoints) {
        if (m_fleet->node(endpoint)->link.isConnected())
            ++connected;
    }
    m_connectedCount->setText(
        endpoints.isEmpty()
            ? tr("No agents connected")
            : tr("%1 of %n nodes connected", nullptr, endpoints.size()).arg(connected));
}

void MainWindow::showInventoryState()
{
    if (!m_inventory) {
        m_pages->setCurrentWidget(m_views);
        return;
    }
    const bool haveFleet = m_inventory->current().has_value();
    m_pages->setCurrentWidget(haveFleet ? static_cast<QWidget *>(m_views) : m_firstRun);
    const QString &error = m_inventory->error();
    const bool missing = !QFileInfo::exists(m_inventory->path());
    m_firstRun->setProblem(missing ? QString() : error);
    if (error.isEmpty() && haveFleet) {
        statusBar()->showMessage(tr("Inventory: %1").arg(m_inventory->path()));
    } else if (haveFleet) {
        // A bad edit: the running fleet stays, and the error says where to look.
        statusBar()->showMessage(tr("Inventory not reloaded: %1").arg(error));
    } else {
        statusBar()->clearMessage();
    }
}

void MainWindow::addNodeActions(const QList<QAction *> &actions)
{
    QToolBar *bar = addToolBar(tr("Node"));
    bar->setObjectName(QStringLiteral("nodeToolBar"));
    bar->addActions(actions);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tree->addActions(actions);
}

void MainWindow::selectTarget(const QModelIndex &current)
{
    QModelIndex top = current;
    while (top.parent().isValid())
        top = top.parent();
    const auto kind = static_cast<RowKind>(current.data(ModelRole::RowKindRole).toInt());
    const QString endpoint = kind == RowKind::Node || kind == RowKind::Service
                                 ? current.data(ModelRole::EndpointRole).toString()
                                 : QString();
    const QString service =
        kind == RowKind::Service ? current.data(ModelRole::KeyRole).toString() : QString();
    emit targetSelected(top.data(ModelRole::KeyRole).toString(), endpoint, service);
}

void MainWindow::useLocalAgent()
{
    const QString path = m_inventory->path();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (QFileInfo::exists(path) || !file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        QMessageBox::warning(this, tr("Inventory"),
                             tr("Cannot create %1: %2").arg(path, file.errorString()));
        return;
    }
    file.write(QStringLiteral("[[node]]\nlocal = \"%1\"\n").arg(m_localSocket).toUtf8());
    file.close();
    m_inventory->start();
}

} // namespace anycast
