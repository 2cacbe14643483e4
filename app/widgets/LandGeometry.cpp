#include "app/widgets/LandGeometry.h"

#include <QFile>
#include <QtEndian>

namespace anycast {

namespace {

constexpr char magic[] = "ACLM";
constexpr quint16 supportedVersion = 1;
constexpr quint16 unitsPerDegree = 100;
constexpr qsizetype headerBytes = 12;
constexpr qsizetype pointBytes = 4;

class ByteReader
{
public:
    explicit ByteReader(const QByteArray &bytes)
        : m_bytes(bytes)
    {}

    bool has(qsizetype count) const { return m_bytes.size() - m_offset >= count; }
    qsizetype remaining() const { return m_bytes.size() - m_offset; }
    qsizetype offset() const { return m_offset; }

    quint16 uint16() { return qFromLittleEndian<quint16>(advance(2)); }
    quint32 uint32() { return qFromLittleEndian<quint32>(advance(4)); }
    qint16 int16() { return qFromLittleEndian<qint16>(advance(2)); }

private:
    const char *advance(qsizetype count)
    {
        const char *at = m_bytes.constData() + m_offset;
        m_offset += count;
        return at;
    }

    const QByteArray &m_bytes;
    qsizetype m_offset = 0;
};

LandGeometry failed(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return {};
}

} // namespace

LandGeometry LandGeometry::parse(const QByteArray &bytes, QString *error)
{
    if (bytes.size() < headerBytes || !bytes.startsWith(magic))
        return failed(error, QStringLiteral("not a land geometry file (no ACLM header)"));
    ByteReader reader(bytes);
    reader.uint32();
    const quint16 version = reader.uint16();
    if (version != supportedVersion)
        return failed(error, QStringLiteral("land geometry version %1, expected %2")
                                 .arg(version)
                                 .arg(supportedVersion));
    const quint16 units = reader.uint16();
    if (units != unitsPerDegree)
        return failed(error, QStringLiteral("land geometry in %1 units per degree, expected %2")
                                 .arg(units)
                                 .arg(unitsPerDegree));
    const quint32 ringCount = reader.uint32();
    // Each ring takes at least its count and three points: reject absurd counts before
    // reserving anything for them.
    if (ringCount > static_cast<quint64>(reader.remaining()) / (4 + 3 * pointBytes))
        return failed(error, QStringLiteral("a ring count of %1 does not fit in %2 bytes")
                                 .arg(ringCount)
                                 .arg(bytes.size()));

    LandGeometry land;
    land.m_rings.reserve(ringCount);
    for (quint32 ring = 0; ring < ringCount; ++ring) {
        if (!reader.has(4))
            return failed(error, QStringLiteral("land geometry ends inside ring %1").arg(ring));
        const quint32 points = reader.uint32();
        if (points < 3 || points > static_cast<quint64>(reader.remaining()) / pointBytes)
            return failed(error, QStringLiteral("ring %1 at byte %2 has %3 points")
                                     .arg(ring)
                                     .arg(reader.offset() - 4)
                                     .arg(points));
        QPolygonF polygon;
        polygon.reserve(points);
        for (quint32 point = 0; point < points; ++point) {
            const qint16 longitude = reader.int16();
            const qint16 latitude = reader.int16();
            if (longitude < -180 * unitsPerDegree || longitude > 180 * unitsPerDegree ||
                latitude < -90 * unitsPerDegree || latitude > 90 * unitsPerDegree)
                return failed(
                    error,
                    QStringLiteral("ring %1 point %2 is outside the globe").arg(ring).arg(point));
            polygon.append(
                QPointF(double(longitude) / unitsPerDegree, double(latitude) / unitsPerDegree));
        }
        land.m_rings.append(polygon);
    }
    if (reader.remaining() != 0)
        return failed(error,
                      QStringLiteral("%1 bytes after the last ring").arg(reader.remaining()));
    if (error)
        error->clear();
    return land;
}

const LandGeometry &LandGeometry::world()
{
    static const LandGeometry land = [] {
        QFile file(QStringLiteral(":/map/land-110m.bin"));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("anycast-console: the world map's land is missing from the resources");
            return LandGeometry();
        }
        QString error;
        LandGeometry parsed = parse(file.readAll(), &error);
        if (parsed.isEmpty())
            qWarning("anycast-console: the world map's land is damaged: %s", qPrintable(error));
        return parsed;
    }();
    return land;
}

qsizetype LandGeometry::pointCount() const
{
    qsizetype count = 0;
    for (const QPolygonF &ring : m_rings)
        count += ring.size();
    return count;
}

} // namespace anycast
