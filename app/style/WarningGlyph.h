#pragma once

#include <QIcon>
#include <QRectF>

class QPainter;

namespace anycast {

// A triangle with an exclamation mark: "look at this" where a row needs attention for what
// it is, not for its routing state (a stale drain, a gap in a node's events). A shape none
// of the state glyphs has, so it reads without its colour.
class WarningGlyph final
{
public:
    static void paint(QPainter &painter, const QRectF &box);
    // At the sizes item views ask for.
    static QIcon icon();
};

} // namespace anycast
