#include "app/style/MapColours.h"

#include <QPalette>

namespace anycast {

bool MapColours::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

MapColours MapColours::forPalette(const QPalette &palette)
{
    MapColours colours;
    if (isDark(palette)) {
        colours.sea = QColor(0x10, 0x14, 0x18);
        colours.land = QColor(0x26, 0x2D, 0x35);
        colours.coastline = QColor(0x3A, 0x44, 0x4F);
    } else {
        colours.sea = QColor(0x1A, 0x23, 0x2D);
        colours.land = QColor(0x2E, 0x39, 0x44);
        colours.coastline = QColor(0x48, 0x55, 0x62);
    }
    colours.label = QColor(0xF2, 0xF2, 0xF2);
    colours.labelHalo = colours.sea;
    colours.secondaryLabel = QColor(0xC8, 0xCE, 0xD4);
    colours.focusRing = QColor(0xFF, 0xFF, 0xFF);
    colours.hoverRing = QColor(0xC8, 0xCE, 0xD4);
    return colours;
}

} // namespace anycast
