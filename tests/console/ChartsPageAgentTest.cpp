// The region charts against real agents: two anycast-agent processes in region "lab" on
// their Unix sockets, the console's real sessions and store, the charts page offscreen. Real
// TCP connections to an agent's service make its ESTABLISHED count move.
#include "app/models/SeriesLookup.h"
#include "app/session/ConsoleFleet.h"
#include "app/views/ChartsPage.h"
#include "app/views/TimeChartView.h"
#include "tests/console/ConsoleTestSupport.h"
#include "tests/sshlab/LabAgent.h"

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QFontMetricsF>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QLabel>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTcpSocket>
#include <QTest>
#include <QToolButton>
#include <QValueAxis>

#include <map>

namespace anycast::consoletest {
namespace {

constexpr std::array<SeriesMetric, 8> kDrawnMetrics = {
    SeriesMetric::Established,    SeriesMetric::SynRecv,     SeriesMetric::TimeWait,
    SeriesMetric::CloseWait,      SeriesMetric::OtherStates, SeriesMetric::AcceptQueueFill,
    SeriesMetric::RetransmitRate, SeriesMetric::ProbeLatency};

void spinFor(std::chrono::milliseconds duration)
{
    waitFor([] { return false; }, duration);
}

class ChartsPageAgentTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        for (const QString &name : {QStringLiteral("chart-1"), QStringLiteral("chart-2")}) {
            const QString folder = m_dir.filePath(name);
            auto agent = std::make_unique<sshlab::LabAgent>(folder, name);
            const QString problem = agent->start();
            ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
            const QString endpoint = QStringLiteral("local:") + agent->socketPath();
            m_fleet.addLocalAgent(agent->socketPath());
            // Every sample the store gets, as the agent sent it, from the first backfill on.
            QObject::connect(m_fleet.session(endpoint), &NodeSession::seriesReceived,
                             [this](const QString &from, const QList<SamplePoint> &samples) {
                                 m_received[from].append(samples);
                             });
            m_endpoints.append(endpoint);
            m_agents.push_back(std::move(agent));
        }
        ASSERT_TRUE(waitFor([&] {
            for (const QString &endpoint : m_endpoints) {
                if (store().means(node(endpoint), SeriesMetric::Established, kFive).isEmpty() ||
                    store().nodesIn(QStringLiteral("lab")).size() != m_endpoints.size())
                    return false;
            }
            return true;
        }));
    }

    void TearDown() override
    {
        m_connections.clear();
        if (HasFailure()) {
            for (const auto &agent : m_agents)
                std::fprintf(stderr, "--- %s ---\n%s", qPrintable(agent->node()),
                             qPrintable(agent->log()));
        }
    }

    static constexpr SeriesWindow kFive = SeriesWindow::FiveMinutes;
    static SeriesKey node(const QString &endpoint)
    {
        return {SeriesKey::Scope::Node, endpoint, {}};
    }
    const TimeSeriesStore &store() { return *m_fleet.store(); }

    // Opens `count` real TCP connections to the agent's service and keeps them open.
    void connectTo(int agent, int count)
    {
        for (int i = 0; i < count; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, m_agents[agent]->servicePort());
            ASSERT_TRUE(socket->waitForConnected(5000)) << socket->errorString().toStdString();
            m_connections.push_back(std::move(socket));
        }
    }

    // The ESTABLISHED count of `endpoint` in each 1 s bucket, averaged over the samples the
    // agent sent for it, as the 5-minute chart should draw it.
    std::map<qint64, double> expectedEstablished(const QString &endpoint) const
    {
        std::map<qint64, std::pair<double, int>> sums;
        for (const SamplePoint &sample : m_received.value(endpoint)) {
            double established = 0;
            for (const ServiceSample &service : sample.services)
                established += double(service.stats.states[TcpState::Established]);
            auto &[sum, count] = sums[sample.time.toMSecsSinceEpoch() / 1000 * 1000];
            sum += established;
            ++count;
        }
        std::map<qint64, double> means;
        for (const auto &[bucket, sum] : sums)
            means[bucket] = sum.first / sum.second;
        return means;
    }

    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/acch-XXXXXX")};
    std::vector<std::unique_ptr<sshlab::LabAgent>> m_agents;
    ConsoleFleet m_fleet;
    QStringList m_endpoints;
    QHash<QString, QList<SamplePoint>> m_received;
    std::vector<std::unique_ptr<QTcpSocket>> m_connections;
};

