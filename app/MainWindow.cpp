#include "app/MainWindow.h"

#include "app/inventory/InventoryWatcher.h"
#include "app/models/AuditModel.h"
#include "app/models/EventLog.h"
#include "app/models/FleetModel.h"
#include "app/models/FleetState.h"
#include "app/models/ModelRoles.h"
#include "app/models/NodeMoment.h"
#include "app/models/PrefixModel.h"
#include "app/views/AuditPage.h"
#include "app/views/ChartMarkerFeed.h"
#include "app/views/ChartsPage.h"
#include "app/views/DetailPanel.h"
#include "app/views/EventDock.h"
#include "app/views/FleetFilterProxy.h"
#include "app/views/FleetIconProxy.h"
#include "app/views/FleetStatusStrip.h"
#include "app/views/MapPage.h"
#include "app/widgets/FirstRunWidget.h"
#include "app/widgets/WindowLayout.h"
#include "app/words/StateNames.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace anycast {
namespace {

// ESTABLISHED moves the map's markers; every few seconds is enough for that, and the prefix
// model's tick rebuilds every prefix.
constexpr int kPrefixTickEvery = 3;

// The state filter's entries before the routing states (whose entries hold the state).
constexpr int kAllStates = -2;
constexpr int kProblemsOnly = -1;

// The platform's key for a standard action, or `fallback` where it has none (the offscreen
// and minimal platforms have no Quit key).
QList<QKeySequence> keysFor(QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    keys.removeIf([](const QKeySequence &keySequence) { return keySequence.isEmpty(); });
    return keys.isEmpty() ? QList<QKeySequence>{fallback} : keys;
}

} // namespace

MainWindow::MainWindow(FleetState *fleet, const TimeSeriesStore *series,
                       InventoryWatcher *inventory, QString localSocket, QWidget *parent)
    : QMainWindow(parent)
    , m_fleet(fleet)
    , m_inventory(inventory)
    , m_localSocket(std::move(localSocket))
    , m_model(new FleetModel(fleet, this))
    , m_prefixModel(new PrefixModel(fleet, this))
    , m_icons(new FleetIconProxy(this))
    , m_filter(new FleetFilterProxy(this))
    , m_tree(new QTreeView(this))
    , m_mapPage(new MapPage(m_prefixModel, m_model, fleet, this))
    , m_series(series)
    , m_chartsPage(new ChartsPage(fleet, series, this))
    , m_views(new QTabWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_details(new DetailPanel(fleet, this))
    , m_detailDock(new QDockWidget(this))
    , m_strip(new FleetStatusStrip(fleet, this))
{
    setWindowTitle(tr("Anycast Console"));
    m_icons->setSourceModel(m_model);
    m_filter->setSourceModel(m_icons);
    buildActions();
    //: Tab of the main window: the fleet tree.
    addView(QStringLiteral("fleet"), buildFleetPage(), tr("&Fleet"));
    //: Tab of the main window: the announcement map.
    addView(QStringLiteral("map"), m_mapPage, tr("&Map"));
    connect(m_mapPage, &MapPage::regionActivated, this, &MainWindow::selectRegion);
    //: Tab of the main window: the region charts.
    addView(QStringLiteral("charts"), m_chartsPage, tr("&Charts"));
    connect(m_chartsPage, &ChartsPage::historyWanted, this, &MainWindow::historyWanted);
    connect(m_chartsPage, &ChartsPage::nodeAtTimeRequested, this, &MainWindow::showNodeAt);
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
    //: Title of the dock with the facts about the selected region, node or service.
    m_detailDock->setWindowTitle(tr("Details"));
    m_detailDock->setObjectName(QStringLiteral("detailDock"));
    m_detailDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, m_detailDock);
    QAction *showDetails = m_detailDock->toggleViewAction();
    showDetails->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_viewMenu->addAction(showDetails);
    addAction(showDetails);
    statusBar()->addPermanentWidget(m_strip);
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &MainWindow::tick);
    m_clock.start();
    showInventoryState();
    tick();
    resize(1200, 700);
    resizeDocks({m_detailDock}, {320}, Qt::Horizontal);
}

