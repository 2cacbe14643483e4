// The map under the mouse and the keyboard: hover, tooltip, click and focus between markers.
#include "app/widgets/WorldMapView.h"
#include "tests/console-drawing/DemoMarkers.h"
#include "tests/console-drawing/QtPrinters.h"

#include <QApplication>
#include <QHelpEvent>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QVBoxLayout>

#include <gtest/gtest.h>

namespace anycast {
namespace {

QPoint centreOf(const WorldMapView &map, const char *id)
{
    return map.markerGlyphRect(QString::fromLatin1(id)).center().toPoint();
}

class WorldMapInteraction : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto *layout = new QVBoxLayout(&window);
        before = new QLineEdit(&window);
        map = new WorldMapView(&window);
        after = new QLineEdit(&window);
        layout->addWidget(before);
        layout->addWidget(map);
        layout->addWidget(after);
        map->setMarkers(test::demoMarkers());
        window.resize(900, 560);
        window.show();
        QApplication::setActiveWindow(&window);
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    }

    QWidget window;
    QLineEdit *before = nullptr;
    WorldMapView *map = nullptr;
    QLineEdit *after = nullptr;
};

TEST_F(WorldMapInteraction, AClickOnAMarkerActivatesIt)
{
    QSignalSpy activated(map, &WorldMapView::markerActivated);
    QTest::mouseClick(map, Qt::LeftButton, Qt::NoModifier, centreOf(*map, "sin"));
    ASSERT_EQ(activated.count(), 1);
    EXPECT_EQ(activated.first().first().toString(), "sin");
    EXPECT_EQ(map->focusedMarkerId(), "sin") << "the focus ring follows the click";
}

TEST_F(WorldMapInteraction, AClickBesideEveryMarkerActivatesNothing)
{
    QSignalSpy activated(map, &WorldMapView::markerActivated);
    QTest::mouseClick(map, Qt::LeftButton, Qt::NoModifier, QPoint(5, 5));
    QTest::mouseClick(map, Qt::RightButton, Qt::NoModifier, centreOf(*map, "fra"));
    EXPECT_EQ(activated.count(), 0);
}

TEST_F(WorldMapInteraction, PressingOnOneMarkerAndReleasingOnAnotherIsNoClick)
{
    QSignalSpy activated(map, &WorldMapView::markerActivated);
    QTest::mousePress(map, Qt::LeftButton, Qt::NoModifier, centreOf(*map, "fra"));
    QTest::mouseRelease(map, Qt::LeftButton, Qt::NoModifier, centreOf(*map, "syd"));
    EXPECT_EQ(activated.count(), 0);
}

TEST_F(WorldMapInteraction, HoverNamesTheMarkerAndItsTooltipTellsTheState)
{
    QSignalSpy hovered(map, &WorldMapView::markerHovered);
    QTest::mouseMove(map, centreOf(*map, "jnb"));
    ASSERT_GE(hovered.count(), 1);
    EXPECT_EQ(hovered.last().first().toString(), "jnb");
    EXPECT_EQ(map->cursor().shape(), Qt::PointingHandCursor);

    QHelpEvent help(QEvent::ToolTip, centreOf(*map, "jnb"),
                    map->mapToGlobal(centreOf(*map, "jnb")));
    QApplication::sendEvent(map, &help);
    const QString tip = QToolTip::text();
    EXPECT_TRUE(tip.contains("jnb: no agent answers")) << qPrintable(tip);
    EXPECT_TRUE(tip.contains(StateStyle::word(RoutingState::Unreachable))) << qPrintable(tip);
    EXPECT_TRUE(tip.contains(StateStyle::word(Observation::NoData))) << qPrintable(tip);
    EXPECT_TRUE(tip.contains("0 ESTABLISHED")) << qPrintable(tip);

    QTest::mouseMove(map, QPoint(5, 5));
    EXPECT_EQ(hovered.last().first().toString(), QString());
    EXPECT_EQ(map->cursor().shape(), Qt::ArrowCursor);
}

TEST_F(WorldMapInteraction, MarkupInALabelIsShownAsTyped)
{
    QList<MapMarker> markers = test::demoMarkers();
    markers.first().label = QStringLiteral("<b>fra</b> & <img src=x>");
    map->setMarkers(markers);
    const QPoint centre = centreOf(*map, "fra");
    QHelpEvent help(QEvent::ToolTip, centre, map->mapToGlobal(centre));
    QApplication::sendEvent(map, &help);
    const QString tip = QToolTip::text();
    EXPECT_TRUE(tip.contains("&lt;b&gt;fra&lt;/b&gt; &amp; &lt;img src=x&gt;")) << qPrintable(tip);
    EXPECT_FALSE(tip.contains("<b>")) << qPrintable(tip);
}

TEST_F(WorldMapInteraction, TabWalksTheMarkersWestToEastAndLeavesAfterTheLast)
{
    before->setFocus();
    QStringList visited;
    for (int step = 0; step < test::demoMarkers().size(); ++step) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        ASSERT_EQ(QApplication::focusWidget(), map) << "step " << step;
        visited.append(map->focusedMarkerId());
    }
    EXPECT_EQ(visited, QStringList({"iad", "gru", "fra", "jnb", "sin", "nrt", "syd"}));
    QTest::keyClick(map, Qt::Key_Tab);
    EXPECT_EQ(QApplication::focusWidget(), after);

    QTest::keyClick(after, Qt::Key_Backtab);
    EXPECT_EQ(QApplication::focusWidget(), map);
    EXPECT_EQ(map->focusedMarkerId(), "syd") << "Shift+Tab comes back in at the last marker";
}

TEST_F(WorldMapInteraction, ArrowKeysMoveTheFocusRingAndEnterActivates)
{
    QSignalSpy activated(map, &WorldMapView::markerActivated);
    map->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(map, Qt::Key_Right);
    EXPECT_EQ(map->focusedMarkerId(), "iad") << "the first arrow press picks the westmost";
    QTest::keyClick(map, Qt::Key_Right);
    EXPECT_EQ(map->focusedMarkerId(), "fra");
    QTest::keyClick(map, Qt::Key_Down);
    EXPECT_EQ(map->focusedMarkerId(), "jnb");
    QTest::keyClick(map, Qt::Key_Return);
    ASSERT_EQ(activated.count(), 1);
    EXPECT_EQ(activated.first().first().toString(), "jnb");
    EXPECT_FALSE(map->accessibleDescription().isEmpty())
        << "assistive technology hears the focused marker";
}

TEST_F(WorldMapInteraction, AMarkerThatDisappearsTakesTheFocusRingWithIt)
{
    map->setFocusedMarker(QStringLiteral("sin"));
    EXPECT_EQ(map->focusedMarkerId(), "sin");
    QList<MapMarker> markers = test::demoMarkers();
    markers.removeIf([](const MapMarker &marker) { return marker.id == "sin"; });
    map->setMarkers(markers);
    EXPECT_EQ(map->focusedMarkerId(), QString());
    map->setFocusedMarker(QStringLiteral("nowhere"));
    EXPECT_EQ(map->focusedMarkerId(), QString());
}

} // namespace
} // namespace anycast
