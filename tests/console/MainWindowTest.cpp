// The main window against real agents, offscreen: the tree's glyphs and words follow a drain
// made on the agent, the filter keeps the parents of what it finds, the status strip counts
// what FleetState holds, the detail panel shows the drain, the layout survives a restart,
// every action has a shortcut of its own, the dark palette is followed, --lang speaks German.
#include "app/MainWindow.h"

#include "app/inventory/InventoryWatcher.h"
#include "app/models/EventLog.h"
#include "app/models/FleetCounts.h"
#include "app/models/FleetModel.h"
#include "app/models/ModelRoles.h"
#include "app/models/TimeSeriesStore.h"
#include "app/session/ConsoleFleet.h"
#include "app/style/ContrastRatio.h"
#include "app/style/StateIconEngine.h"
#include "app/transport/FleetConnections.h"
#include "app/views/ChartsPage.h"
#include "app/views/DetailPanel.h"
#include "app/views/FleetFilterProxy.h"
#include "app/views/FleetStatusStrip.h"
#include "app/views/TimeChartView.h"
#include "app/views/UiLanguage.h"
#include "app/widgets/WindowLayout.h"
#include "app/words/StateNames.h"
#include "tests/console/ConsoleTestSupport.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QIcon>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocalSocket>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTranslator>
#include <QTreeView>

namespace anycast::consoletest {
namespace {

// A row of the window's tree as a person reads it.
struct ShownRow
{
    RowKind kind = RowKind::Region;
    QString name;
    QString key;
    QString endpoint;
    QString word;
    int routing = -1;
    QIcon icon;
    QString tip;
};

void collect(const QAbstractItemModel &tree, const QModelIndex &parent, QList<ShownRow> &rows)
{
    for (int r = 0; r < tree.rowCount(parent); ++r) {
        const QModelIndex name = tree.index(r, int(FleetColumn::Name), parent);
        const QModelIndex state = tree.index(r, int(FleetColumn::State), parent);
        rows.append({static_cast<RowKind>(name.data(ModelRole::RowKindRole).toInt()),
                     name.data().toString(), name.data(ModelRole::KeyRole).toString(),
                     name.data(ModelRole::EndpointRole).toString(), state.data().toString(),
                     name.data(ModelRole::RoutingStateRole).isValid()
                         ? name.data(ModelRole::RoutingStateRole).toInt()
                         : -1,
                     name.data(Qt::DecorationRole).value<QIcon>(),
                     name.data(Qt::ToolTipRole).toString()});
        collect(tree, name, rows);
    }
}

QList<ShownRow> shownRows(const QAbstractItemModel &tree)
{
    QList<ShownRow> rows;
    collect(tree, {}, rows);
    return rows;
}

std::optional<ShownRow> row(const QAbstractItemModel &tree, RowKind kind, const QString &name)
{
    for (const ShownRow &shown : shownRows(tree)) {
        if (shown.kind == kind && shown.name == name)
            return shown;
    }
    return std::nullopt;
}

QStringList names(const QAbstractItemModel &tree)
{
    QStringList all;
    for (const ShownRow &shown : shownRows(tree))
        all.append(shown.name);
    return all;
}

QImage pixels(const QIcon &icon)
{
    return icon.pixmap(QSize(16, 16)).toImage();
}

// One JSON-RPC request on the agent's socket, as anycastctl would send it; the reply's
// result (empty on error or timeout).
QJsonObject call(const QString &socket, const QByteArray &request)
{
    QLocalSocket client;
    client.connectToServer(socket);
    if (!client.waitForConnected(5000))
        return {};
    client.write(request + "\n");
    QJsonObject reply;
    waitFor([&] {
        while (client.canReadLine()) {
            const QJsonObject line = QJsonDocument::fromJson(client.readLine()).object();
            if (line.contains(QStringLiteral("id"))) {
                reply = line;
                return true;
            }
        }
        return false;
    });
    return reply.value(QStringLiteral("result")).toObject();
}

QJsonObject drainNode(const QString &socket)
{
    return call(socket, R"({"jsonrpc":"2.0","id":7,"method":"drain","params":{)"
                        R"("reason":"window test","ticket":"T-13","mode":"immediate"}})");
}

// Two real agents in region "lab", reached through their local sockets, and the window.
class MainWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        for (const QString &node : {QStringLiteral("lab-1"), QStringLiteral("lab-2")}) {
            auto agent = std::make_unique<sshlab::LabAgent>(m_dir.filePath(node), node);
            const QString started = agent->start();
            ASSERT_TRUE(started.isEmpty()) << started.toStdString();
            m_agents.push_back(std::move(agent));
        }
        QFile inventory(inventoryPath());
        ASSERT_TRUE(inventory.open(QIODevice::WriteOnly));
        inventory.write(QStringLiteral("[[node]]\nlocal = \"%1\"\n[[node]]\nlocal = \"%2\"\n")
                            .arg(m_agents[0]->socketPath(), m_agents[1]->socketPath())
                            .toUtf8());
        inventory.close();
        m_connections = std::make_unique<FleetConnections>(m_network);
        m_inventory = std::make_unique<InventoryWatcher>(inventoryPath());
        QObject::connect(
            m_inventory.get(), &InventoryWatcher::inventoryChanged, m_connections.get(),
            [this](const Inventory &, const InventoryDiff &diff) { m_connections->apply(diff); });
        m_fleet.follow(m_connections.get());
        m_window = std::make_unique<MainWindow>(m_fleet.state(), m_fleet.store(), m_inventory.get(),
                                                QString());
        m_window->show();
        ASSERT_TRUE(m_inventory->start()) << m_inventory->error().toStdString();
        // Both nodes report, with routes decided.
        ASSERT_TRUE(waitFor([&] {
            for (const QString &node : {QStringLiteral("lab-1"), QStringLiteral("lab-2")}) {
                const auto shown = row(tree(), RowKind::Node, node);
                if (!shown || shown->routing < 0 ||
                    shown->routing == int(RoutingState::Unreachable))
                    return false;
            }
            return true;
        })) << names(tree()).join(QStringLiteral(", ")).toStdString();
    }

