#pragma once

#include "app/widgets/MapMarker.h"

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace anycast {

class MapProjection;

struct PlacedMarker
{
    qsizetype index = -1; // into the markers that were placed
    QRectF glyphBox;      // whole pixels, so that the glyph's edges stay crisp
    QRectF labelRect;     // the label block: the caller's label over the state word

    QPointF centre() const { return glyphBox.center(); }
};

// Where markers and their labels go on the map. Pure: the caller measures the labels.
class MarkerLayout final
{
public:
    struct Metrics
    {
        int minimumDiameter = 20;
        int maximumDiameter = 48;
        double labelGap = 3;
    };

    // A latitude and longitude on the globe; markers without one are left off the map.
    static bool hasLocation(const MapMarker &marker);

    // Diameter for a marker of `size` when the largest on the map is `largest`: a square-root
    // scale, so that area follows size, between the minimum and the maximum.
    static int diameterFor(double size, double largest, const Metrics &metrics);

    // Markers that have a location, in paint order (largest first, so that small ones stay visible
    // on top), each label put below its marker or, when that would overlap a label or a marker
    // placed before, to its right, left, above or further down: the first place that is free.
    static QList<PlacedMarker> place(const QList<MapMarker> &markers,
                                     const QList<QSizeF> &labelSizes,
                                     const MapProjection &projection, const QRectF &viewport,
                                     const Metrics &metrics);

    // The placed marker under `point` that is painted on top, or -1.
    static qsizetype hitTest(const QList<PlacedMarker> &placed, const QPointF &point);
};

} // namespace anycast
