// The announcement map grabbed into images: land and sea, each marker's fill and size, and
// repaints only when something changed.
#include "app/style/MapColours.h"
#include "app/widgets/MapProjection.h"
#include "app/widgets/WorldMapView.h"
#include "tests/console-drawing/DemoMarkers.h"
#include "tests/console-drawing/ImageProbe.h"
#include "tests/console-drawing/QtPrinters.h"
#include "tests/console-drawing/TestPalettes.h"

#include <QCoreApplication>
#include <QFontMetricsF>

#include <gtest/gtest.h>

namespace anycast {
namespace {

using test::ImageProbe;

class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

QImage grabMap(WorldMapView &map)
{
    return map.grab().toImage().convertToFormat(QImage::Format_ARGB32);
}

QRect glyphRect(const WorldMapView &map, const char *id)
{
    return map.markerGlyphRect(QString::fromLatin1(id)).toAlignedRect();
}

class WorldMapRendering : public ::testing::Test
{
protected:
    void SetUp() override
    {
        map.resize(900, 480);
        map.setMarkers(test::demoMarkers());
    }

    WorldMapView map;
};

TEST_F(WorldMapRendering, EachMarkerShowsItsFill)
{
    const ImageProbe image(grabMap(map));
    for (const MapMarker &marker : map.markers()) {
        const QRect box = glyphRect(map, marker.id.toLatin1().constData());
        ASSERT_FALSE(box.isEmpty()) << qPrintable(marker.id);
        const int fill = image.count(box, StateStyle::fill(marker.state), 10);
        EXPECT_GT(fill, box.width() * box.height() / 5)
            << qPrintable(marker.id) << " shows too little "
            << qPrintable(StateStyle::fill(marker.state).name());
    }
}

TEST_F(WorldMapRendering, AnAnnouncedMarkerHasItsFillAtTheCentre)
{
    const ImageProbe image(grabMap(map));
    const QPoint centre = map.markerGlyphRect(QStringLiteral("fra")).center().toPoint();
    EXPECT_TRUE(ImageProbe::near(image.at(centre.x(), centre.y()),
                                 StateStyle::fill(RoutingState::Announced)))
        << qPrintable(image.at(centre.x(), centre.y()).name());
}

TEST_F(WorldMapRendering, TheUnreachableMarkerIsHatchedGrey)
{
    const ImageProbe image(grabMap(map));
    const QRect box = glyphRect(map, "jnb");
    const QRect inside =
        box.adjusted(box.width() / 4, box.height() / 4, -box.width() / 4, -box.height() / 4);
    EXPECT_GT(image.count(inside, StateStyle::fill(RoutingState::Unreachable), 12), 4);
    EXPECT_GT(image.count(inside, StateStyle::markColour(), 40), 2);
}

TEST_F(WorldMapRendering, LandAndSeaAreDrawnInTheMapsColours)
{
    const ImageProbe image(grabMap(map));
    const MapColours colours = MapColours::forPalette(map.palette());
    const MapProjection projection(map.rect());
    const QPoint africa = projection.toViewport(5, 22).toPoint();      // Central Africa
    const QPoint pacific = projection.toViewport(-10, -140).toPoint(); // South Pacific
    EXPECT_TRUE(ImageProbe::near(image.at(africa.x(), africa.y()), colours.land))
        << qPrintable(image.at(africa.x(), africa.y()).name());
    EXPECT_TRUE(ImageProbe::near(image.at(pacific.x(), pacific.y()), colours.sea))
        << qPrintable(image.at(pacific.x(), pacific.y()).name());
    EXPECT_GT(image.count(image.image().rect(), colours.land, 2), 900 * 480 / 10)
        << "land covers a good part of the world";
}

TEST_F(WorldMapRendering, FollowsTheDarkPalette)
{
    map.setPalette(test::darkPalette());
    const ImageProbe image(grabMap(map));
    const MapColours dark = MapColours::forPalette(test::darkPalette());
    const MapColours light = MapColours::forPalette(test::lightPalette());
    ASSERT_NE(dark.land, light.land);
    const QPoint africa = MapProjection(map.rect()).toViewport(5, 22).toPoint();
    EXPECT_TRUE(ImageProbe::near(image.at(africa.x(), africa.y()), dark.land, 2))
        << qPrintable(image.at(africa.x(), africa.y()).name());
}

TEST_F(WorldMapRendering, ALargerSizeGivesALargerDisc)
{
    MapMarker small = test::demoMarkers().first();
    small.id = QStringLiteral("small");
    small.latitude = 0;
    small.longitude = -30;
    small.size = 10;
    MapMarker large = small;
    large.id = QStringLiteral("large");
    large.longitude = -150;
    large.size = 1000;
    map.setMarkers({small, large});
    const ImageProbe image(grabMap(map));
    const QColor fill = StateStyle::fill(small.state);
    const int smallPixels = image.count(glyphRect(map, "small"), fill, 10);
    const int largePixels = image.count(glyphRect(map, "large"), fill, 10);
    EXPECT_GT(smallPixels, 20);
    EXPECT_GT(largePixels, 4 * smallPixels);
}

TEST_F(WorldMapRendering, RepaintsOnlyWhenSomethingChanged)
{
    map.show();
    PaintCounter counter;
    map.installEventFilter(&counter);
    QCoreApplication::processEvents();
    counter.paints = 0;

    map.setMarkers(test::demoMarkers());
    QCoreApplication::processEvents();
    EXPECT_EQ(counter.paints, 0) << "the same markers again are no change";

    QList<MapMarker> changed = test::demoMarkers();
    changed.first().state = RoutingState::Draining;
    map.setMarkers(changed);
    QCoreApplication::processEvents();
    EXPECT_EQ(counter.paints, 1);
    const ImageProbe image(grabMap(map));
    EXPECT_GT(image.count(glyphRect(map, "fra"), StateStyle::fill(RoutingState::Draining), 10), 50)
        << "the marker changed fill with its state";
}

TEST_F(WorldMapRendering, TheLabelIsBoldAndWiderThanInPlainText)
{
    // The label block fits the bold label: wider than the same text would be in plain.
    MapMarker marker = test::demoMarkers().first();
    marker.label = QStringLiteral("fra: 2 of 2 announcing, a long label");
    map.setMarkers({marker});
    QFont plain = map.font();
    plain.setBold(false);
    const double plainWidth = QFontMetricsF(plain).horizontalAdvance(marker.label);
    EXPECT_GT(map.markerLabelRect(marker.id).width(), plainWidth + 6 + 2);
}

TEST_F(WorldMapRendering, PrintsTheLabelAndTheStateWord)
{
    const QRectF label = map.markerLabelRect(QStringLiteral("sin"));
    ASSERT_FALSE(label.isEmpty());
    const QImage image = grabMap(map);
    const MapColours colours = MapColours::forPalette(map.palette());
    const ImageProbe probe(image);
    EXPECT_GT(probe.count(label.toAlignedRect(), colours.label, 12), 20) << "label text";
    EXPECT_GT(probe.count(label.toAlignedRect(), colours.secondaryLabel, 12), 10) << "state word";
}

// The pill is blended from a pixmap drawn once per size (a path fill per label cost 13 ms a
// repaint): it must still be the translucent halo, with rounded corners, behind every label.
// The halo is the sea's colour, so the pill shows where a label lies over land.
TEST_F(WorldMapRendering, EveryLabelSitsOnARoundedTranslucentPill)
{
    const ImageProbe withLabels(grabMap(map));
    const QList<MapMarker> markers = map.markers();
    QList<QRect> blocks;
    for (const MapMarker &marker : markers)
        blocks.append(map.markerLabelRect(marker.id).toAlignedRect());
    map.setMarkers({});
    const ImageProbe behind(grabMap(map));
    const QColor halo = MapColours::forPalette(map.palette()).labelHalo;
    const auto overBackground = [&halo](const QColor &under) {
        const auto blend = [](int over, int below) { return (over * 200 + below * 55) / 255; };
        return QColor(blend(halo.red(), under.red()), blend(halo.green(), under.green()),
                      blend(halo.blue(), under.blue()));
    };
    int checked = 0;
    for (qsizetype i = 0; i < markers.size(); ++i) {
        const QRect &block = blocks.at(i);
        ASSERT_FALSE(block.isEmpty()) << qPrintable(markers.at(i).id);
        // The left padding, half-way down: pill, no text.
        const QPoint padding(block.left() + 1, block.center().y());
        const QPoint corner = block.topLeft();
        const QColor under = behind.at(padding.x(), padding.y());
        const QColor cornerUnder = behind.at(corner.x(), corner.y());
        if (ImageProbe::near(overBackground(under), under, 12) ||
            ImageProbe::near(overBackground(cornerUnder), cornerUnder, 12))
            continue; // over the sea the pill is invisible by design
        ++checked;
        const QColor shown = withLabels.at(padding.x(), padding.y());
        EXPECT_TRUE(ImageProbe::near(shown, overBackground(under), 10))
            << qPrintable(markers.at(i).id) << ": " << qPrintable(shown.name()) << " where "
            << qPrintable(overBackground(under).name()) << " was expected";
        // A rounded corner leaves the very corner pixel nearer the land than the pill.
        const QColor shownCorner = withLabels.at(corner.x(), corner.y());
        EXPECT_FALSE(ImageProbe::near(shownCorner, overBackground(cornerUnder), 10))
            << qPrintable(markers.at(i).id) << ": square corner " << qPrintable(shownCorner.name());
    }
    EXPECT_GE(checked, 2) << "too few labels over land to see their pills";
}

} // namespace
} // namespace anycast
