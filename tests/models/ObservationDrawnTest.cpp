// The models and the drawing code share one Observation: a view includes both and draws what
// the model observed, with the shape the legend shows for it.
#include "app/models/NodeFacts.h"
#include "app/style/StateStyle.h"

#include <gtest/gtest.h>

namespace anycast::modeltest {
namespace {

struct ObservedShape
{
    bool reachable;
    QStringList failingServices;
    Observation observation;
    GlyphShape shape;
};

TEST(ObservationDrawn, ANodesObservationIsDrawnWithItsLegendShape)
{
    const QList<ObservedShape> table{
        {true, {}, Observation::Reporting, GlyphShape::Circle},
        {true, {QStringLiteral("web")}, Observation::Failing, GlyphShape::Diamond},
        {false, {}, Observation::NoData, GlyphShape::Square},
        {false, {QStringLiteral("web")}, Observation::NoData, GlyphShape::Square},
    };
    for (const ObservedShape &row : table) {
        NodeFacts facts;
        facts.reachable = row.reachable;
        facts.failingServices = row.failingServices;
        const Observation observed = facts.observation();
        EXPECT_EQ(observed, row.observation) << row.reachable << row.failingServices.size();
        EXPECT_EQ(StateStyle::shape(observed), row.shape);
        EXPECT_TRUE(StateStyle::observations().contains(observed));
    }
}

} // namespace
} // namespace anycast::modeltest
