#include "app/style/StateGlyph.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace anycast {

namespace {

double wholePixels(double value, double atLeast)
{
    return std::max(atLeast, std::round(value));
}

void paintHatch(QPainter &painter, const QRectF &box)
{
    const double spacing = std::max(3.0, box.width() / 5.0);
    const double width = std::max(1.0, box.width() / 20.0);
    painter.setPen(QPen(StateStyle::markColour(), width, Qt::SolidLine, Qt::FlatCap));
    // Lines rising to the right, as Qt::BDiagPattern, but spaced by the glyph's size so that
    // they stay visible at 48 px and on high-density screens.
    for (double offset = -box.height(); offset < box.width(); offset += spacing) {
        painter.drawLine(QPointF(box.left() + offset, box.bottom()),
                         QPointF(box.left() + offset + box.height(), box.top()));
    }
}

void paintPause(QPainter &painter, const QRectF &box)
{
    const double barWidth = wholePixels(box.width() * 0.13, 2);
    const double barHeight = wholePixels(box.height() * 0.42, 4);
    const double gap = wholePixels(box.width() * 0.12, 2);
    const double left = std::round(box.center().x() - barWidth - gap / 2);
    const double top = std::round(box.center().y() - barHeight / 2);
    painter.setPen(Qt::NoPen);
    painter.setBrush(StateStyle::markColour());
    painter.drawRect(QRectF(left, top, barWidth, barHeight));
    painter.drawRect(QRectF(left + barWidth + gap, top, barWidth, barHeight));
}

void paintExclamation(QPainter &painter, const QRectF &box)
{
    const double barWidth = wholePixels(box.width() * 0.13, 2);
    const double barHeight = wholePixels(box.height() * 0.34, 4);
    const double gap = wholePixels(box.height() * 0.07, 1);
    const double left = std::round(box.center().x() - barWidth / 2);
    const double top = std::round(box.center().y() - (barHeight + gap + barWidth) / 2);
    painter.setPen(Qt::NoPen);
    painter.setBrush(StateStyle::markColour());
    painter.drawRect(QRectF(left, top, barWidth, barHeight));
    painter.drawRect(QRectF(left, top + barHeight + gap, barWidth, barWidth));
}

QRectF squareRect(const QRectF &box)
{
    // A full square would outweigh the circle: inset by whole pixels to stay crisp.
    const double inset = std::round(box.width() * 0.08);
    return box.adjusted(inset, inset, -inset, -inset);
}

} // namespace

double StateGlyph::outlineWidth(const QRectF &box)
{
    return wholePixels(box.width() / 14.0, 1);
}

QPainterPath StateGlyph::shapePath(GlyphShape shape, const QRectF &box)
{
    QPainterPath path;
    switch (shape) {
    case GlyphShape::Circle:
        path.addEllipse(box);
        break;
    case GlyphShape::Diamond: {
        // A diamond covers half its box; reaching the box's edges keeps it from looking
        // smaller than the circle beside it.
        const QPointF centre = box.center();
        path.moveTo(centre.x(), box.top());
        path.lineTo(box.right(), centre.y());
        path.lineTo(centre.x(), box.bottom());
        path.lineTo(box.left(), centre.y());
        path.closeSubpath();
        break;
    }
    case GlyphShape::Square:
        path.addRect(squareRect(box));
        break;
    }
    return path;
}

QPainterPath StateGlyph::innerPath(GlyphShape shape, const QRectF &box)
{
    return insetPath(shape, box, outlineWidth(box));
}

QPainterPath StateGlyph::insetPath(GlyphShape shape, const QRectF &box, double width)
{
    // The outline is the band between the shape and this path: filled rather than stroked, so
    // that a square on whole pixels has no blurred corner at any size.
    switch (shape) {
    case GlyphShape::Circle:
        return shapePath(shape, box.adjusted(width, width, -width, -width));
    case GlyphShape::Diamond: {
        // Moving each vertex in by width times the square root of 2 moves each edge by width.
        const double inset = width * std::sqrt(2.0);
        return shapePath(shape, box.adjusted(inset, inset, -inset, -inset));
    }
    case GlyphShape::Square:
        break;
    }
    QPainterPath path;
    path.addRect(squareRect(box).adjusted(width, width, -width, -width));
    return path;
}

void StateGlyph::paint(QPainter &painter, const QRectF &box, Observation observation,
                       RoutingState state)
{
    const GlyphShape shape = StateStyle::shape(observation);
    const QPainterPath inner = innerPath(shape, box);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    painter.setBrush(StateStyle::outline());
    painter.drawPath(shapePath(shape, box));
    painter.setBrush(StateStyle::fill(state));
    painter.drawPath(inner);

    painter.setClipPath(inner, Qt::IntersectClip);
    switch (StateStyle::mark(state)) {
    case GlyphMark::None:
        break;
    case GlyphMark::Hatch:
        paintHatch(painter, box);
        break;
    case GlyphMark::Pause:
        paintPause(painter, box);
        break;
    case GlyphMark::Exclamation:
        paintExclamation(painter, box);
        break;
    }
    painter.restore();
}

void StateGlyph::paintShape(QPainter &painter, const QRectF &box, Observation observation,
                            const QColor &stroke)
{
    const GlyphShape shape = StateStyle::shape(observation);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    painter.setBrush(stroke);
    // Hollow shapes have no fill to carry them: a band of at least 2 px.
    const double width = std::max(2.0, outlineWidth(box));
    painter.drawPath(shapePath(shape, box).subtracted(insetPath(shape, box, width)));
    painter.restore();
}

} // namespace anycast
