#pragma once

#include <QApplication>
#include <QPalette>
#include <QStyle>

namespace anycast::test {

// The light palette is the style's own; Qt 6.4 has no dark one, so this is the common dark
// Fusion palette that desktop themes ship.
inline QPalette lightPalette()
{
    return QApplication::style()->standardPalette();
}

inline QPalette darkPalette()
{
    QPalette palette = lightPalette();
    palette.setColor(QPalette::Window, QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::WindowText, QColor(0xEE, 0xEE, 0xEE));
    palette.setColor(QPalette::Base, QColor(0x2A, 0x2A, 0x2A));
    palette.setColor(QPalette::AlternateBase, QColor(0x42, 0x42, 0x42));
    palette.setColor(QPalette::Text, QColor(0xEE, 0xEE, 0xEE));
    palette.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    palette.setColor(QPalette::ButtonText, QColor(0xEE, 0xEE, 0xEE));
    return palette;
}

} // namespace anycast::test
