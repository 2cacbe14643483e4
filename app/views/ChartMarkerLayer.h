#pragma once

#include "app/views/ChartMarker.h"

#include <QCoreApplication>
#include <QList>

class QChart;
class QGraphicsLineItem;
class QGraphicsSimpleTextItem;

namespace anycast {

// Draws markers on one chart as vertical lines across its plot area, told apart by line
// style and a glyph (drain: dashed, ▼; undrain: dash-dot, ▲; route: dotted, ◆), never by
// colour alone. With labels, each line carries its glyph and label at the top, staggered
// over three rows so that close markers stay readable; without, the glyph only. Markers
// outside the time range are not drawn.
class ChartMarkerLayer
{
    Q_DECLARE_TR_FUNCTIONS(anycast::ChartMarkerLayer)

public:
    ChartMarkerLayer(QChart *chart, bool labelled);
    ~ChartMarkerLayer();
    ChartMarkerLayer(const ChartMarkerLayer &) = delete;
    ChartMarkerLayer &operator=(const ChartMarkerLayer &) = delete;

    void setMarkers(const QList<ChartMarker> &markers);
    void setRange(qint64 fromMs, qint64 toMs);
    // Places the lines again (the plot area moved or was resized).
    void relayout();

    // The markers drawn now (inside the range), in time order.
    QList<ChartMarker> drawn() const;
    static QString glyph(ChartMarker::Kind kind);

private:
    struct Item;

    void clear();

    QChart *m_chart;
    bool m_labelled;
    QList<ChartMarker> m_markers;
    QList<Item> m_items;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
};

} // namespace anycast