QList<QPointF> pointsOf(const ChartsPage &page, SeriesMetric metric)
{
    return page.series(metric)->points();
}

TEST_F(ChartsPageAgentTest, LiveSamplesReachTheNodeChartInOneReplacePerSeriesPerRebuild)
{
    ChartsPage page(m_fleet.state(), m_fleet.store());
    page.resize(1200, 800);
    QXYSeries *established = page.series(SeriesMetric::Established);
    QSignalSpy replaced(established, &QXYSeries::pointsReplaced);
    QSignalSpy appended(established, &QXYSeries::pointAdded);
    page.showNode(m_endpoints[0]);
    page.show();
    connectTo(0, 3);
    const int rebuildsBefore = page.rebuildCount();
    QElapsedTimer elapsed;
    elapsed.start();
    // Several seconds of the agent seeing the three connections.
    ASSERT_TRUE(waitFor([&] {
        int seen = 0;
        for (const QPointF &point : established->points())
            seen += point.y() >= 3 ? 1 : 0;
        return seen >= 4;
    })) << "points: "
        << established->points().size();

    // Every point matches the mean of the agent's samples in its second; the newest bucket may
    // still have been filling when it was drawn, so it is left out.
    const auto expected = expectedEstablished(m_endpoints[0]);
    const QList<QPointF> drawn = established->points();
    ASSERT_GE(drawn.size(), 5);
    int compared = 0;
    int nonZero = 0;
    for (qsizetype i = 0; i + 1 < drawn.size(); ++i) {
        const auto bucket = static_cast<qint64>(drawn[i].x());
        const auto found = expected.find(bucket);
        ASSERT_NE(found, expected.end()) << "a point at " << bucket << " with no sample";
        EXPECT_NEAR(drawn[i].y(), found->second, 1e-3) << "bucket " << bucket;
        ++compared;
        nonZero += drawn[i].y() >= 3 ? 1 : 0;
    }
    EXPECT_GE(compared, 4);
    EXPECT_GE(nonZero, 3);

    // Updated by replace() only, once per series per rebuild, at most once a second.
    EXPECT_EQ(appended.count(), 0);
    EXPECT_EQ(replaced.count(), page.updater().replaceCount(established));
    const int rebuilds = page.rebuildCount() - rebuildsBefore;
    EXPECT_GE(rebuilds, 2);
    EXPECT_LE(rebuilds, elapsed.elapsed() / 1000 + 1);
    for (const SeriesMetric metric : kDrawnMetrics)
        EXPECT_EQ(page.updater().replaceCount(page.series(metric)), page.rebuildCount())
            << int(metric);

    // The lab agents have no probe: the latency chart says so instead of drawing zeros; the
    // accept queue (backlog from sock_diag) is drawn.
    EXPECT_TRUE(pointsOf(page, SeriesMetric::ProbeLatency).isEmpty());
    EXPECT_FALSE(page.chartView(ChartsPage::Chart::ProbeLatency)->noData().isEmpty());
    EXPECT_FALSE(pointsOf(page, SeriesMetric::AcceptQueueFill).isEmpty());
    EXPECT_TRUE(page.chartView(ChartsPage::Chart::AcceptQueue)->noData().isEmpty());
    EXPECT_TRUE(page.chartView(ChartsPage::Chart::TcpStates)->noData().isEmpty());

    const QString png = QStringLiteral(ANYCAST_BUILD_DIR "/console-charts-node.png");
    EXPECT_TRUE(page.grab().save(png, "PNG"));
}

