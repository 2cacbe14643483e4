#include "ChartMarkerLayer.h"

#include <QChart>
#include <QGraphicsLineItem>
#include <QGraphicsSimpleTextItem>
#include <QLocale>
#include <QPalette>
#include <QPen>

#include <algorithm>

namespace anycast {
namespace {

// Above the series and the axes' grid.
constexpr qreal kMarkerZ = 100;
constexpr int kLabelRows = 3;

Qt::PenStyle penStyle(ChartMarker::Kind kind)
{
    switch (kind) {
    case ChartMarker::Kind::Drain:
        return Qt::DashLine;
    case ChartMarker::Kind::Undrain:
        return Qt::DashDotLine;
    case ChartMarker::Kind::Route:
        return Qt::DotLine;
    }
    return Qt::SolidLine;
}

} // namespace

struct ChartMarkerLayer::Item
{
    ChartMarker marker;
    QGraphicsLineItem *line = nullptr;
    QGraphicsSimpleTextItem *text = nullptr;
};

ChartMarkerLayer::ChartMarkerLayer(QChart *chart, bool labelled)
    : m_chart(chart)
    , m_labelled(labelled)
{}

ChartMarkerLayer::~ChartMarkerLayer()
{
    clear();
}

QString ChartMarkerLayer::glyph(ChartMarker::Kind kind)
{
    switch (kind) {
    case ChartMarker::Kind::Drain:
        return QStringLiteral("\u25BC");
    case ChartMarker::Kind::Undrain:
        return QStringLiteral("\u25B2");
    case ChartMarker::Kind::Route:
        return QStringLiteral("\u25C6");
    }
    return {};
}

void ChartMarkerLayer::setMarkers(const QList<ChartMarker> &markers)
{
    m_markers = markers;
    std::stable_sort(m_markers.begin(), m_markers.end(),
                     [](const ChartMarker &a, const ChartMarker &b) { return a.time < b.time; });
    relayout();
}

void ChartMarkerLayer::setRange(qint64 fromMs, qint64 toMs)
{
    if (fromMs == m_fromMs && toMs == m_toMs)
        return;
    m_fromMs = fromMs;
    m_toMs = toMs;
    relayout();
}

void ChartMarkerLayer::clear()
{
    for (const Item &item : std::as_const(m_items)) {
        delete item.line;
        delete item.text;
    }
    m_items.clear();
}

void ChartMarkerLayer::relayout()
{
    clear();
    const QRectF plot = m_chart->plotArea();
    if (m_toMs <= m_fromMs || plot.isEmpty())
        return;
    const QColor ink = m_chart->palette().color(QPalette::WindowText);
    int row = 0;
    for (const ChartMarker &marker : std::as_const(m_markers)) {
        const qint64 at = marker.time.toMSecsSinceEpoch();
        if (at < m_fromMs || at > m_toMs)
            continue;
        const qreal x =
            plot.left() + plot.width() * qreal(at - m_fromMs) / qreal(m_toMs - m_fromMs);
        Item item;
        item.marker = marker;
        QPen pen(ink, 1.5, penStyle(marker.kind));
        pen.setCosmetic(true);
        item.line = new QGraphicsLineItem(x, plot.top(), x, plot.bottom(), m_chart);
        item.line->setPen(pen);
        item.line->setZValue(kMarkerZ);
        const QString time = QLocale().toString(marker.time.toLocalTime(), QLocale::ShortFormat);
        //: Tooltip of a marker on the charts: %1 the time, %2 what happened.
        const QString tip = tr("%1: %2").arg(time, marker.label);
        item.line->setToolTip(tip);
        //: A marker's tag on the charts: %1 a glyph for its kind, %2 what happened.
        item.text = new QGraphicsSimpleTextItem(
            m_labelled ? tr("%1 %2").arg(glyph(marker.kind), marker.label) : glyph(marker.kind),
            m_chart);
        item.text->setBrush(ink);
        item.text->setZValue(kMarkerZ);
        item.text->setToolTip(tip);
        const qreal rowHeight = item.text->boundingRect().height();
        // Right of its line, or left of it where the plot would cut it off.
        const qreal width = item.text->boundingRect().width();
        const qreal left = x + 2 + width <= plot.right() ? x + 2 : x - 2 - width;
        item.text->setPos(left, plot.top() + (m_labelled ? (row % kLabelRows) * rowHeight : 0));
        ++row;
        m_items.append(item);
    }
}

QList<ChartMarker> ChartMarkerLayer::drawn() const
{
    QList<ChartMarker> markers;
    for (const Item &item : m_items)
        markers.append(item.marker);
    return markers;
}

} // namespace anycast
