// The map's land from the committed resource, and the strict reader of its format.
#include "app/widgets/LandGeometry.h"

#include "tests/console-drawing/QtPrinters.h"

#include <QPainterPath>
#include <QtEndian>

#include <gtest/gtest.h>

namespace anycast {
namespace {

QPainterPath landPath(const LandGeometry &land)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (const QPolygonF &ring : land.rings())
        path.addPolygon(ring);
    return path;
}

void appendUint16(QByteArray &bytes, quint16 value)
{
    char buffer[2];
    qToLittleEndian(value, buffer);
    bytes.append(buffer, 2);
}

void appendUint32(QByteArray &bytes, quint32 value)
{
    char buffer[4];
    qToLittleEndian(value, buffer);
    bytes.append(buffer, 4);
}

void appendPoint(QByteArray &bytes, qint16 longitude, qint16 latitude)
{
    appendUint16(bytes, static_cast<quint16>(longitude));
    appendUint16(bytes, static_cast<quint16>(latitude));
}

QByteArray triangleFile()
{
    QByteArray bytes("ACLM");
    appendUint16(bytes, 1);
    appendUint16(bytes, 100);
    appendUint32(bytes, 1);
    appendUint32(bytes, 3);
    appendPoint(bytes, 0, 0);
    appendPoint(bytes, 1000, 0);
    appendPoint(bytes, 0, -1050);
    return bytes;
}

TEST(LandGeometry, TheWorldComesFromTheResource)
{
    const LandGeometry &world = LandGeometry::world();
    EXPECT_EQ(world.rings().size(), 128);
    EXPECT_EQ(world.pointCount(), 5004);
    const QRectF bounds = landPath(world).boundingRect();
    EXPECT_NEAR(bounds.left(), -180, 0.01);
    EXPECT_NEAR(bounds.right(), 180, 0.01);
    EXPECT_NEAR(bounds.top(), -90, 0.01) << "Antarctica is closed over the pole";
    EXPECT_NEAR(bounds.bottom(), 83.65, 0.01);
}

TEST(LandGeometry, CitiesAreOnLandAndOceansAreNot)
{
    const QPainterPath land = landPath(LandGeometry::world());
    // x = longitude, y = latitude
    EXPECT_TRUE(land.contains(QPointF(8.68, 50.11)));          // Frankfurt
    EXPECT_TRUE(land.contains(QPointF(-77.49, 39.04)));        // Ashburn
    EXPECT_TRUE(land.contains(QPointF(151.21, -33.87 + 0.2))); // Sydney, just inland
    EXPECT_FALSE(land.contains(QPointF(-40, 30)));             // North Atlantic
    EXPECT_FALSE(land.contains(QPointF(-150, 0)));             // Pacific
    EXPECT_FALSE(land.contains(QPointF(18, 35)));              // Mediterranean
    EXPECT_FALSE(land.contains(QPointF(-90, 25)));             // Gulf of Mexico
    // Islands across the antimeridian stay islands, on both sides of the map.
    EXPECT_TRUE(land.contains(QPointF(179.5, -16.6)));  // Vanua Levu, Fiji
    EXPECT_TRUE(land.contains(QPointF(-179.9, -16.4))); // its tip east of 180
    EXPECT_TRUE(land.contains(QPointF(-175, 66.5)));    // Chukotka
    EXPECT_FALSE(land.contains(QPointF(-20, -16.5))) << "no strip of land across the world";
    EXPECT_FALSE(land.contains(QPointF(0, 71))) << "no strip of land across the Arctic";
}

TEST(LandGeometry, ReadsAValidFile)
{
    QString error = QStringLiteral("stale");
    const LandGeometry land = LandGeometry::parse(triangleFile(), &error);
    EXPECT_TRUE(error.isEmpty()) << qPrintable(error);
    ASSERT_EQ(land.rings().size(), 1);
    EXPECT_EQ(land.rings().first(), QPolygonF({QPointF(0, 0), QPointF(10, 0), QPointF(0, -10.5)}));
}

struct Damage
{
    const char *name;
    QByteArray bytes;
    const char *expectedError;
};

void PrintTo(const Damage &damage, std::ostream *out)
{
    *out << damage.name;
}

class DamagedFile : public ::testing::TestWithParam<Damage>
{};

TEST_P(DamagedFile, IsRefusedWithAReason)
{
    QString error;
    const LandGeometry land = LandGeometry::parse(GetParam().bytes, &error);
    EXPECT_TRUE(land.isEmpty());
    EXPECT_TRUE(error.contains(QLatin1String(GetParam().expectedError))) << qPrintable(error);
}

QByteArray withByte(QByteArray bytes, qsizetype at, char value)
{
    bytes[at] = value;
    return bytes;
}

QByteArray withUint32(QByteArray bytes, qsizetype at, quint32 value)
{
    qToLittleEndian(value, bytes.data() + at);
    return bytes;
}

QByteArray withPoint(QByteArray bytes, qsizetype point, qint16 longitude, qint16 latitude)
{
    const qsizetype at = 16 + point * 4;
    qToLittleEndian(longitude, bytes.data() + at);
    qToLittleEndian(latitude, bytes.data() + at + 2);
    return bytes;
}

INSTANTIATE_TEST_SUITE_P(
    Format, DamagedFile,
    ::testing::Values(
        Damage{"Empty", QByteArray(), "no ACLM header"},
        Damage{"WrongMagic", withByte(triangleFile(), 0, 'X'), "no ACLM header"},
        Damage{"WrongVersion", withByte(triangleFile(), 4, 2), "version 2"},
        Damage{"WrongUnits", withByte(triangleFile(), 6, 10), "10 units"},
        Damage{"AbsurdRingCount", withUint32(triangleFile(), 8, 0xFFFFFFFFu),
               "ring count of 4294967295 does not fit"},
        Damage{"TwoPointRing", withUint32(triangleFile(), 12, 2), "has 2 points"},
        Damage{"PointsPastTheEnd", withUint32(triangleFile(), 12, 4), "has 4 points"},
        Damage{"Truncated", triangleFile().left(20), "ring count of 1 does not fit"},
        Damage{"MissingRing", withUint32(triangleFile(), 8, 2), "ring count of 2 does not fit"},
        Damage{"LongitudeOffTheGlobe", withPoint(triangleFile(), 1, 18001, 0), "outside the globe"},
        Damage{"LatitudeOffTheGlobe", withPoint(triangleFile(), 2, 0, -9001), "outside the globe"},
        Damage{"TrailingBytes", triangleFile() + "x", "1 bytes after the last ring"}),
    [](const ::testing::TestParamInfo<Damage> &paramInfo) {
        return std::string(paramInfo.param.name);
    });

} // namespace
} // namespace anycast
