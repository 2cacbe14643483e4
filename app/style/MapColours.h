#pragma once

#include <QColor>

class QPalette;

namespace anycast {

// The announcement map's colours. The map is a dark map under both the light and the dark
// palette: the Okabe-Ito orange and sky blue reach only about 2.3:1 against white, and
// state fills need 3:1 against what they sit on (WCAG 1.4.11). Only the shades follow the
// palette, so that the map sits well in either window.
struct MapColours
{
    QColor sea;
    QColor land;
    QColor coastline;
    QColor label;
    QColor labelHalo;
    QColor secondaryLabel;
    QColor focusRing;
    QColor hoverRing;

    static MapColours forPalette(const QPalette &palette);
    static bool isDark(const QPalette &palette);
};

} // namespace anycast
