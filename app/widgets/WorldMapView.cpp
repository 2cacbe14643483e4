#include "app/widgets/WorldMapView.h"

#include "app/style/MapColours.h"
#include "app/style/StateGlyph.h"
#include "app/widgets/MapProjection.h"
#include "app/widgets/MarkerLabels.h"
#include "app/widgets/MarkerNavigation.h"

#include <QFocusEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace anycast {

namespace {

// Labels and tooltips come from agents' names: shown as typed, never interpreted as markup.
QString asRichText(const QString &plain)
{
    QString escaped = plain.toHtmlEscaped();
    escaped.replace(QLatin1Char('\n'), QLatin1String("<br/>"));
    return QStringLiteral("<qt>%1</qt>").arg(escaped);
}

QRectF ringAround(const QRectF &box, double distance)
{
    return box.adjusted(-distance, -distance, distance, distance);
}

} // namespace

WorldMapView::WorldMapView(QWidget *parent)
    : QWidget(parent)
    , m_land(&LandGeometry::world())
    , m_labels(std::make_unique<MarkerLabels>())
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Announcement map"));
}

WorldMapView::~WorldMapView() = default;

void WorldMapView::setMarkers(const QList<MapMarker> &markers)
{
    if (markers == m_markers)
        return;
    m_markers = markers;
    invalidateLayout();
    if (placedIndexOf(m_focusedId) < 0)
        setFocusedMarker({});
    if (placedIndexOf(m_hoveredId) < 0)
        setHovered({});
}

void WorldMapView::setLand(const LandGeometry &land)
{
    m_ownLand = land;
    m_land = &m_ownLand;
    invalidateLand();
}

void WorldMapView::setMetrics(const MarkerLayout::Metrics &metrics)
{
    m_metrics = metrics;
    invalidateLayout();
}

void WorldMapView::setFocusedMarker(const QString &id)
{
    const QString focused = placedIndexOf(id) >= 0 ? id : QString();
    if (focused == m_focusedId)
        return;
    m_focusedId = focused;
    const qsizetype index = placedIndexOf(focused);
    setAccessibleDescription(index < 0 ? QString()
                                       : tooltipFor(m_markers.at(placed().at(index).index)));
    update();
}

QString WorldMapView::markerIdAt(const QPoint &position) const
{
    const qsizetype hit = MarkerLayout::hitTest(placed(), position);
    return hit < 0 ? QString() : m_markers.at(placed().at(hit).index).id;
}

QRectF WorldMapView::markerGlyphRect(const QString &id) const
{
    const qsizetype index = placedIndexOf(id);
    return index < 0 ? QRectF() : placed().at(index).glyphBox;
}

QRectF WorldMapView::markerLabelRect(const QString &id) const
{
    const qsizetype index = placedIndexOf(id);
    return index < 0 ? QRectF() : placed().at(index).labelRect;
}

QSize WorldMapView::sizeHint() const
{
    return {900, 480};
}

QSize WorldMapView::minimumSizeHint() const
{
    return {360, 200};
}

const QList<PlacedMarker> &WorldMapView::placed() const
{
    if (!m_layoutValid) {
        m_labels->setFont(font());
        m_labels->keepOnly(m_markers);
        QList<QSizeF> labelSizes;
        labelSizes.reserve(m_markers.size());
        for (const MapMarker &marker : m_markers)
            labelSizes.append(m_labels->blockSize(marker));
        m_placed =
            MarkerLayout::place(m_markers, labelSizes, MapProjection(rect()), rect(), m_metrics);
        m_layoutValid = true;
    }
    return m_placed;
}

qsizetype WorldMapView::placedIndexOf(const QString &id) const
{
    if (id.isEmpty())
        return -1;
    const QList<PlacedMarker> &all = placed();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (m_markers.at(all.at(i).index).id == id)
            return i;
    }
    return -1;
}

QString WorldMapView::tooltipFor(const MapMarker &marker) const
{
    //: Map marker tooltip, first line: routing state word, then what is observed.
    QStringList lines{
        tr("%1, %2").arg(StateStyle::word(marker.state), StateStyle::word(marker.observation))};
    if (!marker.label.isEmpty())
        lines.prepend(marker.label);
    if (!marker.tooltip.isEmpty())
        lines.append(marker.tooltip);
    return lines.join(QLatin1Char('\n'));
}

void WorldMapView::invalidateLayout()
{
    m_layoutValid = false;
    update();
}

void WorldMapView::invalidateLand()
{
    m_landLayer = QPixmap();
    invalidateLayout();
}

void WorldMapView::paintLandLayer()
{
    const qreal ratio = devicePixelRatioF();
    m_landLayer = QPixmap((QSizeF(size()) * ratio).toSize());
    m_landLayer.setDevicePixelRatio(ratio);
    const MapColours colours = MapColours::forPalette(palette());
    m_landLayer.fill(colours.sea);
    const MapProjection projection(rect());
    QPainterPath land;
    land.setFillRule(Qt::OddEvenFill);
    for (const QPolygonF &ring : m_land->rings()) {
        QPolygonF projected;
        projected.reserve(ring.size());
        for (const QPointF &point : ring)
            projected.append(projection.toViewport(point.y(), point.x()));
        land.addPolygon(projected);
        land.closeSubpath();
    }
    QPainter painter(&m_landLayer);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setClipRect(projection.mapRect());
    painter.setPen(QPen(colours.coastline, 1.0));
    painter.setBrush(colours.land);
    painter.drawPath(land);
}

