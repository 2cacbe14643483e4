#include "app/widgets/MapProjection.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace anycast {

namespace {

double radians(double degrees)
{
    return degrees * std::numbers::pi / 180.0;
}

} // namespace

QPointF MapProjection::project(double latitude, double longitude)
{
    const double phi = radians(std::clamp(latitude, -90.0, 90.0));
    const double lambda = radians(std::clamp(longitude, -180.0, 180.0));
    const double phi2 = phi * phi;
    const double phi4 = phi2 * phi2;
    // The published polynomial of the Natural Earth projection.
    const double x = lambda * (0.8707 - 0.131979 * phi2 +
                               phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)));
    const double y =
        phi *
        (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)));
    return {x, y};
}

MapProjection::MapProjection(const QRectF &viewport)
{
    // The equator is the widest parallel; x and y are each monotonic in their coordinate.
    const double halfWidth = project(0, 180).x();
    const double top = project(northLimit, 0).y();
    const double bottom = project(southLimit, 0).y();
    const double width = 2 * halfWidth;
    const double height = top - bottom;
    m_scale = std::max(0.0, std::min(viewport.width() / width, viewport.height() / height));
    const QSizeF fitted(width * m_scale, height * m_scale);
    m_mapRect =
        QRectF(viewport.center() - QPointF(fitted.width() / 2, fitted.height() / 2), fitted);
    m_origin = QPointF(m_mapRect.center().x(), m_mapRect.top() + top * m_scale);
}

QPointF MapProjection::toViewport(double latitude, double longitude) const
{
    const QPointF projected = project(latitude, longitude);
    return {m_origin.x() + projected.x() * m_scale, m_origin.y() - projected.y() * m_scale};
}

} // namespace anycast