    void TearDown() override
    {
        if (HasFailure()) {
            for (const auto &agent : m_agents)
                std::fprintf(stderr, "--- %s log ---\n%s", qPrintable(agent->node()),
                             qPrintable(agent->log()));
        }
    }

    const QAbstractItemModel &tree() const { return *m_window->fleetTree()->model(); }
    QString inventoryPath() const { return m_dir.filePath(QStringLiteral("fleet.toml")); }

    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/acwin-XXXXXX")};
    std::vector<std::unique_ptr<sshlab::LabAgent>> m_agents;
    SshNetwork m_network;
    std::unique_ptr<FleetConnections> m_connections;
    std::unique_ptr<InventoryWatcher> m_inventory;
    ConsoleFleet m_fleet;
    std::unique_ptr<MainWindow> m_window;
};

TEST_F(MainWindowTest, ADrainOnTheAgentChangesTheNodesWordAndGlyphAndTheRegionOnlyWarns)
{
    const ShownRow before = *row(tree(), RowKind::Node, QStringLiteral("lab-1"));
    EXPECT_FALSE(before.icon.isNull());
    EXPECT_EQ(before.word, StateNames::of(static_cast<RoutingState>(before.routing)));
    EXPECT_TRUE(before.tip.contains(before.word)) << before.tip.toStdString();
    const ShownRow region = *row(tree(), RowKind::Region, QStringLiteral("lab"));
    EXPECT_FALSE(region.icon.isNull());
    EXPECT_FALSE(region.word.isEmpty());
    const auto service = row(tree(), RowKind::Service, QStringLiteral("web"));
    ASSERT_TRUE(service.has_value());
    EXPECT_FALSE(service->icon.isNull());

    QSignalSpy selected(m_window.get(), &MainWindow::targetSelected);
    const QJsonObject drained = drainNode(m_agents[0]->socketPath());
    ASSERT_TRUE(drained.value(QStringLiteral("persisted")).toBool()) << drained.size();

    ASSERT_TRUE(waitFor([&] {
        const auto node = row(tree(), RowKind::Node, QStringLiteral("lab-1"));
        return node && node->routing == int(RoutingState::Drained);
    }));
    const ShownRow after = *row(tree(), RowKind::Node, QStringLiteral("lab-1"));
    EXPECT_EQ(after.word, StateNames::of(RoutingState::Drained));
    EXPECT_TRUE(after.tip.contains(StateNames::of(RoutingState::Drained)))
        << after.tip.toStdString();
    EXPECT_EQ(pixels(after.icon),
              pixels(StateIconEngine::icon(Observation::Reporting, RoutingState::Drained)));
    EXPECT_NE(pixels(after.icon), pixels(before.icon));
    // The other node still announces: the region lost redundancy, a warning, never red.
    ASSERT_TRUE(waitFor([&] {
        const auto lab = row(tree(), RowKind::Region, QStringLiteral("lab"));
        return lab && lab->routing == int(RoutingState::RedundancyLost);
    })) << row(tree(), RowKind::Region, QStringLiteral("lab"))->word.toStdString();
    const ShownRow lab = *row(tree(), RowKind::Region, QStringLiteral("lab"));
    EXPECT_EQ(lab.word, StateNames::of(RoutingState::RedundancyLost));
    EXPECT_NE(lab.routing, int(RoutingState::Withdrawn));
    EXPECT_EQ(
        m_window->fleetModel()->indexOf({QStringLiteral("lab")}).data(ModelRole::LevelRole).toInt(),
        int(RollupLevel::Warning));

    // Selecting the node names it to whoever follows the selection, and the detail panel
    // shows the drain with who, why and the ticket.
    QTreeView &view = *m_window->fleetTree();
    for (const ShownRow &shown : shownRows(tree())) {
        if (shown.kind == RowKind::Node && shown.name == QStringLiteral("lab-1")) {
            const QModelIndexList found =
                tree().match(tree().index(0, 0), ModelRole::EndpointRole, shown.endpoint, 1,
                             Qt::MatchExactly | Qt::MatchRecursive);
            ASSERT_EQ(found.size(), 1);
            view.setCurrentIndex(found.first());
            ASSERT_FALSE(selected.isEmpty());
            EXPECT_EQ(selected.last().at(0).toString(), QStringLiteral("lab"));
            EXPECT_EQ(selected.last().at(1).toString(), shown.endpoint);
            EXPECT_EQ(selected.last().at(2).toString(), QString());
        }
    }
    const QString details = m_window->detailPanel()->text();
    EXPECT_TRUE(details.contains(QStringLiteral("Node lab-1"))) << details.toStdString();
    EXPECT_TRUE(details.contains(QStringLiteral("Drains in force:"))) << details.toStdString();
    EXPECT_TRUE(details.contains(QStringLiteral("window test"))) << details.toStdString();
    EXPECT_TRUE(details.contains(QStringLiteral("ticket T-13"))) << details.toStdString();
    EXPECT_TRUE(details.contains(QStringLiteral("State: drained"))) << details.toStdString();

    // The status strip counts the drain, in words.
    m_window->flush();
    const FleetStatusStrip &strip = *m_window->statusStrip();
    EXPECT_EQ(strip.counts(), FleetCounts::of(*m_fleet.state()));
    EXPECT_EQ(strip.counts().drains, 1);
    EXPECT_EQ(strip.findChild<QLabel *>(QStringLiteral("drainCounts"))->text(),
              QStringLiteral("Drains in force: 1"));
}

