#include "app/style/WarningGlyph.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace anycast {
namespace {

// Okabe-Ito orange with a near-black outline and mark: the outline carries the shape on
// light and dark backgrounds alike.
const QColor kFill(0xE6, 0x9F, 0x00);
const QColor kInk(0x1A, 0x1A, 0x1A);

} // namespace

void WarningGlyph::paint(QPainter &painter, const QRectF &box)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const double side = std::min(box.width(), box.height());
    const QRectF square(box.center().x() - side / 2, box.center().y() - side / 2, side, side);
    const double pen = std::max(1.0, side / 12);
    QPainterPath triangle;
    triangle.moveTo(square.center().x(), square.top() + pen);
    triangle.lineTo(square.right() - pen, square.bottom() - pen);
    triangle.lineTo(square.left() + pen, square.bottom() - pen);
    triangle.closeSubpath();
    painter.setPen(QPen(kInk, pen, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(kFill);
    painter.drawPath(triangle);
    const double x = square.center().x();
    painter.setPen(QPen(kInk, std::max(1.5, side / 8), Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(QPointF(x, square.top() + side * 0.38),
                     QPointF(x, square.top() + side * 0.66));
    painter.drawPoint(QPointF(x, square.top() + side * 0.8));
    painter.restore();
}

QIcon WarningGlyph::icon()
{
    QIcon icon;
    for (const int size : {16, 20, 24, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(painter, QRectF(0, 0, size, size));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace anycast
