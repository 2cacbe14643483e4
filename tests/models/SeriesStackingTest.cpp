// What the charts compute from the store's points: stacked bands, axis maxima, the value
// under the pointer and the node a click on a region's chart opens.
#include "app/models/SeriesStacking.h"

#include "app/models/SeriesLookup.h"
#include "app/models/TimeSeriesStore.h"

#include <gtest/gtest.h>

namespace anycast::modeltest {
namespace {

TEST(SeriesStacking, EachLayerStandsOnTheOnesBelowAtEveryX)
{
    const QList<QList<QPointF>> layers = {
        {{1000, 5}, {2000, 6}},
        {{1000, 1}, {3000, 2}}, // no point at 2000: counts as 0 there
        {{2000, 4}, {3000, 1}},
    };
    const auto stacked = stackLayers(layers);
    ASSERT_EQ(stacked.size(), 3);
    EXPECT_EQ(stacked[0], (QList<QPointF>{{1000, 5}, {2000, 6}, {3000, 0}}));
    EXPECT_EQ(stacked[1], (QList<QPointF>{{1000, 6}, {2000, 6}, {3000, 2}}));
    EXPECT_EQ(stacked[2], (QList<QPointF>{{1000, 6}, {2000, 10}, {3000, 3}}));
}

TEST(SeriesStacking, NoLayersOrEmptyLayersStackToEmpty)
{
    EXPECT_TRUE(stackLayers({}).isEmpty());
    const auto stacked = stackLayers({{}, {}});
    ASSERT_EQ(stacked.size(), 2);
    EXPECT_TRUE(stacked[0].isEmpty());
    EXPECT_TRUE(stacked[1].isEmpty());
}

TEST(SeriesStacking, AxisMaximaAreRoundAndNeverBelowTheFloor)
{
    EXPECT_EQ(roundAxisMaximum(0, 5), 5);
    EXPECT_EQ(roundAxisMaximum(std::nan(""), 5), 5);
    EXPECT_EQ(roundAxisMaximum(3, 5), 5);
    EXPECT_EQ(roundAxisMaximum(7, 5), 10);
    EXPECT_EQ(roundAxisMaximum(11, 5), 20);
    EXPECT_EQ(roundAxisMaximum(20, 5), 20);
    EXPECT_EQ(roundAxisMaximum(430, 5), 500);
    EXPECT_EQ(roundAxisMaximum(501, 5), 1000);
    EXPECT_DOUBLE_EQ(roundAxisMaximum(0.03, 0.01), 0.05);
}

TEST(SeriesLookup, TheValueOfTheBucketHoldingATime)
{
    const QList<QPointF> points = {{3000, 1}, {6000, 2}, {12000, 4}};
    EXPECT_EQ(valueAt(points, 6000, 3000), 2);
    EXPECT_EQ(valueAt(points, 8999, 3000), 2);
    EXPECT_EQ(valueAt(points, 9000, 3000), std::nullopt); // its bucket has no point
    EXPECT_EQ(valueAt(points, 2999, 3000), std::nullopt);
    EXPECT_EQ(valueAt(points, 14000, 3000), 4);
    EXPECT_EQ(valueAt(points, 6000, 0), std::nullopt);
    EXPECT_EQ(valueAt({}, 6000, 3000), std::nullopt);
}

SamplePoint sample(qint64 ms, quint64 established)
{
    ServiceSample service;
    service.stats.name = QStringLiteral("web");
    service.stats.states[TcpState::Established] = established;
    return SamplePoint{QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC), {service}};
}

TEST(SeriesLookup, AClickOnARegionOpensTheNodeWithTheMostThen)
{
    TimeSeriesStore store;
    const qint64 t = 1'800'000'000'000;
    store.setRegion(QStringLiteral("a"), QStringLiteral("fra"));
    store.setRegion(QStringLiteral("b"), QStringLiteral("fra"));
    store.setRegion(QStringLiteral("c"), QStringLiteral("ams"));
    store.add(QStringLiteral("a"), {sample(t, 5), sample(t + 1000, 1)});
    store.add(QStringLiteral("b"), {sample(t, 2), sample(t + 1000, 9)});
    store.add(QStringLiteral("c"), {sample(t, 50)}); // another region: never the answer
    const auto largest = [&](qint64 ms) {
        return largestContributor(store, QStringLiteral("fra"), SeriesMetric::Established,
                                  SeriesWindow::FiveMinutes, ms);
    };
    EXPECT_EQ(largest(t + 300), QStringLiteral("a"));
    EXPECT_EQ(largest(t + 1300), QStringLiteral("b"));
    EXPECT_EQ(largest(t + 5000), QString()); // nobody reported then
    EXPECT_EQ(largestContributor(store, QStringLiteral("nowhere"), SeriesMetric::Established,
                                 SeriesWindow::FiveMinutes, t),
              QString());
    // A tie goes to the first endpoint in order.
    store.add(QStringLiteral("a"), {sample(t + 2000, 4)});
    store.add(QStringLiteral("b"), {sample(t + 2000, 4)});
    EXPECT_EQ(largest(t + 2000), QStringLiteral("a"));
}

} // namespace
} // namespace anycast::modeltest