void WorldMapView::paintEvent(QPaintEvent *)
{
    if (m_landLayer.isNull())
        paintLandLayer();
    const MapColours colours = MapColours::forPalette(palette());
    QPainter painter(this);
    painter.drawPixmap(0, 0, m_landLayer);
    for (const PlacedMarker &marker : placed())
        paintMarker(painter, marker, colours);
    // Labels over every glyph: a large marker never hides a smaller one's words.
    for (const PlacedMarker &marker : placed())
        m_labels->paint(painter, marker.labelRect, m_markers.at(marker.index), colours);
}

void WorldMapView::paintMarker(QPainter &painter, const PlacedMarker &marker,
                               const MapColours &colours) const
{
    const MapMarker &shown = m_markers.at(marker.index);
    StateGlyph::paint(painter, marker.glyphBox, shown.observation, shown.state);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    if (shown.id == m_focusedId && hasFocus()) {
        // Light ring on a dark rim: visible on the sea, on land and over a neighbour's fill.
        painter.setPen(QPen(StateStyle::outline(), 4));
        painter.drawEllipse(ringAround(marker.glyphBox, 4));
        painter.setPen(QPen(colours.focusRing, 2));
        painter.drawEllipse(ringAround(marker.glyphBox, 4));
    } else if (shown.id == m_hoveredId) {
        painter.setPen(QPen(colours.hoverRing, 1.5));
        painter.drawEllipse(ringAround(marker.glyphBox, 3));
    }
    painter.restore();
}

bool WorldMapView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const qsizetype hit = MarkerLayout::hitTest(placed(), help->pos());
        if (hit < 0) {
            QToolTip::hideText();
            event->ignore();
        } else {
            const PlacedMarker &marker = placed().at(hit);
            QToolTip::showText(help->globalPos(),
                               asRichText(tooltipFor(m_markers.at(marker.index))), this,
                               marker.glyphBox.toAlignedRect());
        }
        return true;
    }
    return QWidget::event(event);
}

void WorldMapView::resizeEvent(QResizeEvent *event)
{
    invalidateLand();
    QWidget::resizeEvent(event);
}

void WorldMapView::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::PaletteChange:
    case QEvent::FontChange:
    case QEvent::LanguageChange:
        setAccessibleName(tr("Announcement map"));
        invalidateLand();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

void WorldMapView::setHovered(const QString &id)
{
    if (id == m_hoveredId)
        return;
    m_hoveredId = id;
    setCursor(id.isEmpty() ? Qt::ArrowCursor : Qt::PointingHandCursor);
    update();
    emit markerHovered(id);
}

void WorldMapView::mouseMoveEvent(QMouseEvent *event)
{
    setHovered(markerIdAt(event->position().toPoint()));
    QWidget::mouseMoveEvent(event);
}

void WorldMapView::leaveEvent(QEvent *event)
{
    setHovered({});
    QWidget::leaveEvent(event);
}

void WorldMapView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressedId = markerIdAt(event->position().toPoint());
    if (!m_pressedId.isEmpty())
        setFocusedMarker(m_pressedId);
}

void WorldMapView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const QString released = markerIdAt(event->position().toPoint());
    const QString pressed = std::exchange(m_pressedId, QString());
    // A press on one marker and a release on another is no click on either.
    if (!released.isEmpty() && released == pressed)
        emit markerActivated(released);
}

void WorldMapView::keyPressEvent(QKeyEvent *event)
{
    const QList<PlacedMarker> &all = placed();
    qsizetype current = placedIndexOf(m_focusedId);
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (current >= 0)
            emit markerActivated(m_focusedId);
        return;
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down: {
        if (all.isEmpty())
            break;
        if (current < 0) {
            setFocusedMarker(
                m_markers.at(all.at(MarkerNavigation::tabOrder(all).first()).index).id);
            return;
        }
        const auto direction = event->key() == Qt::Key_Left    ? MarkerNavigation::Direction::Left
                               : event->key() == Qt::Key_Right ? MarkerNavigation::Direction::Right
                               : event->key() == Qt::Key_Up    ? MarkerNavigation::Direction::Up
                                                               : MarkerNavigation::Direction::Down;
        const qsizetype next = MarkerNavigation::neighbour(all, current, direction);
        if (next >= 0)
            setFocusedMarker(m_markers.at(all.at(next).index).id);
        return;
    }
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

bool WorldMapView::focusNextPrevChild(bool next)
{
    const QList<PlacedMarker> &all = placed();
    const QList<qsizetype> order = MarkerNavigation::tabOrder(all);
    const qsizetype current = order.indexOf(placedIndexOf(m_focusedId));
    const qsizetype following = current < 0 ? -1 : current + (next ? 1 : -1);
    if (following >= 0 && following < order.size()) {
        setFocusedMarker(m_markers.at(all.at(order.at(following)).index).id);
        return true;
    }
    // Past the last marker Tab leaves the map, as it leaves any other widget.
    setFocusedMarker({});
    return QWidget::focusNextPrevChild(next);
}

void WorldMapView::focusInEvent(QFocusEvent *event)
{
    const QList<PlacedMarker> &all = placed();
    if (m_focusedId.isEmpty() && !all.isEmpty() &&
        (event->reason() == Qt::TabFocusReason || event->reason() == Qt::BacktabFocusReason)) {
        const QList<qsizetype> order = MarkerNavigation::tabOrder(all);
        const qsizetype first =
            event->reason() == Qt::TabFocusReason ? order.first() : order.last();
        setFocusedMarker(m_markers.at(all.at(first).index).id);
    }
    update();
    QWidget::focusInEvent(event);
}

void WorldMapView::focusOutEvent(QFocusEvent *event)
{
    update();
    QWidget::focusOutEvent(event);
}

} // namespace anycast
