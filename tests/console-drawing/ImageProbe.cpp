#include "tests/console-drawing/ImageProbe.h"

#include "app/style/StateGlyph.h"

#include <QPainter>

#include <cstdlib>

namespace anycast::test {

ImageProbe::ImageProbe(QImage image)
    : m_image(std::move(image).convertToFormat(QImage::Format_ARGB32))
{}

bool ImageProbe::near(const QColor &a, const QColor &b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance && a.alpha() > 250;
}

int ImageProbe::countWhere(const QRect &rect, const std::function<bool(QRgb)> &matches) const
{
    const QRect clipped = rect & m_image.rect();
    int found = 0;
    for (int y = clipped.top(); y <= clipped.bottom(); ++y) {
        for (int x = clipped.left(); x <= clipped.right(); ++x) {
            if (matches(m_image.pixel(x, y)))
                ++found;
        }
    }
    return found;
}

int ImageProbe::count(const QRect &rect, const QColor &colour, int tolerance) const
{
    return countWhere(rect,
                      [&](QRgb pixel) { return near(QColor::fromRgba(pixel), colour, tolerance); });
}

int ImageProbe::opaque(const QRect &rect) const
{
    return countWhere(rect, [](QRgb pixel) { return qAlpha(pixel) > 127; });
}

int ImageProbe::partlyTransparent(const QRect &rect) const
{
    return countWhere(rect, [](QRgb pixel) { return qAlpha(pixel) > 0 && qAlpha(pixel) < 255; });
}

int ImageProbe::maskDifference(const QImage &a, const QImage &b)
{
    const QImage first = a.convertToFormat(QImage::Format_ARGB32);
    const QImage second = b.convertToFormat(QImage::Format_ARGB32);
    int differences = 0;
    for (int y = 0; y < std::min(first.height(), second.height()); ++y) {
        for (int x = 0; x < std::min(first.width(), second.width()); ++x) {
            if ((qAlpha(first.pixel(x, y)) > 127) != (qAlpha(second.pixel(x, y)) > 127))
                ++differences;
        }
    }
    return differences;
}

QImage renderGlyph(int side, Observation observation, RoutingState state)
{
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    StateGlyph::paint(painter, QRectF(0, 0, side, side), observation, state);
    painter.end();
    return image.convertToFormat(QImage::Format_ARGB32);
}

} // namespace anycast::test
