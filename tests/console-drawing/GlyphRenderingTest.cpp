// The state glyphs as pixels: shapes that differ, fills where they belong, marks that show, and
// edges that stay crisp at tree-icon size.
#include "app/style/ContrastRatio.h"
#include "app/style/StateGlyph.h"
#include "tests/console-drawing/ImageProbe.h"
#include "tests/console-drawing/QtPrinters.h"

#include <QPainter>

#include <gtest/gtest.h>

#include <cmath>

namespace anycast {
namespace {

using test::ImageProbe;
using test::renderGlyph;

class GlyphSizes : public ::testing::TestWithParam<int>
{};

TEST_P(GlyphSizes, TheThreeShapesHaveDifferentMasks)
{
    const int side = GetParam();
    const QImage circle = renderGlyph(side, Observation::Reporting, RoutingState::Announced);
    const QImage diamond = renderGlyph(side, Observation::Failing, RoutingState::Announced);
    const QImage square = renderGlyph(side, Observation::NoData, RoutingState::Announced);
    // At least a tenth of the box must change between any two shapes.
    const int enough = side * side / 10;
    EXPECT_GT(ImageProbe::maskDifference(circle, diamond), enough);
    EXPECT_GT(ImageProbe::maskDifference(circle, square), enough);
    EXPECT_GT(ImageProbe::maskDifference(diamond, square), enough);
}

TEST_P(GlyphSizes, CornersTellTheShapes)
{
    const int side = GetParam();
    // Just inside the square's corner: the square covers it, the circle and the diamond do
    // not. Just above the square: the circle and the diamond reach it.
    const int inset = static_cast<int>(std::lround(side * 0.08));
    const QRect probe(inset, inset, 1, 1);
    EXPECT_EQ(
        ImageProbe(renderGlyph(side, Observation::NoData, RoutingState::Announced)).opaque(probe),
        1);
    EXPECT_EQ(ImageProbe(renderGlyph(side, Observation::Reporting, RoutingState::Announced))
                  .opaque(probe),
              0);
    EXPECT_EQ(
        ImageProbe(renderGlyph(side, Observation::Failing, RoutingState::Announced)).opaque(probe),
        0);
    const QRect top(side / 2, inset - 1, 1, 1);
    EXPECT_EQ(
        ImageProbe(renderGlyph(side, Observation::Reporting, RoutingState::Announced)).opaque(top),
        1);
    EXPECT_EQ(
        ImageProbe(renderGlyph(side, Observation::Failing, RoutingState::Announced)).opaque(top),
        1);
    EXPECT_EQ(
        ImageProbe(renderGlyph(side, Observation::NoData, RoutingState::Announced)).opaque(top), 0);
}

TEST_P(GlyphSizes, SquareEdgesAreCrisp)
{
    const int side = GetParam();
    const QImage square = renderGlyph(side, Observation::NoData, RoutingState::Announced);
    EXPECT_EQ(ImageProbe(square).partlyTransparent(square.rect()), 0)
        << "a square on whole pixels has no blurred edge pixels";
}

TEST_P(GlyphSizes, PlainFillsSitAtTheCentreInsideADarkOutline)
{
    const int side = GetParam();
    for (const RoutingState state : StateStyle::routingStates()) {
        if (StateStyle::mark(state) != GlyphMark::None)
            continue;
        for (const Observation observation : StateStyle::observations()) {
            const ImageProbe glyph(renderGlyph(side, observation, state));
            EXPECT_TRUE(ImageProbe::near(glyph.at(side / 2, side / 2), StateStyle::fill(state)))
                << qPrintable(StateStyle::word(state)) << " centre is "
                << qPrintable(glyph.at(side / 2, side / 2).name());
            // The outline: opaque pixels at least 2:1 darker than the fill, all round.
            int dark = 0;
            for (int y = 0; y < side; ++y) {
                for (int x = 0; x < side; ++x) {
                    const QColor pixel = glyph.at(x, y);
                    if (pixel.alpha() > 200 &&
                        ContrastRatio::between(pixel, StateStyle::fill(state)) >= 2.0)
                        ++dark;
                }
            }
            EXPECT_GT(dark, side + side / 2)
                << qPrintable(StateStyle::word(state)) << " has no dark outline";
        }
    }
}

TEST_P(GlyphSizes, UnreachableIsHatchedGrey)
{
    const int side = GetParam();
    const ImageProbe glyph(renderGlyph(side, Observation::NoData, RoutingState::Unreachable));
    const QRect inside = QRect(0, 0, side, side).adjusted(side / 4, side / 4, -side / 4, -side / 4);
    const int grey = glyph.count(inside, StateStyle::fill(RoutingState::Unreachable), 12);
    const int lines = glyph.count(inside, StateStyle::markColour(), 40);
    EXPECT_GT(grey, inside.width() * inside.height() / 5) << "too little grey";
    EXPECT_GT(lines, inside.width()) << "too few hatch line pixels";
}

TEST_P(GlyphSizes, DrainedShowsBarsThatDrainingHasNot)
{
    const int side = GetParam();
    const QRect inside = QRect(0, 0, side, side).adjusted(side / 4, side / 4, -side / 4, -side / 4);
    const ImageProbe drained(renderGlyph(side, Observation::Reporting, RoutingState::Drained));
    const ImageProbe draining(renderGlyph(side, Observation::Reporting, RoutingState::Draining));
    EXPECT_GE(drained.count(inside, StateStyle::markColour(), 16), 2 * 4);
    EXPECT_EQ(draining.count(inside, StateStyle::markColour(), 16), 0);
}

TEST_P(GlyphSizes, RedundancyLostShowsAMarkThatDePreferredHasNot)
{
    const int side = GetParam();
    const QRect inside = QRect(0, 0, side, side).adjusted(side / 4, side / 4, -side / 4, -side / 4);
    const ImageProbe lost(renderGlyph(side, Observation::Reporting, RoutingState::RedundancyLost));
    const ImageProbe dePreferred(
        renderGlyph(side, Observation::Reporting, RoutingState::DePreferred));
    EXPECT_GE(lost.count(inside, StateStyle::markColour(), 16), 2 * 4);
    EXPECT_EQ(dePreferred.count(inside, StateStyle::markColour(), 16), 0);
}

INSTANTIATE_TEST_SUITE_P(TreeToMap, GlyphSizes, ::testing::Values(16, 24, 32, 48),
                         [](const ::testing::TestParamInfo<int> &paramInfo) {
                             return std::to_string(paramInfo.param) + "px";
                         });

TEST(HollowShape, FollowsTheGivenStroke)
{
    QImage image(24, 24, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    StateGlyph::paintShape(painter, QRectF(0, 0, 24, 24), Observation::Failing, Qt::white);
    painter.end();
    const ImageProbe probe(image);
    EXPECT_EQ(probe.opaque(QRect(11, 11, 2, 2)), 0) << "a legend shape is hollow";
    EXPECT_GT(probe.count(image.rect(), Qt::white, 8), 24);
}

} // namespace
} // namespace anycast
