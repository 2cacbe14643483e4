// The accessibility check: every state in the legend differs from every other in shape
// or in its word, and every state colour keeps 3:1 against the map under both palettes.
#include "app/style/ContrastRatio.h"
#include "app/style/MapColours.h"
#include "app/style/StateGlyph.h"
#include "app/widgets/StateLegend.h"
#include "tests/console-drawing/ImageProbe.h"
#include "tests/console-drawing/QtPrinters.h"
#include "tests/console-drawing/TestPalettes.h"

#include <QLabel>

#include <gtest/gtest.h>

namespace anycast {
namespace {

TEST(ContrastRatio, MatchesTheWcagReferenceValues)
{
    EXPECT_NEAR(ContrastRatio::between(Qt::white, Qt::black), 21.0, 1e-9);
    EXPECT_NEAR(ContrastRatio::between(Qt::black, Qt::white), 21.0, 1e-9);
    EXPECT_NEAR(ContrastRatio::between(QColor(0x77, 0x77, 0x77), Qt::white), 4.48, 0.01);
    EXPECT_NEAR(ContrastRatio::between(QColor(0xE6, 0x9F, 0x00), Qt::white), 2.25, 0.01);
    EXPECT_NEAR(ContrastRatio::relativeLuminance(QColor(0x80, 0x80, 0x80)), 0.2159, 0.0005);
}

TEST(LegendAccessibility, EveryEntryDiffersFromEveryOtherInShapeOrWord)
{
    const QList<LegendEntry> entries = StateLegend::entries();
    ASSERT_EQ(entries.size(),
              StateStyle::observations().size() + StateStyle::routingStates().size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        EXPECT_FALSE(entries.at(i).word.trimmed().isEmpty()) << "entry " << i << " has no word";
        for (qsizetype j = i + 1; j < entries.size(); ++j) {
            const LegendEntry &a = entries.at(i);
            const LegendEntry &b = entries.at(j);
            const bool sameShape =
                StateStyle::shape(a.observation) == StateStyle::shape(b.observation);
            const bool sameWord =
                a.word.trimmed().compare(b.word.trimmed(), Qt::CaseInsensitive) == 0;
            EXPECT_FALSE(sameShape && sameWord)
                << qPrintable(a.word) << " and " << qPrintable(b.word)
                << " share both shape and word";
        }
    }
}

TEST(LegendAccessibility, TheWidgetPrintsEveryWordBesideAGlyph)
{
    StateLegend legend;
    const QList<LegendEntry> entries = StateLegend::entries();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const auto *word = legend.findChild<QLabel *>(QStringLiteral("legendWord%1").arg(i));
        const auto *glyph = legend.findChild<QLabel *>(QStringLiteral("legendGlyph%1").arg(i));
        ASSERT_NE(word, nullptr) << "no word label for entry " << i;
        ASSERT_NE(glyph, nullptr) << "no glyph for entry " << i;
        EXPECT_EQ(word->text(), entries.at(i).word);
        ASSERT_FALSE(glyph->pixmap().isNull());
        const test::ImageProbe probe(glyph->pixmap().toImage());
        EXPECT_GT(probe.opaque(probe.image().rect()), 20) << "entry " << i << " shows no glyph";
    }
}

TEST(LegendAccessibility, ShapesAreDrawnInThePalettesTextColour)
{
    StateLegend legend;
    for (const QPalette &palette : {test::lightPalette(), test::darkPalette()}) {
        legend.setPalette(palette);
        const auto *circle = legend.findChild<QLabel *>(QStringLiteral("legendGlyph0"));
        ASSERT_NE(circle, nullptr);
        const test::ImageProbe probe(circle->pixmap().toImage());
        const QColor text = palette.color(QPalette::WindowText);
        EXPECT_GT(probe.count(probe.image().rect(), text, 16), 20)
            << "no " << qPrintable(text.name()) << " in the hollow circle";
        EXPECT_GE(ContrastRatio::between(text, palette.color(QPalette::Window)), 3.0);
    }
}

TEST(LegendAccessibility, FillsThatShareAColourDifferInTheirMark)
{
    // Sharing a colour is allowed only with a second cue drawn inside: draining and drained,
    // de-preferred and redundancy lost must be told apart without reading the word.
    const QList<RoutingState> states = StateStyle::routingStates();
    for (qsizetype i = 0; i < states.size(); ++i) {
        for (qsizetype j = i + 1; j < states.size(); ++j) {
            if (StateStyle::fill(states.at(i)) != StateStyle::fill(states.at(j)))
                continue;
            EXPECT_NE(StateStyle::mark(states.at(i)), StateStyle::mark(states.at(j)))
                << qPrintable(StateStyle::word(states.at(i))) << " and "
                << qPrintable(StateStyle::word(states.at(j)));
        }
    }
}

TEST(LegendAccessibility, EveryFillGlyphLooksDifferentAtTreeIconSize)
{
    const QList<RoutingState> states = StateStyle::routingStates();
    for (qsizetype i = 0; i < states.size(); ++i) {
        const QImage first = test::renderGlyph(16, Observation::Reporting, states.at(i));
        for (qsizetype j = i + 1; j < states.size(); ++j) {
            const QImage second = test::renderGlyph(16, Observation::Reporting, states.at(j));
            int differing = 0;
            for (int y = 0; y < 16; ++y) {
                for (int x = 0; x < 16; ++x) {
                    if (!test::ImageProbe::near(first.pixelColor(x, y), second.pixelColor(x, y),
                                                24))
                        ++differing;
                }
            }
            EXPECT_GT(differing, 12) << qPrintable(StateStyle::word(states.at(i))) << " and "
                                     << qPrintable(StateStyle::word(states.at(j)));
        }
    }
}

class PaletteContrast : public ::testing::TestWithParam<bool>
{
protected:
    QPalette palette() const { return GetParam() ? test::darkPalette() : test::lightPalette(); }
};

TEST_P(PaletteContrast, EveryStateColourKeepsThreeToOneAgainstTheMap)
{
    const MapColours map = MapColours::forPalette(palette());
    EXPECT_EQ(MapColours::isDark(palette()), GetParam());
    for (const RoutingState state : StateStyle::routingStates()) {
        const QColor fill = StateStyle::fill(state);
        EXPECT_GE(ContrastRatio::between(fill, map.sea), 3.0)
            << qPrintable(StateStyle::word(state)) << " " << qPrintable(fill.name()) << " on sea "
            << qPrintable(map.sea.name());
        EXPECT_GE(ContrastRatio::between(fill, map.land), 3.0)
            << qPrintable(StateStyle::word(state)) << " " << qPrintable(fill.name()) << " on land "
            << qPrintable(map.land.name());
    }
}

TEST_P(PaletteContrast, GlyphEdgesKeepThreeToOneInItemViews)
{
    // In a tree the glyph sits on the view's base colour: its edge is the dark outline where
    // the base is light and the fill itself where the base is dark.
    const QColor base = palette().color(QPalette::Base);
    for (const RoutingState state : StateStyle::routingStates()) {
        const QColor fill = StateStyle::fill(state);
        const double edge = std::max(ContrastRatio::between(StateStyle::outline(), base),
                                     ContrastRatio::between(fill, base));
        EXPECT_GE(edge, 3.0) << qPrintable(StateStyle::word(state)) << " on "
                             << qPrintable(base.name());
        EXPECT_GE(ContrastRatio::between(StateStyle::outline(), fill), 3.0)
            << "outline against " << qPrintable(StateStyle::word(state));
    }
}

TEST_P(PaletteContrast, MarksAndLabelsStandOut)
{
    const MapColours map = MapColours::forPalette(palette());
    EXPECT_GE(ContrastRatio::between(map.label, map.sea), 4.5);
    EXPECT_GE(ContrastRatio::between(map.secondaryLabel, map.labelHalo), 4.5);
    EXPECT_GE(ContrastRatio::between(map.focusRing, map.land), 3.0);
    EXPECT_GE(ContrastRatio::between(StateStyle::markColour(),
                                     StateStyle::fill(RoutingState::Unreachable)),
              3.0);
    EXPECT_GE(
        ContrastRatio::between(StateStyle::markColour(), StateStyle::fill(RoutingState::Drained)),
        3.0);
    EXPECT_GE(ContrastRatio::between(StateStyle::markColour(),
                                     StateStyle::fill(RoutingState::RedundancyLost)),
              3.0);
}

INSTANTIATE_TEST_SUITE_P(LightAndDark, PaletteContrast, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool> &paramInfo) {
                             return paramInfo.param ? "Dark" : "Light";
                         });

} // namespace
} // namespace anycast
