#pragma once

#include "app/style/StateStyle.h"

#include <QPainterPath>
#include <QRectF>

class QPainter;

namespace anycast {

// Draws the state glyphs of the tree, the map and the legend. Sizes that are whole pixels on
// whole-pixel positions give crisp edges from 16 px (tree icons) to 48 px (map markers).
class StateGlyph final
{
public:
    // The glyph for (observation, state), filling the square `box`, with its dark outline.
    static void paint(QPainter &painter, const QRectF &box, Observation observation,
                      RoutingState state);
    // The shape alone, hollow, stroked in `stroke`: the legend's rows that explain shapes.
    static void paintShape(QPainter &painter, const QRectF &box, Observation observation,
                           const QColor &stroke);

    // The whole shape inside `box`, outline included, and the part the fill covers.
    static QPainterPath shapePath(GlyphShape shape, const QRectF &box);
    static QPainterPath innerPath(GlyphShape shape, const QRectF &box);
    static double outlineWidth(const QRectF &box);

private:
    static QPainterPath insetPath(GlyphShape shape, const QRectF &box, double width);
};

} // namespace anycast