QWidget *MainWindow::buildFleetPage()
{
    auto *page = new QWidget(this);
    m_filterText = new QLineEdit(page);
    m_filterText->setObjectName(QStringLiteral("fleetFilterText"));
    m_filterText->setClearButtonEnabled(true);
    m_filterText->setPlaceholderText(tr("Filter by region, node, service or prefix"));
    m_stateFilter = new QComboBox(page);
    m_stateFilter->setObjectName(QStringLiteral("fleetStateFilter"));
    m_stateFilter->addItem(tr("All states"), kAllStates);
    m_stateFilter->addItem(tr("Problems only"), kProblemsOnly);
    for (int state = 0; state < kRoutingStateCount; ++state)
        m_stateFilter->addItem(StateNames::of(static_cast<RoutingState>(state)), state);
    auto *textLabel = new QLabel(tr("&Filter:"), page);
    textLabel->setBuddy(m_filterText);
    auto *stateLabel = new QLabel(tr("&State:"), page);
    stateLabel->setBuddy(m_stateFilter);
    connect(m_filterText, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        m_tree->expandAll();
    });
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyStateFilter);

    m_tree->setModel(m_filter);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(static_cast<int>(FleetColumn::Name), Qt::AscendingOrder);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    // Fixed starting widths: ResizeToContents would lay out the text of every row on every
    // update, which at a few hundred nodes costs more than everything else together.
    const int widths[kFleetColumnCount] = {220, 130, 90, 150, 330, 130, 100, 100, 260, 90};
    for (int column = 0; column < kFleetColumnCount; ++column)
        m_tree->header()->resizeSection(column, widths[column]);
    // New regions and nodes open as they arrive.
    connect(m_filter, &QAbstractItemModel::rowsInserted, m_tree,
            [this](const QModelIndex &under, int first, int last) {
                m_tree->expand(under);
                for (int row = first; row <= last; ++row)
                    m_tree->expand(m_filter->index(row, 0, under));
            });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::selectionMoved);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &MainWindow::showContextMenu);

    auto *filters = new QHBoxLayout;
    filters->addWidget(textLabel);
    filters->addWidget(m_filterText, 1);
    filters->addWidget(stateLabel);
    filters->addWidget(m_stateFilter);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_tree, 1);
    return page;
}

void MainWindow::buildActions()
{
    //: Menu of the main window.
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    //: Menu of the main window: the views, refresh, find.
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    //: Menu of the main window: actions on the selected node or service.
    m_nodeMenu = menuBar()->addMenu(tr("&Node"));
    m_nodeMenu->setEnabled(false);
    m_toolBar = addToolBar(tr("Main toolbar"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));

    auto *quit = new QAction(tr("&Quit"), this);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcuts(keysFor(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)));
    connect(quit, &QAction::triggered, this, &QWidget::close);
    fileMenu->addAction(quit);

    auto *find = new QAction(tr("F&ind in Fleet"), this);
    find->setObjectName(QStringLiteral("findAction"));
    find->setShortcuts(keysFor(QKeySequence::Find, QKeySequence(Qt::CTRL | Qt::Key_F)));
    find->setToolTip(tr("Filter the fleet tree by region, node, service or prefix"));
    connect(find, &QAction::triggered, this, &MainWindow::findInFleet);
    auto *refresh = new QAction(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshAction"));
    refresh->setShortcuts(keysFor(QKeySequence::Refresh, QKeySequence(Qt::Key_F5)));
    refresh->setToolTip(tr("Show every change received so far now"));
    connect(refresh, &QAction::triggered, this, [this] {
        flush();
        m_prefixModel->tick();
        m_strip->recount();
        m_details->refresh();
    });
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(find);
    m_viewMenu->addAction(refresh);
    m_viewMenu->addSeparator();
    m_toolBar->addAction(refresh);
    m_toolBar->addAction(find);
    m_toolBar->addSeparator();
    addActions({quit, find, refresh});
}

void MainWindow::addView(const QString &name, QWidget *page, const QString &title)
{
    const int index = m_views->addTab(page, title);
    auto *action = new QAction(title, this);
    action->setObjectName(name + QStringLiteral("ViewAction"));
    action->setCheckable(false);
    // Ctrl+1 opens the first view, Ctrl+2 the second, as in the order of viewNames().
    const auto position = viewNames().indexOf(name);
    if (position >= 0 && position < 9)
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + position)));
    connect(action, &QAction::triggered, this, [this, page] { m_views->setCurrentWidget(page); });
    const QList<QAction *> existing = m_viewMenu->actions();
    // Views come first, in the order they were added, before the separator.
    m_viewMenu->insertAction(existing.value(index, nullptr), action);
    addAction(action);
}

void MainWindow::addDock(QDockWidget *dock, Qt::DockWidgetArea area, const QKeySequence &shortcut)
{
    addDockWidget(area, dock);
    QAction *toggle = dock->toggleViewAction();
    toggle->setShortcut(shortcut);
    m_viewMenu->addAction(toggle);
    addAction(toggle);
}

void MainWindow::addNodeActions(const QList<QAction *> &actions)
{
    for (QAction *action : actions) {
        m_nodeMenu->addAction(action);
        m_toolBar->addAction(action);
        m_contextActions.append(action);
        addAction(action);
    }
    m_nodeMenu->setEnabled(!m_contextActions.isEmpty());
}

void MainWindow::showContextMenu(const QPoint &at)
{
    if (m_contextActions.isEmpty())
        return;
    QMenu::exec(m_contextActions, m_tree->viewport()->mapToGlobal(at), nullptr, m_tree);
}

