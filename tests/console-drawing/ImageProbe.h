#pragma once

#include "app/style/StateStyle.h"

#include <QColor>
#include <QImage>
#include <QRect>

#include <functional>

namespace anycast::test {

// Pixel questions the drawing tests ask of rendered images.
class ImageProbe
{
public:
    explicit ImageProbe(QImage image);

    const QImage &image() const { return m_image; }
    QColor at(int x, int y) const { return m_image.pixelColor(x, y); }

    // Pixels within `rect` whose colour is within `tolerance` (per channel) of `colour`.
    int count(const QRect &rect, const QColor &colour, int tolerance = 8) const;
    // Pixels within `rect` that are more than half opaque.
    int opaque(const QRect &rect) const;
    // Pixels within `rect` that are neither fully transparent nor fully opaque.
    int partlyTransparent(const QRect &rect) const;

    static bool near(const QColor &a, const QColor &b, int tolerance = 8);
    // Pixels where one image is more than half opaque and the other is not.
    static int maskDifference(const QImage &a, const QImage &b);

private:
    int countWhere(const QRect &rect, const std::function<bool(QRgb)> &matches) const;

    QImage m_image;
};

// A glyph drawn alone into a transparent image of `side` pixels.
QImage renderGlyph(int side, Observation observation, RoutingState state);

} // namespace anycast::test