TEST_F(ChartsPageAgentTest, AHiddenPageReceivesSamplesButReplacesNothingUntilShown)
{
    QTabWidget tabs;
    tabs.addTab(new QLabel(QStringLiteral("another view")), QStringLiteral("other"));
    auto *page = new ChartsPage(m_fleet.state(), m_fleet.store());
    tabs.addTab(page, QStringLiteral("charts"));
    tabs.resize(1000, 700);
    tabs.show();
    ASSERT_EQ(tabs.currentIndex(), 0);
    std::vector<std::unique_ptr<QSignalSpy>> spies;
    for (const SeriesMetric metric : kDrawnMetrics)
        spies.push_back(
            std::make_unique<QSignalSpy>(page->series(metric), &QXYSeries::pointsReplaced));
    const quint64 revision =
        store().revision({SeriesKey::Scope::Region, QStringLiteral("lab"), {}});
    spinFor(2500ms);
    // Samples arrived (the store moved), the page only knows it is stale.
    EXPECT_GT(store().revision({SeriesKey::Scope::Region, QStringLiteral("lab"), {}}), revision);
    EXPECT_TRUE(page->isStale());
    EXPECT_EQ(page->rebuildCount(), 0);
    EXPECT_EQ(page->updater().totalReplaceCount(), 0);
    for (const auto &spy : spies)
        EXPECT_EQ(spy->count(), 0);

    // Shown: one rebuild at once, one replace() per series, on the first region.
    tabs.setCurrentWidget(page);
    EXPECT_EQ(page->rebuildCount(), 1);
    EXPECT_EQ(page->scope().key, QStringLiteral("lab"));
    for (const auto &spy : spies)
        EXPECT_EQ(spy->count(), 1);
    EXPECT_FALSE(pointsOf(*page, SeriesMetric::Established).isEmpty());

    // While shown, at most one rebuild a second, each one replace() per series.
    QElapsedTimer shown;
    shown.start();
    spinFor(3500ms);
    const int rebuilds = page->rebuildCount();
    EXPECT_GE(rebuilds, 3);
    EXPECT_LE(rebuilds, 1 + shown.elapsed() / 1000);
    for (const auto &spy : spies)
        EXPECT_EQ(spy->count(), rebuilds);

    // Hidden again: nothing more.
    tabs.setCurrentIndex(0);
    spinFor(2000ms);
    EXPECT_EQ(page->rebuildCount(), rebuilds);
    EXPECT_TRUE(page->isStale());
    for (const auto &spy : spies)
        EXPECT_EQ(spy->count(), rebuilds);
}

TEST_F(ChartsPageAgentTest, ARegionChartIsTheSumOfItsNodes)
{
    connectTo(0, 2);
    connectTo(1, 1);
    const auto secondsWith = [&](int agent, double least) {
        int seconds = 0;
        for (const QPointF &point :
             store().means(node(m_endpoints[agent]), SeriesMetric::Established, kFive))
            seconds += point.y() >= least ? 1 : 0;
        return seconds;
    };
    ASSERT_TRUE(waitFor([&] { return secondsWith(0, 2) >= 5 && secondsWith(1, 1) >= 5; }));
    ChartsPage page(m_fleet.state(), m_fleet.store());
    page.resize(1000, 700);
    page.show();
    std::array<std::map<qint64, double>, 3> shown; // node 1, node 2, region
    std::array<std::map<qint64, double>, 3> totals;
    for (int view = 0; view < 3; ++view) {
        if (view < 2)
            page.showNode(m_endpoints[view]);
        else
            page.showRegion(QStringLiteral("lab"));
        for (const QPointF &point : pointsOf(page, SeriesMetric::Established))
            shown[view][qint64(point.x())] = point.y();
        for (const QPointF &point : pointsOf(page, SeriesMetric::OtherStates))
            totals[view][qint64(point.x())] = point.y();
    }
    // The newest two seconds may have filled between the three reads.
    qint64 newest = 0;
    for (const auto &[bucket, value] : shown[2])
        newest = std::max(newest, bucket);
    int compared = 0;
    int withConnections = 0;
    for (const auto &[bucket, value] : shown[2]) {
        if (bucket >= newest - 1000 || !shown[0].count(bucket) || !shown[1].count(bucket))
            continue;
        EXPECT_NEAR(value, shown[0][bucket] + shown[1][bucket], 1e-3) << bucket;
        // The top of the stack: every state summed, the region's too.
        EXPECT_NEAR(totals[2][bucket], totals[0][bucket] + totals[1][bucket], 1e-3) << bucket;
        ++compared;
        withConnections += shown[0][bucket] >= 2 && shown[1][bucket] >= 1 ? 1 : 0;
    }
    EXPECT_GE(compared, 3);
    EXPECT_GE(withConnections, 3);
}

