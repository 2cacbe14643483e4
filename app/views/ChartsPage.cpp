#include "app/views/ChartsPage.h"

#include "app/models/FleetState.h"
#include "app/models/SeriesLookup.h"
#include "app/models/SeriesStacking.h"
#include "app/views/TimeChartView.h"

#include <QAreaSeries>
#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWindow>

#include <algorithm>
#include <limits>

namespace anycast {
namespace {

constexpr int kRebuildIntervalMs = 1000;
constexpr int kScopeRole = Qt::UserRole;
constexpr int kKeyRole = Qt::UserRole + 1;

// Okabe-Ito colours other than those of the routing states (announced, de-preferred,
// draining, withdrawn), so that a band is never read as a state; each band also has its own
// fill pattern and its name in the legend.
struct Band
{
    const char *colour;
    Qt::BrushStyle pattern;
};
constexpr std::array<Band, ChartsPage::kStateMetrics.size()> kBands = {{
    {"#0072B2", Qt::SolidPattern},  // ESTABLISHED
    {"#E69F00", Qt::Dense3Pattern}, // SYN_RECV
    {"#56B4E9", Qt::BDiagPattern},  // TIME_WAIT
    {"#CC79A7", Qt::CrossPattern},  // CLOSE_WAIT
    {"#999999", Qt::Dense5Pattern}, // other
}};

QString stateName(SeriesMetric metric)
{
    switch (metric) {
    case SeriesMetric::Established:
        //: TCP state as the kernel names it.
        return ChartsPage::tr("ESTABLISHED");
    case SeriesMetric::SynRecv:
        //: TCP state as the kernel names it.
        return ChartsPage::tr("SYN_RECV");
    case SeriesMetric::TimeWait:
        //: TCP state as the kernel names it.
        return ChartsPage::tr("TIME_WAIT");
    case SeriesMetric::CloseWait:
        //: TCP state as the kernel names it.
        return ChartsPage::tr("CLOSE_WAIT");
    default:
        //: Every other TCP state but LISTEN.
        return ChartsPage::tr("other");
    }
}

// The metric a click on a chart looks at to pick a region's node.
SeriesMetric clickMetric(ChartsPage::Chart chart)
{
    switch (chart) {
    case ChartsPage::Chart::TcpStates:
        return SeriesMetric::Established;
    case ChartsPage::Chart::AcceptQueue:
        return SeriesMetric::AcceptQueueFill;
    case ChartsPage::Chart::Retransmissions:
        return SeriesMetric::RetransmitRate;
    case ChartsPage::Chart::ProbeLatency:
        return SeriesMetric::ProbeLatency;
    }
    return SeriesMetric::Established;
}

QLineSeries *lineSeries(const QString &name, const QColor &colour)
{
    auto *series = new QLineSeries;
    series->setName(name);
    QPen pen(colour, 2);
    series->setPen(pen);
    return series;
}

double largest(const QList<QPointF> &points)
{
    double most = 0;
    for (const QPointF &point : points)
        most = std::max(most, point.y());
    return most;
}

} // namespace

ChartsPage::ChartsPage(const FleetState *fleet, const TimeSeriesStore *store, QWidget *parent,
                       Clock clock)
    : QWidget(parent)
    , m_fleet(fleet)
    , m_store(store)
    , m_clock(clock ? std::move(clock) : [] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_selector(new QComboBox(this))
    , m_windows(new QButtonGroup(this))
{
    auto *controls = new QHBoxLayout;
    //: Label of the charts' selector of a region or a node.
    auto *showLabel = new QLabel(tr("&Show:"), this);
    showLabel->setBuddy(m_selector);
    // Long region names and longer translations must not widen the window: the list opens
    // as wide as it needs, the box stays at about 24 characters.
    m_selector->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_selector->setMinimumContentsLength(24);
    controls->addWidget(showLabel);
    controls->addWidget(m_selector);
    controls->addSpacing(16);
    //: Label of the charts' time window buttons.
    controls->addWidget(new QLabel(tr("Window:"), this));
    const std::array<std::pair<SeriesWindow, QString>, kSeriesWindowCount> windows = {{
        //: Charts' time window; Alt+5 chooses it.
        {SeriesWindow::FiveMinutes, tr("&5 min")},
        //: Charts' time window; Alt+1 chooses it.
        {SeriesWindow::FifteenMinutes, tr("&15 min")},
        //: Charts' time window; Alt+6 chooses it.
        {SeriesWindow::SixtyMinutes, tr("&60 min")},
    }};
    for (const auto &[window, text] : windows) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setCheckable(true);
        button->setChecked(window == m_window);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_windows->addButton(button, int(window));
        controls->addWidget(button);
    }
    controls->addSpacing(16);
    //: Key to the markers on the charts' time axis; the glyphs are drawn on the markers.
    auto *key = new QLabel(tr("Markers: ▼ drain   ▲ undrain   ◆ route change"), this);
    key->setWordWrap(true);
    controls->addWidget(key, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    buildCharts();
    layout->addWidget(chartView(Chart::TcpStates), 2);
    layout->addWidget(chartView(Chart::AcceptQueue), 1);
    layout->addWidget(chartView(Chart::Retransmissions), 1);
    layout->addWidget(chartView(Chart::ProbeLatency), 1);
    // One time axis, under the last chart: the plot areas are aligned, so the others share
    // its times, and the height their labels took goes to the plots.
    for (const Chart chart : {Chart::TcpStates, Chart::AcceptQueue, Chart::Retransmissions})
        chartView(chart)->timeAxis()->setLabelsVisible(false);

    connect(m_windows, &QButtonGroup::idClicked, this,
            [this](int id) { setTimeWindow(static_cast<SeriesWindow>(id)); });
    connect(m_selector, &QComboBox::activated, this, [this](int row) {
        showScope({static_cast<SeriesKey::Scope>(m_selector->itemData(row, kScopeRole).toInt()),
                   m_selector->itemData(row, kKeyRole).toString(),
                   {}});
    });
    // The node list changes rarely; it is read again at the next rebuild.
    connect(m_fleet, &FleetState::nodeAdded, this, [this] { m_selectorStale = true; });
    connect(m_fleet, &FleetState::nodeRemoved, this, [this] { m_selectorStale = true; });
    connect(m_fleet, &FleetState::nodeChanged, this,
            [this](const QString &, FleetState::Aspects aspects) {
                if (aspects & FleetState::IdentityAspect)
                    m_selectorStale = true;
            });
    m_timer.setInterval(kRebuildIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ChartsPage::tick);
}

ChartsPage::~ChartsPage() = default;

void ChartsPage::buildCharts()
{
    const auto make = [this](Chart chart, const QString &title, const QString &unit,
                             bool labelled) {
        auto *view = new TimeChartView(title, unit, labelled, this);
        m_views[std::size_t(chart)] = view;
        connect(view, &TimeChartView::timeClicked, this,
                [this, chart](qint64 ms) { clicked(chart, ms); });
        view->setHoverText([this, chart](qint64 ms) { return hoverText(chart, ms); });
        return view;
    };
    //: Chart title.
    TimeChartView *states = make(Chart::TcpStates, tr("TCP connections by state (stacked)"),
                                 //: Unit of a chart's y axis.
                                 tr("connections"), true);
    QLineSeries *below = nullptr;
    for (std::size_t i = 0; i < kStateMetrics.size(); ++i) {
        const QColor colour(QLatin1String(kBands[i].colour));
        m_stateEdges[i] = new QLineSeries(this);
        auto *area = new QAreaSeries(m_stateEdges[i], below);
        area->setName(stateName(kStateMetrics[i]));
        QColor fill = colour;
        area->setBrush(QBrush(fill, kBands[i].pattern));
        area->setPen(QPen(colour.darker(130), 1));
        m_stateAreas[i] = area;
        states->addSeries(area);
        below = m_stateEdges[i];
    }
    // Above the plot, not beside it: every small multiple then has the same plot width, and
    // a time sits at the same x in all four.
    states->chart()->legend()->setAlignment(Qt::AlignTop);
    states->chart()->legend()->setShowToolTips(true);

    const auto single = [&](Chart chart, const QString &title, const QString &unit,
                            const char *colour) {
        TimeChartView *view = make(chart, title, unit, false);
        QLineSeries *series = lineSeries(title, QColor(QLatin1String(colour)));
        view->addSeries(series);
        view->chart()->legend()->hide();
        // Low charts: 0, half and the maximum.
        view->setValueTicks(3);
        return series;
    };
    //: Chart title.
    m_queue = single(Chart::AcceptQueue,
                     tr("Accept queue fill of the fullest listener, % of its backlog"),
                     //: Unit of a chart's y axis.
                     tr("%"), "#0072B2");
    //: Chart title.
    m_retransmits = single(Chart::Retransmissions, tr("TCP retransmissions per second"),
                           //: Unit of a chart's y axis.
                           tr("per s"), "#D55E00");
    //: Chart title.
    m_latency = single(Chart::ProbeLatency, tr("Probe latency of successful probes, ms"),
                       //: Unit of a chart's y axis.
                       tr("ms"), "#009E73");
}

void ChartsPage::alignPlotAreas()
{
    // Only the last chart draws time labels, and its last label narrows its plot: every plot
    // takes the narrowest span, so that one time is at one x in all four.
    qreal left = 0;
    qreal right = std::numeric_limits<qreal>::max();
    for (TimeChartView *view : m_views) {
        const QRectF natural = view->naturalPlotArea();
        left = std::max(left, natural.left());
        right = std::min(right, natural.right());
    }
    for (TimeChartView *view : m_views)
        view->alignPlot(left, right);
}

QXYSeries *ChartsPage::series(SeriesMetric metric) const
{
    for (std::size_t i = 0; i < kStateMetrics.size(); ++i) {
        if (kStateMetrics[i] == metric)
            return m_stateEdges[i];
    }
    switch (metric) {
    case SeriesMetric::AcceptQueueFill:
        return m_queue;
    case SeriesMetric::RetransmitRate:
        return m_retransmits;
    case SeriesMetric::ProbeLatency:
        return m_latency;
    default:
        return nullptr;
    }
}

bool ChartsPage::isStale() const
{
    return m_stale || m_selectorStale || m_store->revision(m_key) != m_drawnRevision;
}

bool ChartsPage::onScreen() const
{
    if (!isVisible())
        return false;
    const QWidget *top = window();
    return !(top->windowState() & Qt::WindowMinimized);
}

void ChartsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer.start();
    if (m_markersStale)
        showMarkers();
    if (isStale())
        rebuild();
    else
        moveTimeAxis();
}

void ChartsPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

void ChartsPage::tick()
{
    if (!onScreen()) {
        // Minimised without a hide event: stop until shown again.
        m_stale = true;
        m_timer.stop();
        return;
    }
    if (isStale())
        rebuild();
    else
        moveTimeAxis();
}

void ChartsPage::refresh()
{
    if (onScreen() && isStale())
        rebuild();
}

void ChartsPage::setTimeWindow(SeriesWindow span)
{
    if (QAbstractButton *button = m_windows->button(int(span)))
        button->setChecked(true);
    if (span == m_window)
        return;
    m_window = span;
    m_stale = true;
    if (onScreen())
        rebuild();
}

void ChartsPage::showRegion(const QString &region)
{
    showScope({SeriesKey::Scope::Region, region, {}});
}

void ChartsPage::showNode(const QString &endpoint)
{
    showScope({SeriesKey::Scope::Node, endpoint, {}});
}

void ChartsPage::showScope(const SeriesKey &key)
{
    m_key = key;
    m_stale = true;
    selectInSelector();
    showMarkersWhenOnScreen();
    if (onScreen())
        rebuild();
}

void ChartsPage::setMarkers(const QList<ChartMarker> &markers)
{
    m_markers = markers;
    showMarkersWhenOnScreen();
}

void ChartsPage::showMarkersWhenOnScreen()
{
    // Hidden, the markers wait like the series do: laid out once when the page is shown.
    if (onScreen())
        showMarkers();
    else
        m_markersStale = true;
}

QStringList ChartsPage::shownNodes() const
{
    if (m_key.key.isEmpty())
        return {};
    return m_key.scope == SeriesKey::Scope::Region ? m_fleet->endpointsIn(m_key.key)
                                                   : QStringList{m_key.key};
}

void ChartsPage::demandHistory()
{
    const QStringList nodes = shownNodes();
    const qint64 seconds = std::chrono::seconds(windowSpec(m_window).span).count();
    const QString demand = QString::number(seconds) + u' ' + nodes.join(u' ');
    if (nodes.isEmpty() || demand == m_historyDemanded)
        return;
    m_historyDemanded = demand;
    emit historyWanted(nodes, seconds);
}

void ChartsPage::showMarkers()
{
    m_markersStale = false;
    QList<ChartMarker> shown;
    const QStringList nodes = shownNodes();
    for (const ChartMarker &marker : std::as_const(m_markers)) {
        if (marker.endpoint.isEmpty() || nodes.contains(marker.endpoint))
            shown.append(marker);
    }
    for (TimeChartView *view : m_views)
        view->markers().setMarkers(shown);
}

void ChartsPage::fillSelector()
{
    m_selectorStale = false;
    QSignalBlocker blocker(m_selector);
    m_selector->clear();
    for (const QString &region : m_fleet->regions()) {
        if (region.isEmpty())
            continue; // nodes that have not said hello have no series yet
        const QStringList endpoints = m_fleet->endpointsIn(region);
        //: Charts' selector entry: a region, its nodes summed.
        m_selector->addItem(
            tr("Region %1 (%n node(s) summed)", nullptr, int(endpoints.size())).arg(region));
        m_selector->setItemData(m_selector->count() - 1, int(SeriesKey::Scope::Region), kScopeRole);
        m_selector->setItemData(m_selector->count() - 1, region, kKeyRole);
        for (const QString &endpoint : endpoints) {
            //: Charts' selector entry: one node, under its region.
            m_selector->addItem(tr("    Node %1").arg(m_fleet->node(endpoint)->name()));
            m_selector->setItemData(m_selector->count() - 1, int(SeriesKey::Scope::Node),
                                    kScopeRole);
            m_selector->setItemData(m_selector->count() - 1, endpoint, kKeyRole);
        }
    }
    if (m_key.key.isEmpty() && m_selector->count() > 0) {
        m_key = {static_cast<SeriesKey::Scope>(m_selector->itemData(0, kScopeRole).toInt()),
                 m_selector->itemData(0, kKeyRole).toString(),
                 {}};
        showMarkers();
    }
    selectInSelector();
}

void ChartsPage::selectInSelector()
{
    for (int row = 0; row < m_selector->count(); ++row) {
        if (m_selector->itemData(row, kScopeRole).toInt() == int(m_key.scope) &&
            m_selector->itemData(row, kKeyRole).toString() == m_key.key) {
            QSignalBlocker blocker(m_selector);
            m_selector->setCurrentIndex(row);
            return;
        }
    }
}

void ChartsPage::rebuild()
{
    if (m_selectorStale)
        fillSelector();
    m_stale = false;
    m_drawnRevision = m_store->revision(m_key);
    ++m_rebuilds;
    demandHistory();
    for (int metric = 0; metric < kSeriesMetricCount; ++metric)
        m_shown[std::size_t(metric)] =
            m_key.key.isEmpty()
                ? QList<QPointF>()
                : m_store->means(m_key, static_cast<SeriesMetric>(metric), m_window);
    const bool anySample = !m_shown[std::size_t(SeriesMetric::Established)].isEmpty();
    //: Shown on a chart when the chosen region or node has no samples in the window.
    const QString noSamples = m_key.key.isEmpty() ? tr("No data: no node has reported yet")
                                                  : tr("No data: no samples in this window");

    QList<QList<QPointF>> layers;
    for (const SeriesMetric metric : kStateMetrics)
        layers.append(m_shown[std::size_t(metric)]);
    const QList<QList<QPointF>> stacked = stackLayers(layers);
    for (std::size_t i = 0; i < kStateMetrics.size(); ++i)
        m_updater.replace(m_stateEdges[i], stacked[qsizetype(i)]);
    chartView(Chart::TcpStates)->setNoData(anySample ? QString() : noSamples);
    chartView(Chart::TcpStates)->setValueMaximum(roundAxisMaximum(largest(stacked.last()), 5));

    const auto single = [&](Chart chart, QLineSeries *series, SeriesMetric metric,
                            const QString &absent, double floor) {
        const QList<QPointF> &points = m_shown[std::size_t(metric)];
        m_updater.replace(series, points);
        TimeChartView *view = chartView(chart);
        view->setNoData(points.isEmpty() ? (anySample ? absent : noSamples) : QString());
        view->setValueMaximum(roundAxisMaximum(largest(points), floor));
    };
    single(Chart::AcceptQueue, m_queue, SeriesMetric::AcceptQueueFill,
           //: Shown on the accept queue chart when the samples have no listener's backlog.
           tr("No data: the samples carry no listener backlog"), 10);
    single(Chart::Retransmissions, m_retransmits, SeriesMetric::RetransmitRate,
           //: Shown on the retransmissions chart when the samples have no TCP_INFO totals.
           tr("No data: the samples carry no retransmission counts"), 1);
    single(Chart::ProbeLatency, m_latency, SeriesMetric::ProbeLatency,
           //: Shown on the probe latency chart when no probe succeeded (or none is set up).
           tr("No data: no successful probe in this window"), 1);
    moveTimeAxis();
    std::array<double, kChartCount> maxima{};
    for (std::size_t chart = 0; chart < maxima.size(); ++chart)
        maxima[chart] = m_views[chart]->valueAxis()->max();
    if (maxima != m_alignedMaxima) {
        m_alignedMaxima = maxima;
        alignPlotAreas();
    }
    m_timer.start(); // the next rebuild a full interval from now
}

void ChartsPage::moveTimeAxis()
{
    const qint64 now = m_clock();
    const qint64 span = std::chrono::milliseconds(windowSpec(m_window).span).count();
    const QString format = m_window == SeriesWindow::SixtyMinutes ? QStringLiteral("HH:mm")
                                                                  : QStringLiteral("HH:mm:ss");
    for (TimeChartView *view : m_views)
        view->setTimeRange(now - span, now, format);
}

void ChartsPage::clicked(Chart chart, qint64 ms)
{
    if (m_key.key.isEmpty())
        return;
    const QString endpoint =
        m_key.scope == SeriesKey::Scope::Node
            ? m_key.key
            : largestContributor(*m_store, m_key.key, clickMetric(chart), m_window, ms);
    if (!endpoint.isEmpty())
        emit nodeAtTimeRequested(endpoint, QDateTime::fromMSecsSinceEpoch(ms));
}

QString ChartsPage::hoverText(Chart chart, qint64 ms) const
{
    const qint64 bucket = windowSpec(m_window).bucketMs;
    const QLocale locale;
    QStringList lines{
        locale.toString(QDateTime::fromMSecsSinceEpoch(ms).time(), QLocale::LongFormat)};
    const auto line = [&](const QString &name, SeriesMetric metric) {
        const auto value = valueAt(m_shown[std::size_t(metric)], ms, bucket);
        lines.append(value ? tr("%1: %2").arg(name, locale.toString(*value, 'f', 1))
                           //: Hover text of a chart: no value at this time.
                           : tr("%1: no data").arg(name));
    };
    switch (chart) {
    case Chart::TcpStates:
        for (const SeriesMetric metric : kStateMetrics)
            line(stateName(metric), metric);
        break;
    case Chart::AcceptQueue:
        //: Hover text of the accept queue chart.
        line(tr("Accept queue, % of backlog"), SeriesMetric::AcceptQueueFill);
        break;
    case Chart::Retransmissions:
        //: Hover text of the retransmissions chart.
        line(tr("Retransmissions per second"), SeriesMetric::RetransmitRate);
        break;
    case Chart::ProbeLatency:
        //: Hover text of the probe latency chart.
        line(tr("Probe latency, ms"), SeriesMetric::ProbeLatency);
        break;
    }
    if (m_key.scope == SeriesKey::Scope::Region)
        //: Hover text of a region's chart: what a click does.
        lines.append(tr("Click: the node contributing most at this time"));
    return lines.join(QLatin1Char('\n'));
}

} // namespace anycast