TEST_F(MainWindowTest, TheFilterFindsByTextAndStateAndKeepsTheParents)
{
    FleetFilterProxy &filter = *m_window->fleetFilter();
    const int everything = static_cast<int>(shownRows(tree()).size());
    EXPECT_EQ(everything, 5); // lab, two nodes, a service each

    m_window->filterText()->setText(QStringLiteral("lab-2"));
    EXPECT_EQ(names(tree()),
              QStringList({QStringLiteral("lab"), QStringLiteral("lab-2"), QStringLiteral("web")}));
    // A prefix finds the nodes and services that hold it, under their region.
    m_window->filterText()->setText(QStringLiteral("192.0.2.1"));
    EXPECT_EQ(shownRows(tree()).size(), everything);
    m_window->filterText()->setText(QStringLiteral("no such thing"));
    EXPECT_EQ(tree().rowCount(), 0);
    m_window->filterText()->clear();
    EXPECT_EQ(shownRows(tree()).size(), everything);

    ASSERT_TRUE(drainNode(m_agents[1]->socketPath()).value(QStringLiteral("persisted")).toBool());
    ASSERT_TRUE(waitFor([&] {
        const auto node = m_window->fleetModel()->indexOf({QStringLiteral("lab")});
        return node.data(ModelRole::LevelRole).toInt() == int(RollupLevel::Warning) &&
               row(tree(), RowKind::Node, QStringLiteral("lab-2"))->routing ==
                   int(RoutingState::Drained);
    }));
    // "drained" in the state box: the drained node and its region, not the other node.
    QComboBox &states = *m_window->stateFilter();
    states.setCurrentIndex(states.findData(int(RoutingState::Drained)));
    EXPECT_EQ(filter.stateFilter().kind, FleetStateFilter::Kind::Routing);
    QStringList shown = names(tree());
    EXPECT_TRUE(shown.contains(QStringLiteral("lab"))) << shown.join(',').toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("lab-2"))) << shown.join(',').toStdString();
    EXPECT_FALSE(shown.contains(QStringLiteral("lab-1"))) << shown.join(',').toStdString();
    // Problems only: the region (lost redundancy) and the drained node, not the healthy one.
    states.setCurrentIndex(1);
    EXPECT_EQ(filter.stateFilter().kind, FleetStateFilter::Kind::Problems);
    shown = names(tree());
    EXPECT_TRUE(shown.contains(QStringLiteral("lab"))) << shown.join(',').toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("lab-2"))) << shown.join(',').toStdString();
    EXPECT_FALSE(shown.contains(QStringLiteral("lab-1"))) << shown.join(',').toStdString();
    // Text and state together; then "all" and no text show every row again.
    m_window->filterText()->setText(QStringLiteral("lab-1"));
    EXPECT_EQ(tree().rowCount(), 0);
    states.setCurrentIndex(0);
    m_window->filterText()->clear();
    EXPECT_EQ(shownRows(tree()).size(), everything);

    // Sorting stays on the raw values: the State column sorts by the routing state.
    m_window->fleetTree()->sortByColumn(int(FleetColumn::State), Qt::DescendingOrder);
    const QModelIndex region = tree().index(0, 0);
    ASSERT_EQ(tree().rowCount(region), 2);
    EXPECT_EQ(tree().index(0, 0, region).data().toString(), QStringLiteral("lab-2"));
}

