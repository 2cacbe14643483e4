#pragma once

#include <QColor>

namespace anycast {

// WCAG 2.x relative luminance and contrast ratio (1:1 to 21:1) of opaque sRGB colours.
class ContrastRatio final
{
public:
    static double relativeLuminance(const QColor &colour);
    static double between(const QColor &first, const QColor &second);
};

} // namespace anycast
