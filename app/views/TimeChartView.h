#pragma once

#include "app/views/ChartMarkerLayer.h"

#include <QChartView>

#include <functional>
#include <memory>

class QAbstractSeries;
class QDateTimeAxis;
class QGraphicsSimpleTextItem;
class QValueAxis;

namespace anycast {

// One of the charts' small multiples: series over local time, a y axis titled with its unit,
// a "no data" notice instead of an empty or zero plot, markers on the time axis. A click in
// the plot area reports its time; hovering shows what the page says about that time.
class TimeChartView final : public QChartView
{
    Q_OBJECT

public:
    TimeChartView(const QString &title, const QString &unitTitle, bool labelledMarkers,
                  QWidget *parent = nullptr);
    ~TimeChartView() override;

    // On both axes; the chart owns it.
    void addSeries(QAbstractSeries *series);
    void setTimeRange(qint64 fromMs, qint64 toMs, const QString &format);
    void setValueMaximum(double maximum);
    // At most this many value ticks (6, 3 or 2: round steps on a 1, 2 or 5 times 10^n
    // maximum); fewer while the plot is too low for their labels, so that a short chart
    // shows 0 and its maximum rather than labels elided to "...".
    void setValueTicks(int most);
    // Why there is nothing to draw, shown over the plot area; empty when there is.
    void setNoData(const QString &why);
    QString noData() const { return m_noDataText; }
    void setHoverText(std::function<QString(qint64)> text) { m_hoverText = std::move(text); }

    QDateTimeAxis *timeAxis() const { return m_timeAxis; }
    QValueAxis *valueAxis() const { return m_valueAxis; }
    ChartMarkerLayer &markers() { return *m_markers; }
    // The time at a point of the view, or -1 outside the plot area.
    qint64 timeAt(const QPoint &viewPoint) const;
    // Where the time `ms` is drawn, in view coordinates, halfway up the plot area.
    QPoint pointAt(qint64 ms) const;
    // Where the plot area lies with no extra margins (its axes' labels decide: the y labels
    // its left, the last time label its right); lays the chart out now.
    QRectF naturalPlotArea();
    // Widens the margins so that the plot area spans `left` to `right`, like its neighbours'.
    void alignPlot(qreal left, qreal right);

signals:
    void timeClicked(qint64 ms);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void placeNoData();
    void fitValueTicks();
    void setSideMargins(int left, int right);

    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QGraphicsSimpleTextItem *m_noDataItem;
    QString m_noDataText;
    std::unique_ptr<ChartMarkerLayer> m_markers;
    std::function<QString(qint64)> m_hoverText;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    int m_mostValueTicks = 6;
};

} // namespace anycast
