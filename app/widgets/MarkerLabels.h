#pragma once

#include "app/widgets/MapMarker.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QPixmap>
#include <QSizeF>
#include <QStaticText>

class QPainter;

namespace anycast {

struct MapColours;

// The labels under the map's markers: the caller's label in bold over the state word, on a
// translucent pill. Each distinct string is laid out once per font and kept, and each pill
// size is drawn once and kept as a pixmap, so that a repaint with hundreds of markers does no
// text layout and no path filling; labels are plain text, never markup.
class MarkerLabels final
{
public:
    void setFont(const QFont &base);
    QSizeF blockSize(const MapMarker &marker);
    void paint(QPainter &painter, const QRectF &block, const MapMarker &marker,
               const MapColours &colours);
    // Forgets the texts none of `markers` shows.
    void keepOnly(const QList<MapMarker> &markers);

private:
    QStaticText &prepared(QHash<QString, QStaticText> &cache, const QString &text,
                          const QFont &font);
    // The translucent rounded backing of a block this size, for a device of this pixel ratio.
    const QPixmap &pill(QSize size, const QColor &colour, qreal pixelRatio);

    QFont m_plain;
    QFont m_bold;
    QHash<QString, QStaticText> m_labels;
    QHash<QString, QStaticText> m_words;
    QHash<quint64, QPixmap> m_pills; // by width << 32 | height
    QColor m_pillColour;
    qreal m_pillRatio = 0;
};

} // namespace anycast
