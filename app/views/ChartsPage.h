#pragma once

#include "app/models/TimeSeriesStore.h"
#include "app/views/ChartMarker.h"
#include "app/views/ChartSeriesUpdater.h"

#include <QTimer>
#include <QWidget>

#include <array>
#include <functional>

class QAreaSeries;
class QButtonGroup;
class QComboBox;
class QLineSeries;
class QXYSeries;

namespace anycast {

class FleetState;
class TimeChartView;

// The region charts: for one region (its nodes summed) or one node, TCP states as stacked
// areas, the fullest accept queue, the retransmission rate and the probe latency, as small
// multiples over the same 5, 15 or 60 minutes of local time, with drain and route markers.
//
// Cost rules: each series changes by one replace() per rebuild; a rebuild happens at most
// once a second while the page is on screen, and only when the store moved (otherwise only
// the time axis moves). A page that is not shown (another tab, a minimised window) does
// nothing: it is stale, and rebuilds once when shown again.
class ChartsPage final : public QWidget
{
    Q_OBJECT

public:
    enum class Chart
    {
        TcpStates,
        AcceptQueue,
        Retransmissions,
        ProbeLatency,
    };
    static constexpr int kChartCount = 4;
    // The stacked states, bottom first.
    static constexpr std::array<SeriesMetric, 5> kStateMetrics = {
        SeriesMetric::Established, SeriesMetric::SynRecv, SeriesMetric::TimeWait,
        SeriesMetric::CloseWait, SeriesMetric::OtherStates};

    using Clock = std::function<qint64()>; // ms since the epoch

    // `clock` defaults to the system's.
    ChartsPage(const FleetState *fleet, const TimeSeriesStore *store, QWidget *parent = nullptr,
               Clock clock = {});
    ~ChartsPage() override;

    SeriesKey scope() const { return m_key; }
    SeriesWindow timeWindow() const { return m_window; }
    void setTimeWindow(SeriesWindow span);
    // Something moved since the last rebuild (samples, scope, window, the node list).
    bool isStale() const;
    // Rebuilds now if shown and stale (before a picture).
    void refresh();

    TimeChartView *chartView(Chart chart) const { return m_views[std::size_t(chart)]; }
    // The drawn series of a metric: for a TCP state, the upper edge of its band (the sum of
    // the states below it and itself); null for a metric the page does not draw.
    QXYSeries *series(SeriesMetric metric) const;
    const ChartSeriesUpdater &updater() const { return m_updater; }
    int rebuildCount() const { return m_rebuilds; }
    QComboBox *scopeSelector() const { return m_selector; }

public slots:
    void showRegion(const QString &region);
    void showNode(const QString &endpoint);
    // Drain, undrain and route events of the whole fleet; the page shows those of the nodes
    // it charts and those that name no node.
    void setMarkers(const QList<anycast::ChartMarker> &markers);

signals:
    // A click at `when` on the node's chart, or on the region's chart where this node
    // contributed most to the clicked metric.
    void nodeAtTimeRequested(const QString &endpoint, const QDateTime &when);
    // The shown nodes' samples are needed this far back (the window's length): a connecting
    // console fetches 5 minutes first and the rest of the hour in the background, so a
    // longer window asks for its nodes to come first (ConsoleFleet::ensureHistory). Emitted
    // when the scope, the window or the region's nodes change, while the page is shown.
    void historyWanted(const QStringList &endpoints, qint64 seconds);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildCharts();
    // The y axes' labels differ in width and only the last chart has time labels; the plot
    // areas span the same x all the same, so that one time is at one x in every chart. Again
    // whenever a y axis's range changed.
    void alignPlotAreas();
    void tick();
    void rebuild();
    void moveTimeAxis();
    void fillSelector();
    void selectInSelector();
    void showScope(const SeriesKey &key);
    void showMarkers();
    void showMarkersWhenOnScreen();
    QStringList shownNodes() const;
    void demandHistory();
    bool onScreen() const;
    void clicked(Chart chart, qint64 ms);
    QString hoverText(Chart chart, qint64 ms) const;

    const FleetState *m_fleet;
    const TimeSeriesStore *m_store;
    Clock m_clock;
    SeriesKey m_key;
    SeriesWindow m_window = SeriesWindow::FiveMinutes;
    bool m_stale = true;
    bool m_selectorStale = true;
    bool m_markersStale = false;
    QString m_historyDemanded; // the scope, window and nodes last asked for
    quint64 m_drawnRevision = 0;
    int m_rebuilds = 0;
    QTimer m_timer;
    ChartSeriesUpdater m_updater;
    QList<ChartMarker> m_markers;
    std::array<QList<QPointF>, kSeriesMetricCount> m_shown; // raw means, for the tooltips
    std::array<double, kChartCount> m_alignedMaxima{};

    QComboBox *m_selector;
    QButtonGroup *m_windows;
    std::array<TimeChartView *, kChartCount> m_views{};
    std::array<QLineSeries *, kStateMetrics.size()> m_stateEdges{};
    std::array<QAreaSeries *, kStateMetrics.size()> m_stateAreas{};
    QLineSeries *m_queue = nullptr;
    QLineSeries *m_retransmits = nullptr;
    QLineSeries *m_latency = nullptr;
};

} // namespace anycast
