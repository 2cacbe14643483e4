#pragma once

#include "ChartMarkerLayer.h"

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
    // Where the plot area starts with no extra margin (its y axis labels decide); lays the
    // chart out now.
    qreal naturalPlotLeft();
    // Widens the left margin so that the plot area starts at `left`, like its neighbours'.
    void alignPlotLeft(qreal left);

signals:
    void timeClicked(qint64 ms);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void placeNoData();
    void setLeftMargin(int margin);

    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QGraphicsSimpleTextItem *m_noDataItem;
    QString m_noDataText;
    std::unique_ptr<ChartMarkerLayer> m_markers;
    std::function<QString(qint64)> m_hoverText;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
};

} // namespace anycast
