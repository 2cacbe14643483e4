// The Natural Earth projection and its fit into a widget.
#include "app/widgets/MapProjection.h"

#include "tests/console-drawing/QtPrinters.h"

#include <gtest/gtest.h>

namespace anycast {
namespace {

TEST(MapProjection, IsSymmetricAboutTheEquatorAndTheMeridian)
{
    EXPECT_EQ(MapProjection::project(0, 0), QPointF(0, 0));
    const QPointF east = MapProjection::project(50, 8);
    const QPointF west = MapProjection::project(50, -8);
    const QPointF south = MapProjection::project(-50, 8);
    EXPECT_DOUBLE_EQ(east.x(), -west.x());
    EXPECT_DOUBLE_EQ(east.y(), west.y());
    EXPECT_DOUBLE_EQ(east.y(), -south.y());
}

TEST(MapProjection, MatchesTheNaturalEarthExtent)
{
    // The extent that follows from the published coefficients: x = 0.8707 pi at the equator's
    // ends, y = 1.4224 at the poles; parallels shrink towards the poles.
    EXPECT_NEAR(MapProjection::project(0, 180).x(), 0.8707 * 3.14159265, 1e-6);
    EXPECT_NEAR(MapProjection::project(90, 0).y(), 1.4224, 1e-4);
    EXPECT_NEAR(MapProjection::project(-90, 0).y(), -1.4224, 1e-4);
    EXPECT_LT(MapProjection::project(60, 180).x(), MapProjection::project(0, 180).x());
}

TEST(MapProjection, ClampsPositionsOffTheGlobe)
{
    EXPECT_EQ(MapProjection::project(120, 0), MapProjection::project(90, 0));
    EXPECT_EQ(MapProjection::project(0, -200), MapProjection::project(0, -180));
}

TEST(MapProjection, FitsTheWorldIntoTheViewportKeepingItsAspect)
{
    const QRectF wide(0, 0, 1000, 300);
    const MapProjection projection(wide);
    const QRectF map = projection.mapRect();
    EXPECT_TRUE(wide.contains(map.adjusted(0.01, 0.01, -0.01, -0.01)));
    EXPECT_NEAR(map.height(), 300, 1e-6) << "a wide viewport is filled top to bottom";
    EXPECT_NEAR(map.center().x(), 500, 1e-6);
    EXPECT_NEAR(projection.toViewport(MapProjection::northLimit, 0).y(), map.top(), 1e-6);
    EXPECT_NEAR(projection.toViewport(MapProjection::southLimit, 0).y(), map.bottom(), 1e-6);
    EXPECT_NEAR(projection.toViewport(0, 180).x(), map.right(), 1e-6);
    EXPECT_NEAR(projection.toViewport(0, -180).x(), map.left(), 1e-6);

    const MapProjection tall(QRectF(0, 0, 400, 1000));
    EXPECT_NEAR(tall.mapRect().width(), 400, 1e-6) << "a tall viewport is filled side to side";
    const double aspect = map.width() / map.height();
    EXPECT_NEAR(tall.mapRect().width() / tall.mapRect().height(), aspect, 1e-9);
}

TEST(MapProjection, PutsCitiesWhereAReaderExpectsThem)
{
    const MapProjection projection(QRectF(0, 0, 900, 480));
    const QPointF frankfurt = projection.toViewport(50.11, 8.68);
    const QPointF ashburn = projection.toViewport(39.04, -77.49);
    const QPointF sydney = projection.toViewport(-33.87, 151.21);
    EXPECT_LT(ashburn.x(), frankfurt.x());
    EXPECT_LT(frankfurt.x(), sydney.x());
    EXPECT_LT(frankfurt.y(), ashburn.y());
    EXPECT_LT(ashburn.y(), sydney.y());
}

} // namespace
} // namespace anycast