void MainWindow::findInFleet()
{
    if (showsFirstRun())
        return;
    showView(QStringLiteral("fleet"));
    m_filterText->setFocus(Qt::ShortcutFocusReason);
    m_filterText->selectAll();
}

void MainWindow::applyStateFilter()
{
    const int chosen = m_stateFilter->currentData().toInt();
    FleetStateFilter filter;
    if (chosen == kProblemsOnly) {
        filter.kind = FleetStateFilter::Kind::Problems;
    } else if (chosen >= 0) {
        filter.kind = FleetStateFilter::Kind::Routing;
        filter.routing = static_cast<RoutingState>(chosen);
    }
    m_filter->setStateFilter(filter);
    m_tree->expandAll();
}

void MainWindow::selectionMoved()
{
    const QModelIndex current = m_tree->currentIndex();
    if (!current.isValid()) {
        m_details->clearTarget();
        emit targetSelected({}, {}, {});
        return;
    }
    const QModelIndex name = current.siblingAtColumn(int(FleetColumn::Name));
    const auto kind = static_cast<RowKind>(name.data(ModelRole::RowKindRole).toInt());
    const QString key = name.data(ModelRole::KeyRole).toString();
    const QString endpoint = name.data(ModelRole::EndpointRole).toString();
    QString region;
    QString service;
    switch (kind) {
    case RowKind::Region:
        region = key;
        break;
    case RowKind::Node:
        region = name.parent().data(ModelRole::KeyRole).toString();
        break;
    case RowKind::Service:
        region = name.parent().parent().data(ModelRole::KeyRole).toString();
        service = key;
        break;
    case RowKind::Prefix:
        region = name.parent().parent().parent().data(ModelRole::KeyRole).toString();
        service = name.parent().data(ModelRole::KeyRole).toString();
        break;
    }
    m_details->setTarget(region, endpoint, service);
    if (!endpoint.isEmpty())
        m_chartsPage->showNode(endpoint);
    else if (!region.isEmpty())
        m_chartsPage->showRegion(region);
    emit targetSelected(region, endpoint, service);
}

void MainWindow::showNodeAt(const QString &endpoint, const QDateTime &when)
{
    const NodeFacts *facts = m_fleet->facts(endpoint);
    if (!facts)
        return;
    m_details->setTarget(facts->region, endpoint, {});
    if (m_series) {
        m_details->setMoment(NodeMoment::describe(*m_series, m_events, endpoint, facts->name,
                                                  m_chartsPage->timeWindow(),
                                                  when.toMSecsSinceEpoch()));
    }
    m_detailDock->show();
    m_detailDock->raise();
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

bool MainWindow::showView(const QString &name)
{
    const qsizetype index = viewNames().indexOf(name);
    if (index < 0 || index >= m_views->count())
        return false;
    m_views->setCurrentIndex(static_cast<int>(index));
    return true;
}

QString MainWindow::currentView() const
{
    return viewNames().value(m_views->currentIndex());
}

void MainWindow::flush()
{
    m_model->flush();
    m_prefixModel->flush();
    m_mapPage->refresh();
    m_strip->recount();
    m_details->refresh();
    m_chartsPage->refresh();
    if (m_events) {
        m_events->flush();
        m_auditPage->model()->refresh();
        m_markerFeed->update();
    }
}

void MainWindow::addEventViews(EventLog *events)
{
    if (m_events)
        return;
    m_events = events;
    m_eventDock = new EventDock(events, m_fleet, this);
    addDock(m_eventDock, Qt::BottomDockWidgetArea, QKeySequence(Qt::CTRL | Qt::Key_E));
    m_auditPage = new AuditPage(events, m_fleet, this);
    //: Tab of the main window: drains and undrains across the fleet.
    addView(QStringLiteral("audit"), m_auditPage, tr("&Audit"));
    m_markerFeed = new ChartMarkerFeed(
        events, m_chartsPage, [] { return QDateTime::currentDateTimeUtc(); }, this);
}

void MainWindow::saveLayout(QSettings &settings) const
{
    WindowLayout::save(settings, *this, currentView());
}

void MainWindow::restoreLayout(QSettings &settings)
{
    const QString view = WindowLayout::restore(settings, *this);
    if (!view.isEmpty())
        showView(view);
}

bool MainWindow::selectRegion(const QString &region)
{
    const QModelIndex row =
        m_filter->mapFromSource(m_icons->mapFromSource(m_model->indexOf({region})));
    if (!row.isValid())
        return false;
    m_tree->setCurrentIndex(row);
    m_tree->scrollTo(row);
    showView(QStringLiteral("fleet"));
    m_tree->setFocus();
    return true;
}

void MainWindow::tick()
{
    m_model->tick();
    if (++m_ticks % kPrefixTickEvery == 0)
        m_prefixModel->tick();
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