// A click on a node's chart opens its details with what it was at that moment: the values
// the chart drew there and its events up to then (a real drain here), above the live facts.
TEST_F(MainWindowTest, AClickOnAChartOpensTheNodesDetailsAtThatMoment)
{
    m_window->addEventViews(m_fleet.events());
    const QString endpoint = QStringLiteral("local:") + m_agents[0]->socketPath();
    ASSERT_TRUE(drainNode(m_agents[0]->socketPath()).value(QStringLiteral("persisted")).toBool());
    ASSERT_TRUE(m_window->showView(QStringLiteral("charts")));
    ChartsPage &charts = *m_window->chartsPage();
    charts.showNode(endpoint);
    // A second after the drain's event for which the chart has a sample, and one more
    // sample after it so that the time axis has moved past it.
    qint64 when = -1;
    ASSERT_TRUE(waitFor([&] {
        const QList<EventEntry> &entries = m_fleet.events()->entries();
        const auto drain =
            std::find_if(entries.begin(), entries.end(), [&](const EventEntry &entry) {
                return entry.origin.endpoint == endpoint && entry.event.kind == u"drain";
            });
        if (drain == entries.end())
            return false;
        const auto points =
            m_fleet.store()->means({SeriesKey::Scope::Node, endpoint, {}},
                                   SeriesMetric::Established, SeriesWindow::FiveMinutes);
        for (qsizetype i = 0; i + 2 < points.size(); ++i) {
            if (qint64(points[i].x()) > drain->time.toMSecsSinceEpoch()) {
                when = qint64(points[i].x()) + 500;
                return true;
            }
        }
        return false;
    }));
    waitFor([] { return false; }, std::chrono::milliseconds(1100)); // the axis moves on
    TimeChartView *states = charts.chartView(ChartsPage::Chart::TcpStates);
    QTest::mouseClick(states->viewport(), Qt::LeftButton, {}, states->pointAt(when));
    const QString text = m_window->detailPanel()->text();
    EXPECT_TRUE(text.startsWith(QStringLiteral("lab-1 from "))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("ESTABLISHED "))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral(" drain: "))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("\n\nNow:\n"))) << text.toStdString();
    EXPECT_TRUE(m_window->findChild<QDockWidget *>(QStringLiteral("detailDock"))->isVisible());

    // Choosing another target in the tree leaves the moment behind.
    m_window->detailPanel()->setTarget(QStringLiteral("lab"), endpoint, {});
    EXPECT_FALSE(m_window->detailPanel()->text().contains(QStringLiteral("Now:")));
}

