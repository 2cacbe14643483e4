#pragma once

#include <QByteArray>
#include <QList>
#include <QPolygonF>
#include <QString>

namespace anycast {

// Land polygons as rings of (x = longitude, y = latitude) in degrees, read from the compact
// format that scripts/build-map-resource writes (resources/map/README.md describes it).
class LandGeometry final
{
public:
    LandGeometry() = default;

    // Strict: a wrong magic, version or unit, a count that does not match the bytes, a
    // coordinate out of range or trailing bytes give an empty geometry and `error`.
    static LandGeometry parse(const QByteArray &bytes, QString *error);
    // The world's land from the console's resources (:/map/land-110m.bin, in
    // resources/resources.qrc, which each executable that shows the map compiles in), read
    // once; empty, with a warning logged, when the resource is missing or damaged.
    static const LandGeometry &world();

    const QList<QPolygonF> &rings() const { return m_rings; }
    bool isEmpty() const { return m_rings.isEmpty(); }
    qsizetype pointCount() const;

private:
    QList<QPolygonF> m_rings;
};

} // namespace anycast