TEST_F(ChartsPageAgentTest, TheWindowButtonsSetTheTimeAxisRange)
{
    ChartsPage page(m_fleet.state(), m_fleet.store());
    page.resize(1000, 700);
    page.show();
    const auto span = [&] {
        const QDateTimeAxis *axis = page.chartView(ChartsPage::Chart::TcpStates)->timeAxis();
        return axis->min().msecsTo(axis->max());
    };
    const auto button = [&](const QString &text) {
        for (QToolButton *b : page.findChildren<QToolButton *>()) {
            if (b->text() == text)
                return b;
        }
        return static_cast<QToolButton *>(nullptr);
    };
    EXPECT_EQ(span(), 5 * 60 * 1000);
    ASSERT_TRUE(button(QStringLiteral("&60 min")));
    QTest::mouseClick(button(QStringLiteral("&60 min")), Qt::LeftButton);
    EXPECT_EQ(page.timeWindow(), SeriesWindow::SixtyMinutes);
    EXPECT_EQ(span(), 60 * 60 * 1000);
    QTest::mouseClick(button(QStringLiteral("&15 min")), Qt::LeftButton);
    EXPECT_EQ(span(), 15 * 60 * 1000);
    // Every small multiple shows the same range, ending now.
    for (int chart = 0; chart < ChartsPage::kChartCount; ++chart) {
        const QDateTimeAxis *axis =
            page.chartView(static_cast<ChartsPage::Chart>(chart))->timeAxis();
        EXPECT_EQ(axis->min().msecsTo(axis->max()), 15 * 60 * 1000);
        EXPECT_LE(std::abs(axis->max().msecsTo(QDateTime::currentDateTime())), 3000);
    }
    // The points follow the window: 3 s buckets.
    const QList<QPointF> points = pointsOf(page, SeriesMetric::Established);
    ASSERT_FALSE(points.isEmpty());
    for (const QPointF &point : points)
        EXPECT_EQ(qint64(point.x()) % 3000, 0);
}