TEST_F(MainWindowTest, TheStatusStripCountsWhatTheFleetHoldsInWords)
{
    FleetStatusStrip &strip = *m_window->statusStrip();
    strip.recount();
    const FleetCounts counts = FleetCounts::of(*m_fleet.state());
    EXPECT_EQ(strip.counts(), counts);
    EXPECT_EQ(counts.nodes, 2);
    EXPECT_EQ(counts.connected, 2);
    EXPECT_EQ(counts.prefixes, 1);
    EXPECT_EQ(strip.findChild<QLabel *>(QStringLiteral("nodeCounts"))->text(),
              QStringLiteral("Nodes: 2 connected, 0 unreachable"));
    EXPECT_EQ(strip.findChild<QLabel *>(QStringLiteral("drainCounts"))->text(),
              QStringLiteral("No drains in force"));

    m_agents[1]->stop();
    // The strip recounts a moment after the fleet changes, without being told to.
    ASSERT_TRUE(waitFor([&] {
        return strip.counts().unreachable == 1 &&
               strip.counts() == FleetCounts::of(*m_fleet.state());
    }));
    EXPECT_EQ(strip.findChild<QLabel *>(QStringLiteral("nodeCounts"))->text(),
              QStringLiteral("Nodes: 1 connected, 1 unreachable"));
    EXPECT_TRUE(strip.findChild<QLabel *>(QStringLiteral("prefixCounts"))
                    ->text()
                    .startsWith(QStringLiteral("Prefixes: ")));
}

// The window's own pieces, without agents.
class BareWindowTest : public ::testing::Test
{
protected:
    FleetState m_fleet;
    TimeSeriesStore m_series;
    QTemporaryDir m_dir;
};

TEST_F(BareWindowTest, TheLayoutAndViewAreRememberedInTheSettingsFileTheEnvironmentNames)
{
    ASSERT_TRUE(m_dir.isValid());
    const QString ini = m_dir.filePath(QStringLiteral("console.ini"));
    ::setenv(WindowLayout::kFileVariable, qPrintable(ini), 1);
    const std::unique_ptr<QSettings> settings = WindowLayout::open();
    ::unsetenv(WindowLayout::kFileVariable);
    EXPECT_EQ(settings->fileName(), ini);
    {
        MainWindow first(&m_fleet, &m_series, nullptr, QString());
        first.show();
        first.resize(1000, 620);
        ASSERT_TRUE(first.showView(QStringLiteral("map")));
        first.findChild<QDockWidget *>(QStringLiteral("detailDock"))->hide();
        waitFor([] { return false; }, 100ms);
        first.saveLayout(*settings);
    }
    EXPECT_TRUE(QFile::exists(ini));
    MainWindow second(&m_fleet, &m_series, nullptr, QString());
    EXPECT_EQ(second.currentView(), QStringLiteral("fleet"));
    second.restoreLayout(*settings);
    second.show();
    waitFor([] { return false; }, 100ms);
    EXPECT_EQ(second.currentView(), QStringLiteral("map"));
    EXPECT_EQ(second.size(), QSize(1000, 620));
    EXPECT_FALSE(second.findChild<QDockWidget *>(QStringLiteral("detailDock"))->isVisible());

    WindowLayout::reset(*settings);
    MainWindow third(&m_fleet, &m_series, nullptr, QString());
    third.restoreLayout(*settings);
    EXPECT_EQ(third.currentView(), QStringLiteral("fleet"));
}

TEST_F(BareWindowTest, EveryActionHasAShortcutOfItsOwnAndNodeActionsReachEveryMenu)
{
    MainWindow window(&m_fleet, &m_series, nullptr, QString());
    EventLog events;
    window.addEventViews(&events);
    auto *drain = new QAction(QStringLiteral("Drain"), &window);
    drain->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    window.addNodeActions({drain});
    EXPECT_TRUE(window.nodeMenu()->isEnabled());
    EXPECT_TRUE(window.nodeMenu()->actions().contains(drain));
    EXPECT_TRUE(window.contextActions().contains(drain));
    EXPECT_TRUE(
        window.findChild<QToolBar *>(QStringLiteral("mainToolBar"))->actions().contains(drain));

    QHash<QString, QString> owners;
    int actions = 0;
    for (QAction *menu : window.menuBar()->actions()) {
        ASSERT_NE(menu->menu(), nullptr);
        for (QAction *action : menu->menu()->actions()) {
            if (action->isSeparator())
                continue;
            ++actions;
            const QString keys = action->shortcut().toString();
            EXPECT_FALSE(keys.isEmpty()) << action->text().toStdString() << " has no shortcut";
            EXPECT_FALSE(owners.contains(keys))
                << keys.toStdString() << " opens both " << owners.value(keys).toStdString()
                << " and " << action->text().toStdString();
            owners.insert(keys, action->text());
        }
    }
    // Quit, four views, find, refresh, details, events, drain.
    EXPECT_EQ(actions, 10);
    EXPECT_EQ(owners.value(QKeySequence(QKeySequence::Find).toString()),
              QStringLiteral("F&ind in Fleet"));
    EXPECT_EQ(owners.value(QStringLiteral("Ctrl+2")), QStringLiteral("&Map"));

    // Ctrl+2 as a person presses it opens the map; Find focuses the filter on the fleet view.
    window.show();
    window.findChild<QAction *>(QStringLiteral("mapViewAction"))->trigger();
    EXPECT_EQ(window.currentView(), QStringLiteral("map"));
    window.findChild<QAction *>(QStringLiteral("findAction"))->trigger();
    EXPECT_EQ(window.currentView(), QStringLiteral("fleet"));
}

