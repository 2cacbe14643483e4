#pragma once

#include <QPointF>
#include <QRectF>

namespace anycast {

// The Natural Earth projection (Šavrič, Jenny, Patterson, Petrovič, Hurni, 2011), fitted into
// a viewport with its aspect kept. Only latitudes 58° S to 84° N are fitted: south of them
// there is Antarctica and no anycast site, and showing it would shrink the rest.
class MapProjection final
{
public:
    static constexpr double northLimit = 84.0;
    static constexpr double southLimit = -58.0;

    explicit MapProjection(const QRectF &viewport);

    // Unscaled projection units: x east, y north; about ±2.73 by ±1.5 for the whole world.
    static QPointF project(double latitude, double longitude);

    // Widget coordinates (y down) of a position; latitudes outside ±90 and longitudes outside
    // ±180 are clamped.
    QPointF toViewport(double latitude, double longitude) const;

    // Where the fitted part of the world lies inside the viewport.
    QRectF mapRect() const { return m_mapRect; }
    double scale() const { return m_scale; }

private:
    QRectF m_mapRect;
    double m_scale = 1.0;
    QPointF m_origin;
};

} // namespace anycast
