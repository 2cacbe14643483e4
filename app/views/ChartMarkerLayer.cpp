#include "app/views/ChartMarkerLayer.h"

#include <QChart>
#include <QFontMetricsF>
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
// A label longer than this is cut with an ellipsis; the tooltip has it whole.
constexpr qreal kLongestLabel = 260;

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
    // Where labels already are, per row: a label goes to the first row where it fits and is
    // left out (the glyph stays, the tooltip says it all) where none has room, so that a
    // burst of events never piles text on text.
    QList<QList<QRectF>> taken(kLabelRows);
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
        item.text = new QGraphicsSimpleTextItem(glyph(marker.kind), m_chart);
        item.text->setBrush(ink);
        item.text->setZValue(kMarkerZ);
        item.text->setToolTip(tip);
        const qreal rowHeight = item.text->boundingRect().height();
        const auto placeAt = [&](qreal width) {
            // Right of its line, or left of it where the plot would cut it off.
            return x + 2 + width <= plot.right() ? x + 2 : x - 2 - width;
        };
        item.text->setPos(placeAt(item.text->boundingRect().width()), plot.top());
        if (m_labelled) {
            const QFontMetricsF metrics(item.text->font());
            const QString label = metrics.elidedText(marker.label, Qt::ElideRight, kLongestLabel);
            //: A marker's tag on the charts: %1 a glyph for its kind, %2 what happened.
            const QString text = tr("%1 %2").arg(glyph(marker.kind), label);
            const qreal width = metrics.horizontalAdvance(text);
            const qreal left = placeAt(width);
            for (int row = 0; row < kLabelRows; ++row) {
                const QRectF box(left, plot.top() + row * rowHeight, width + 6, rowHeight);
                const bool free =
                    std::none_of(taken[row].cbegin(), taken[row].cend(),
                                 [&](const QRectF &other) { return other.intersects(box); });
                if (free) {
                    taken[row].append(box);
                    item.text->setText(text);
                    item.text->setPos(box.topLeft());
                    break;
                }
            }
        }
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