// Small multiples that stay readable in a short page: one time axis under the last chart,
// every plot spanning the same x, and no more value ticks than the plot has room to label.
TEST_F(ChartsPageAgentTest, AShortPageSharesOneTimeAxisAndFitsItsValueTicks)
{
    connectTo(1, 3);
    ChartsPage page(m_fleet.state(), m_fleet.store());
    page.resize(900, 380);
    page.show();
    page.showRegion(QStringLiteral("lab"));
    // Data and a rebuild, so that the value axes have their ranges.
    ASSERT_TRUE(waitFor([&] { return !pointsOf(page, SeriesMetric::Established).isEmpty(); }));
    spinFor(1100ms);
    const TimeChartView *last = page.chartView(ChartsPage::Chart::ProbeLatency);
    std::vector<int> ticks;
    for (int index = 0; index < ChartsPage::kChartCount; ++index) {
        const auto chart = static_cast<ChartsPage::Chart>(index);
        const TimeChartView *view = page.chartView(chart);
        EXPECT_EQ(view->timeAxis()->labelsVisible(), view == last) << "chart " << index;
        EXPECT_NEAR(view->chart()->plotArea().left(), last->chart()->plotArea().left(), 1.0)
            << "chart " << index;
        EXPECT_NEAR(view->chart()->plotArea().right(), last->chart()->plotArea().right(), 1.0)
            << "chart " << index;
        const int count = view->valueAxis()->tickCount();
        ticks.push_back(count);
        const qreal line = QFontMetricsF(view->valueAxis()->labelsFont()).height();
        EXPECT_GE(count, 2) << "chart " << index;
        if (count > 2) {
            EXPECT_GE(view->chart()->plotArea().height(), line * 1.3 * (count - 1))
                << "chart " << index << ": " << count << " ticks in "
                << view->chart()->plotArea().height() << " px";
        }
    }
    // Taller again: the states chart gets its six ticks back.
    page.resize(900, 1400);
    ASSERT_TRUE(waitFor([&] {
        return page.chartView(ChartsPage::Chart::TcpStates)->valueAxis()->tickCount() == 6;
    })) << "ticks at 380 px: "
        << ticks[0] << " " << ticks[1] << " " << ticks[2] << " " << ticks[3];
    EXPECT_LT(ticks[0], 6) << "a 380 px page is too short for six labels on the states chart";
}

TEST_F(ChartsPageAgentTest, ALongerWindowAsksForItsNodesHistoryOnce)
{
    ChartsPage page(m_fleet.state(), m_fleet.store());
    QSignalSpy wanted(&page, &ChartsPage::historyWanted);
    page.resize(1000, 700);
    page.show();
    page.showRegion(QStringLiteral("lab"));
    ASSERT_TRUE(waitFor([&] { return !wanted.isEmpty(); }));
    QStringList nodes = wanted.last().at(0).toStringList();
    nodes.sort();
    QStringList expected = m_endpoints;
    expected.sort();
    EXPECT_EQ(nodes, expected) << "the region's nodes";
    EXPECT_EQ(wanted.last().at(1).toLongLong(), 300);

    page.setTimeWindow(SeriesWindow::SixtyMinutes);
    ASSERT_TRUE(waitFor([&] { return wanted.last().at(1).toLongLong() == 3600; }));
    const qsizetype asked = wanted.size();
    page.refresh();
    QTest::qWait(1200); // a tick's rebuild asks nothing new
    EXPECT_EQ(wanted.size(), asked);

    page.showNode(m_endpoints.first());
    ASSERT_TRUE(waitFor([&] { return wanted.size() > asked; }));
    EXPECT_EQ(wanted.last().at(0).toStringList(), QStringList{m_endpoints.first()});
    EXPECT_EQ(wanted.last().at(1).toLongLong(), 3600);
    // What the console wires it to: the session raises the rest of its hour to Demand.
    m_fleet.ensureHistory({m_endpoints.first()}, std::chrono::seconds(3600));
}