TEST_F(BareWindowTest, TheDarkPaletteIsFollowedAndTheGlyphsStayLegibleOnIt)
{
    const QPalette original = QApplication::palette();
    QPalette dark = original;
    dark.setColor(QPalette::Window, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::WindowText, QColor(0xEE, 0xEE, 0xEE));
    dark.setColor(QPalette::Base, QColor(0x2A, 0x2A, 0x2A));
    dark.setColor(QPalette::AlternateBase, QColor(0x42, 0x42, 0x42));
    dark.setColor(QPalette::Text, QColor(0xEE, 0xEE, 0xEE));
    QApplication::setPalette(dark);
    {
        MainWindow window(&m_fleet, &m_series, nullptr, QString());
        window.show();
        const QPalette used = window.fleetTree()->palette();
        EXPECT_EQ(used.color(QPalette::Base), dark.color(QPalette::Base));
        // The state words are drawn in the palette's text colour.
        EXPECT_GE(ContrastRatio::between(used.color(QPalette::Text), used.color(QPalette::Base)),
                  4.5);
        EXPECT_GE(
            ContrastRatio::between(used.color(QPalette::Text), used.color(QPalette::AlternateBase)),
            4.5);
        for (int state = 0; state < kRoutingStateCount; ++state) {
            const QColor fill = StateStyle::fill(static_cast<RoutingState>(state));
            EXPECT_GE(ContrastRatio::between(fill, used.color(QPalette::Base)), 3.0)
                << StateNames::of(static_cast<RoutingState>(state)).toStdString();
        }
    }
    QApplication::setPalette(original);
    // On the light palette the glyphs' dark outline carries the contrast.
    EXPECT_GE(ContrastRatio::between(StateStyle::outline(), original.color(QPalette::Base)), 3.0);
}

TEST(MainWindowLanguage, GermanIsLoadedByCodeAndAnUnknownCodeIsRefused)
{
    QTranslator german;
    ASSERT_EQ(UiLanguage::load(german, QStringLiteral("de"), QStringLiteral(ANYCAST_QM_DIR)),
              QString());
    ASSERT_TRUE(QCoreApplication::installTranslator(&german));
    {
        FleetState fleet;
        TimeSeriesStore series;
        MainWindow window(&fleet, &series, nullptr, QString());
        EXPECT_EQ(window.windowTitle(), QStringLiteral("Anycast-Konsole"));
        EXPECT_EQ(window.menuBar()->actions().value(1)->text(), QStringLiteral("&Ansicht"));
    }
    QCoreApplication::removeTranslator(&german);

    QTranslator unknown;
    EXPECT_TRUE(UiLanguage::load(unknown, QStringLiteral("xx"), QStringLiteral(ANYCAST_QM_DIR))
                    .startsWith(QStringLiteral("no user interface language \"xx\"")));
    EXPECT_TRUE(unknown.isEmpty());

    QProcess console;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    console.setProcessEnvironment(environment);
    console.start(QStringLiteral(ANYCAST_BIN_DIR "/anycast-console"),
                  {QStringLiteral("--lang"), QStringLiteral("xx")});
    ASSERT_TRUE(console.waitForFinished(30000));
    EXPECT_EQ(console.exitCode(), 64);
    EXPECT_TRUE(console.readAllStandardError().contains("no user interface language \"xx\""));
}

} // namespace
} // namespace anycast::consoletest
