// Where markers and labels go, which marker a point hits, and how the keyboard moves.
#include "app/widgets/MarkerLayout.h"

#include "app/widgets/MapProjection.h"
#include "app/widgets/MarkerNavigation.h"
#include "tests/console-drawing/QtPrinters.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace anycast {
namespace {

MapMarker marker(const char *id, double latitude, double longitude, double size = 0)
{
    MapMarker result;
    result.id = QString::fromLatin1(id);
    result.label = result.id;
    result.latitude = latitude;
    result.longitude = longitude;
    result.size = size;
    return result;
}

QList<PlacedMarker> layout(const QList<MapMarker> &markers, QSizeF label = QSizeF(60, 30))
{
    const QRectF viewport(0, 0, 900, 480);
    return MarkerLayout::place(markers, QList<QSizeF>(markers.size(), label),
                               MapProjection(viewport), viewport, MarkerLayout::Metrics());
}

QString idAt(const QList<MapMarker> &markers, const QList<PlacedMarker> &placed, qsizetype i)
{
    return i < 0 ? QString() : markers.at(placed.at(i).index).id;
}

TEST(MarkerLayout, AreaFollowsSizeBetweenTheLimits)
{
    const MarkerLayout::Metrics metrics;
    EXPECT_EQ(MarkerLayout::diameterFor(0, 1000, metrics), 20);
    EXPECT_EQ(MarkerLayout::diameterFor(1000, 1000, metrics), 48);
    EXPECT_EQ(MarkerLayout::diameterFor(250, 1000, metrics), 34) << "a quarter: half the way";
    EXPECT_EQ(MarkerLayout::diameterFor(5000, 1000, metrics), 48);
    EXPECT_EQ(MarkerLayout::diameterFor(-3, 1000, metrics), 20);
    EXPECT_EQ(MarkerLayout::diameterFor(std::nan(""), 1000, metrics), 20);
    EXPECT_EQ(MarkerLayout::diameterFor(10, 0, metrics), 20);
    EXPECT_EQ(MarkerLayout::diameterFor(std::numeric_limits<double>::infinity(), 1000, metrics),
              20);
}

TEST(MarkerLayout, PaintsLargeMarkersFirstAndKeepsTheCallersOrderOtherwise)
{
    const QList<MapMarker> markers{marker("a", 0, -100, 5), marker("b", 0, 0, 500),
                                   marker("c", 0, 100, 5)};
    const QList<PlacedMarker> placed = layout(markers);
    ASSERT_EQ(placed.size(), 3);
    EXPECT_EQ(idAt(markers, placed, 0), "b");
    EXPECT_EQ(idAt(markers, placed, 1), "a");
    EXPECT_EQ(idAt(markers, placed, 2), "c");
    EXPECT_GT(placed.at(0).glyphBox.width(), placed.at(1).glyphBox.width());
}

TEST(MarkerLayout, GlyphsSitOnWholePixelsAtTheirLocation)
{
    const QList<MapMarker> markers{marker("fra", 50.11, 8.68, 7)};
    const QList<PlacedMarker> placed = layout(markers);
    ASSERT_EQ(placed.size(), 1);
    const QRectF box = placed.first().glyphBox;
    EXPECT_EQ(box.left(), std::round(box.left()));
    EXPECT_EQ(box.top(), std::round(box.top()));
    const QPointF expected = MapProjection(QRectF(0, 0, 900, 480)).toViewport(50.11, 8.68);
    EXPECT_LE(std::abs(box.center().x() - expected.x()), 0.5);
    EXPECT_LE(std::abs(box.center().y() - expected.y()), 0.5);
}

TEST(MarkerLayout, LeavesMarkersWithoutALocationOff)
{
    const QList<MapMarker> markers{marker("nan", std::nan(""), 0), marker("north", 91, 0),
                                   marker("east", 0, 181), marker("ok", 0, 0)};
    const QList<PlacedMarker> placed = layout(markers);
    ASSERT_EQ(placed.size(), 1);
    EXPECT_EQ(idAt(markers, placed, 0), "ok");
}

TEST(MarkerLayout, ALonelyLabelSitsBelowItsMarker)
{
    const QList<PlacedMarker> placed = layout({marker("fra", 50.11, 8.68)});
    const PlacedMarker &fra = placed.first();
    EXPECT_GT(fra.labelRect.top(), fra.glyphBox.bottom());
    EXPECT_NEAR(fra.labelRect.center().x(), fra.glyphBox.center().x(), 0.5);
}

TEST(MarkerLayout, CrowdedLabelsMoveAsideInsteadOfOverlapping)
{
    // Western Europe at world scale: four sites within a few dozen pixels.
    const QList<MapMarker> markers{marker("fra", 50.11, 8.68, 900), marker("ams", 52.37, 4.90, 400),
                                   marker("lhr", 51.47, -0.45, 100),
                                   marker("cdg", 49.01, 2.55, 50)};
    const QList<PlacedMarker> placed = layout(markers, QSizeF(56, 28));
    ASSERT_EQ(placed.size(), 4);
    for (qsizetype i = 0; i < placed.size(); ++i) {
        for (qsizetype j = 0; j < placed.size(); ++j) {
            if (i == j)
                continue;
            EXPECT_FALSE(placed.at(i).labelRect.intersects(placed.at(j).labelRect))
                << qPrintable(idAt(markers, placed, i)) << " and "
                << qPrintable(idAt(markers, placed, j)) << " labels overlap";
            EXPECT_FALSE(placed.at(i).labelRect.intersects(placed.at(j).glyphBox))
                << qPrintable(idAt(markers, placed, i)) << " label covers "
                << qPrintable(idAt(markers, placed, j));
        }
    }
}

TEST(MarkerLayout, HitsTheMarkerPaintedOnTop)
{
    const QList<MapMarker> markers{marker("big", 10, 10, 1000), marker("small", 10, 10, 1),
                                   marker("far", -20, 120, 1)};
    const QList<PlacedMarker> placed = layout(markers);
    const QPointF centre = placed.first().glyphBox.center();
    EXPECT_EQ(idAt(markers, placed, MarkerLayout::hitTest(placed, centre)), "small");
    // Inside the big disc, outside the small one.
    EXPECT_EQ(idAt(markers, placed, MarkerLayout::hitTest(placed, centre + QPointF(18, 0))), "big");
    EXPECT_EQ(MarkerLayout::hitTest(placed, QPointF(2, 2)), -1);
}

TEST(MarkerNavigation, TabGoesWestToEast)
{
    const QList<MapMarker> markers{marker("syd", -33.87, 151.21), marker("iad", 39.04, -77.49),
                                   marker("fra", 50.11, 8.68)};
    const QList<PlacedMarker> placed = layout(markers);
    QStringList order;
    for (const qsizetype i : MarkerNavigation::tabOrder(placed))
        order.append(idAt(markers, placed, i));
    EXPECT_EQ(order, QStringList({"iad", "fra", "syd"}));
}

TEST(MarkerNavigation, ArrowsGoToTheNearestMarkerThatWay)
{
    const QList<MapMarker> markers{marker("iad", 39.04, -77.49),  marker("jfk", 40.64, -73.78),
                                   marker("fra", 50.11, 8.68),    marker("sin", 1.35, 103.99),
                                   marker("syd", -33.87, 151.21), marker("gru", -23.43, -46.47)};
    const QList<PlacedMarker> placed = layout(markers);
    const auto from = [&](const char *id, MarkerNavigation::Direction direction) {
        for (qsizetype i = 0; i < placed.size(); ++i) {
            if (idAt(markers, placed, i) == QLatin1String(id))
                return idAt(markers, placed, MarkerNavigation::neighbour(placed, i, direction));
        }
        return QStringLiteral("(no such marker)");
    };
    using Direction = MarkerNavigation::Direction;
    EXPECT_EQ(from("iad", Direction::Right), "jfk");
    EXPECT_EQ(from("jfk", Direction::Right), "fra");
    EXPECT_EQ(from("fra", Direction::Left), "jfk");
    EXPECT_EQ(from("jfk", Direction::Down), "iad");
    EXPECT_EQ(from("iad", Direction::Down), "gru");
    EXPECT_EQ(from("sin", Direction::Down), "syd");
    EXPECT_EQ(from("syd", Direction::Right), QString()) << "nothing east of Sydney";
    EXPECT_EQ(from("fra", Direction::Up), QString()) << "nothing north of Frankfurt";
    EXPECT_EQ(MarkerNavigation::neighbour(placed, 99, Direction::Left), -1);
}

} // namespace
} // namespace anycast