TEST_F(ChartsPageAgentTest, MarkersOfTheShownNodesAreDrawnAsLines)
{
    ChartsPage page(m_fleet.state(), m_fleet.store());
    page.resize(1000, 700);
    page.show();
    page.showRegion(QStringLiteral("lab"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    page.setMarkers({
        {now.addSecs(-60), ChartMarker::Kind::Drain, QStringLiteral("drain chart-1"),
         m_endpoints[0]},
        {now.addSecs(-30), ChartMarker::Kind::Route, QStringLiteral("withdrawn 192.0.2.1/32"), {}},
        {now.addSecs(-20), ChartMarker::Kind::Undrain, QStringLiteral("elsewhere"),
         QStringLiteral("local:/elsewhere.sock")},
        {now.addSecs(-2 * 3600), ChartMarker::Kind::Drain, QStringLiteral("too old"),
         m_endpoints[1]},
    });
    page.refresh();
    TimeChartView *states = page.chartView(ChartsPage::Chart::TcpStates);
    const auto labels = [&](TimeChartView *view) {
        QStringList drawn;
        for (const ChartMarker &marker : view->markers().drawn())
            drawn.append(marker.label);
        return drawn;
    };
    EXPECT_EQ(labels(states), (QStringList{QStringLiteral("drain chart-1"),
                                           QStringLiteral("withdrawn 192.0.2.1/32")}));
    // In the scene: one line per marker on every chart, dashed for the drain, dotted for the
    // route change.
    const auto lines = [&](TimeChartView *view) {
        QList<Qt::PenStyle> styles;
        for (QGraphicsItem *item : view->scene()->items()) {
            if (auto *line = dynamic_cast<QGraphicsLineItem *>(item)) {
                if (line->pen().style() != Qt::SolidLine)
                    styles.append(line->pen().style());
            }
        }
        std::sort(styles.begin(), styles.end());
        return styles;
    };
    for (int chart = 0; chart < ChartsPage::kChartCount; ++chart) {
        EXPECT_EQ(lines(page.chartView(static_cast<ChartsPage::Chart>(chart))),
                  (QList<Qt::PenStyle>{Qt::DashLine, Qt::DotLine}))
            << chart;
    }
    EXPECT_TRUE(
        page.grab().save(QStringLiteral(ANYCAST_BUILD_DIR "/console-charts-markers.png"), "PNG"));
    // On the other node's chart, only the fleet-wide one.
    page.showNode(m_endpoints[1]);
    EXPECT_EQ(labels(states), QStringList{QStringLiteral("withdrawn 192.0.2.1/32")});
}

TEST_F(ChartsPageAgentTest, AClickOnTheRegionChartAsksForTheNodeContributingMost)
{
    connectTo(1, 3);
    ChartsPage page(m_fleet.state(), m_fleet.store());
    page.resize(1200, 800);
    page.show();
    page.showRegion(QStringLiteral("lab"));
    QSignalSpy requested(&page, &ChartsPage::nodeAtTimeRequested);
    // A second (not the newest, which may end after the axis) in which chart-2 had its three
    // connections and chart-1 fewer.
    qint64 when = -1;
    ASSERT_TRUE(waitFor([&] {
        const auto two = store().means(node(m_endpoints[1]), SeriesMetric::Established, kFive);
        const auto one = store().means(node(m_endpoints[0]), SeriesMetric::Established, kFive);
        for (qsizetype i = 0; i + 1 < two.size(); ++i) {
            const auto other = valueAt(one, qint64(two[i].x()), 1000);
            if (two[i].y() >= 3 && other && *other < two[i].y())
                when = qint64(two[i].x()) + 500;
        }
        return when > 0;
    }));
    spinFor(1100ms); // a rebuild that moves the time axis past it
    TimeChartView *states = page.chartView(ChartsPage::Chart::TcpStates);
    const QPoint at = states->pointAt(when);
    QTest::mouseClick(states->viewport(), Qt::LeftButton, {}, at);
    ASSERT_EQ(requested.count(), 1);
    EXPECT_EQ(requested[0][0].toString(), m_endpoints[1]);
    // Pixels are coarser than milliseconds: the time asked for is that of the pixel clicked.
    EXPECT_LE(std::abs(requested[0][1].toDateTime().toMSecsSinceEpoch() - when), 2000);

    // On a node's chart, that node whatever its share.
    page.showNode(m_endpoints[0]);
    QTest::mouseClick(states->viewport(), Qt::LeftButton, {}, states->pointAt(when));
    ASSERT_EQ(requested.count(), 2);
    EXPECT_EQ(requested[1][0].toString(), m_endpoints[0]);
}

} // namespace
} // namespace anycast::consoletest
