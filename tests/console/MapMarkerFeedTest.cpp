// The map's markers from the prefix and fleet models, without pixels: one per region where
// its nodes are, labelled with "N of M announcing", filled by the region's route for the
// selected prefix (drained is never the failure fill), nodes without a location listed
// apart, and updates that follow the models' signals.
#include "app/views/MapMarkerFeed.h"

#include "app/models/ModelRoles.h"
#include "app/models/RegionRollup.h"
#include "tests/console/MapFeedFleet.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <cstdlib>

namespace anycast::modeltest {
namespace {

const QString kShared = QStringLiteral("192.0.2.1/32");
const QString kEu = QStringLiteral("203.0.113.1/32");

NodeSpec node(const QString &name, const QString &region, std::optional<GeoLocation> location,
              PrefixState route = PrefixState::Announced, quint64 established = 10)
{
    ServiceSpec shared;
    shared.name = QStringLiteral("web");
    shared.prefixes = {kShared};
    shared.route = route;
    shared.established = established;
    NodeSpec spec;
    spec.node = name;
    spec.region = region;
    spec.location = location;
    spec.services = {shared};
    return spec;
}

NodeSpec drained(NodeSpec spec)
{
    spec.nodeState = OperatorState::Drained;
    spec.drainedBy = QStringLiteral("alice");
    for (ServiceSpec &service : spec.services) {
        service.route = PrefixState::Withdrawn;
        service.operatorState = OperatorState::Drained;
    }
    return spec;
}

const MapMarker *markerFor(const MapMarkerFeed &feed, const QString &region)
{
    for (const MapMarker &marker : feed.markers()) {
        if (marker.id == region)
            return &marker;
    }
    return nullptr;
}

class MapMarkerFeedTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        fleet.connect(QStringLiteral("ep-fra"),
                      node(QStringLiteral("fra-1"), QStringLiteral("eu"), GeoLocation{50, 8}));
        fleet.connect(QStringLiteral("ep-ams"),
                      node(QStringLiteral("ams-1"), QStringLiteral("eu"), GeoLocation{52, 4}));
        fleet.connect(QStringLiteral("ep-iad"),
                      node(QStringLiteral("iad-1"), QStringLiteral("us"), GeoLocation{39, -77}));
        fleet.connect(QStringLiteral("ep-jfk"),
                      node(QStringLiteral("jfk-1"), QStringLiteral("us"), GeoLocation{41, -73}));
        fleet.flush();
    }

    MapFeedFleet fleet;
};

TEST_F(MapMarkerFeedTest, OneMarkerPerRegionWhereItsNodesAreWithTallyAndSize)
{
    MapMarkerFeed feed(fleet.prefixModel(), fleet.fleetModel(), fleet.fleet());
    EXPECT_EQ(feed.prefixes(), QStringList{kShared});
    EXPECT_EQ(feed.prefix(), kShared) << "the first prefix is shown until one is chosen";
    ASSERT_EQ(feed.markers().size(), 2);
    const MapMarker *eu = markerFor(feed, QStringLiteral("eu"));
    ASSERT_NE(eu, nullptr);
    EXPECT_EQ(eu->label, QStringLiteral("eu: 2 of 2 announcing"));
    EXPECT_DOUBLE_EQ(eu->latitude, 51);
    EXPECT_DOUBLE_EQ(eu->longitude, 6);
    EXPECT_DOUBLE_EQ(eu->size, 20);
    EXPECT_EQ(eu->state, RoutingState::Announced);
    EXPECT_EQ(eu->observation, Observation::Reporting);
    EXPECT_TRUE(eu->tooltip.contains(QStringLiteral("fra-1: announced")))
        << eu->tooltip.toStdString();
    EXPECT_TRUE(eu->tooltip.contains(QStringLiteral("20 ESTABLISHED")))
        << eu->tooltip.toStdString();
    EXPECT_TRUE(feed.unplaced().isEmpty()) << feed.unplaced().join(u'\n').toStdString();
}

TEST_F(MapMarkerFeedTest, FillsSayLostRedundancyWithdrawnDrainingAndDrainedApart)
{
    fleet.report(QStringLiteral("ep-fra"), node(QStringLiteral("fra-1"), QStringLiteral("eu"),
                                                GeoLocation{50, 8}, PrefixState::Withdrawn));
    fleet.report(
        QStringLiteral("ep-iad"),
        drained(node(QStringLiteral("iad-1"), QStringLiteral("us"), GeoLocation{39, -77})));
    fleet.report(
        QStringLiteral("ep-jfk"),
        drained(node(QStringLiteral("jfk-1"), QStringLiteral("us"), GeoLocation{41, -73})));
    fleet.flush();
    MapMarkerFeed feed(fleet.prefixModel(), fleet.fleetModel(), fleet.fleet());
    ASSERT_NE(markerFor(feed, QStringLiteral("eu")), nullptr);
    ASSERT_NE(markerFor(feed, QStringLiteral("us")), nullptr);
    EXPECT_EQ(markerFor(feed, QStringLiteral("eu"))->state, RoutingState::RedundancyLost);
    EXPECT_EQ(markerFor(feed, QStringLiteral("eu"))->label,
              QStringLiteral("eu: 1 of 2 announcing"));
    // Both of us drained by an operator: drained, never the withdrawn-for-health fill.
    EXPECT_EQ(markerFor(feed, QStringLiteral("us"))->state, RoutingState::Drained);
    EXPECT_EQ(markerFor(feed, QStringLiteral("us"))->label,
              QStringLiteral("us: 0 of 2 announcing"));

    fleet.report(QStringLiteral("ep-ams"), node(QStringLiteral("ams-1"), QStringLiteral("eu"),
                                                GeoLocation{52, 4}, PrefixState::Withdrawn));
    fleet.report(QStringLiteral("ep-jfk"), node(QStringLiteral("jfk-1"), QStringLiteral("us"),
                                                GeoLocation{41, -73}, PrefixState::Draining));
    fleet.flush();
    feed.refresh();
    EXPECT_EQ(markerFor(feed, QStringLiteral("eu"))->state, RoutingState::Withdrawn);
    // iad-1 still drained, jfk-1 bleeding: one of two announces, which is what the region
    // says first (as the tree does).
    EXPECT_EQ(markerFor(feed, QStringLiteral("us"))->state, RoutingState::RedundancyLost);

    fleet.report(QStringLiteral("ep-iad"), node(QStringLiteral("iad-1"), QStringLiteral("us"),
                                                GeoLocation{39, -77}, PrefixState::Draining));
    fleet.flush();
    feed.refresh();
    EXPECT_EQ(markerFor(feed, QStringLiteral("us"))->state, RoutingState::Draining);
}

// The map and the fleet tree answer with one precedence: a region where one node still
// bleeds connections under a graceful drain is "draining" on both, though its other node
// announces at full preference.
TEST_F(MapMarkerFeedTest, ARegionWithOneNodeDrainingIsDrainingOnTheMapAsInTheTree)
{
    NodeSpec iad = node(QStringLiteral("iad-1"), QStringLiteral("us"), GeoLocation{39, -77},
                        PrefixState::Draining);
    iad.nodeState = OperatorState::Draining;
    iad.drainedBy = QStringLiteral("alice");
    iad.services.first().operatorState = OperatorState::Draining;
    fleet.report(QStringLiteral("ep-iad"), iad);
    fleet.report(QStringLiteral("ep-fra"), node(QStringLiteral("fra-1"), QStringLiteral("eu"),
                                                GeoLocation{50, 8}, PrefixState::Degraded));
    fleet.report(QStringLiteral("ep-ams"), node(QStringLiteral("ams-1"), QStringLiteral("eu"),
                                                GeoLocation{52, 4}, PrefixState::Withdrawn));
    fleet.flush();
    MapMarkerFeed feed(fleet.prefixModel(), fleet.fleetModel(), fleet.fleet());
    const auto treeState = [this](const QString &region) {
        const QAbstractItemModel *model = fleet.fleetModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data(ModelRole::KeyRole).toString() == region)
                return static_cast<RoutingState>(index.data(ModelRole::RoutingStateRole).toInt());
        }
        return RoutingState::Unreachable;
    };
    ASSERT_NE(markerFor(feed, QStringLiteral("us")), nullptr);
    EXPECT_EQ(markerFor(feed, QStringLiteral("us"))->label,
              QStringLiteral("us: 2 of 2 announcing"));
    EXPECT_EQ(markerFor(feed, QStringLiteral("us"))->state, RoutingState::Draining);
    EXPECT_EQ(treeState(QStringLiteral("us")), RoutingState::Draining);
    // One node de-preferred and the other withdrawn for health: the lost redundancy is what
    // the region says, on both.
    ASSERT_NE(markerFor(feed, QStringLiteral("eu")), nullptr);
    EXPECT_EQ(markerFor(feed, QStringLiteral("eu"))->state, RoutingState::RedundancyLost);
    EXPECT_EQ(treeState(QStringLiteral("eu")), RoutingState::RedundancyLost);
}

// After an undrain the agent holds the route back until the service passed its healthy
// checks; the node is active again, but the withdrawal is still the operator's doing: never
// the failure fill, on the map or in the tree.
TEST_F(MapMarkerFeedTest, ARouteHeldBackAfterAnUndrainIsNotAFailure)
{
    for (const auto &[endpoint, name, location] :
         {std::tuple{QStringLiteral("ep-iad"), QStringLiteral("iad-1"), GeoLocation{39, -77}},
          std::tuple{QStringLiteral("ep-jfk"), QStringLiteral("jfk-1"), GeoLocation{41, -73}}}) {
        NodeSpec spec = node(name, QStringLiteral("us"), location, PrefixState::Withdrawn);
        spec.services.first().routeReason =
            QStringLiteral("undrained: announcing after 3 healthy checks (1 so far)");
        fleet.report(endpoint, spec);
    }
    fleet.flush();
    MapMarkerFeed feed(fleet.prefixModel(), fleet.fleetModel(), fleet.fleet());
    ASSERT_NE(markerFor(feed, QStringLiteral("us")), nullptr);
    EXPECT_EQ(markerFor(feed, QStringLiteral("us"))->state, RoutingState::Drained);
    const QAbstractItemModel *tree = fleet.fleetModel();
    for (int row = 0; row < tree->rowCount(); ++row) {
        const QModelIndex region = tree->index(row, 0);
        if (region.data(ModelRole::KeyRole).toString() != QStringLiteral("us"))
            continue;
        EXPECT_EQ(static_cast<RoutingState>(region.data(ModelRole::RoutingStateRole).toInt()),
                  RoutingState::Drained);
        EXPECT_NE(region.data(ModelRole::LevelRole).toInt(), int(RollupLevel::Failing));
    }
}

TEST_F(MapMarkerFeedTest, NodesWithoutLocationAreListedNotDropped)
{
    fleet.connect(QStringLiteral("ep-sin"),
                  node(QStringLiteral("sin-1"), QStringLiteral("ap"), std::nullopt));
    fleet.addUnconnected(QStringLiteral("ep-syd"), QStringLiteral("noc@syd-1"));
    fleet.flush();
    MapMarkerFeed feed(fleet.prefixModel(), fleet.fleetModel(), fleet.fleet());
    EXPECT_EQ(markerFor(feed, QStringLiteral("ap")), nullptr);
    EXPECT_EQ(feed.markers().size(), 2);
    EXPECT_EQ(feed.unplaced(),
              (QStringList{QStringLiteral("noc@syd-1: not connected yet"),
                           QStringLiteral("sin-1 (ap): no location in its configuration"),
                           QStringLiteral("ap: 1 of 1 announcing, no location")}));
}

TEST_F(MapMarkerFeedTest, FollowsTheModelsAndSaysOnlyWhatChanged)
{
    MapMarkerFeed feed(fleet.prefixModel(), fleet.fleetModel(), fleet.fleet());
    QSignalSpy changes(&feed, &MapMarkerFeed::markersChanged);

    // Another prefix appears: the selector learns it, the shown markers do not move.
    NodeSpec withEu = node(QStringLiteral("fra-1"), QStringLiteral("eu"), GeoLocation{50, 8});
    ServiceSpec eu;
    eu.name = QStringLiteral("eu-web");
    eu.prefixes = {kEu};
    withEu.services.append(eu);
    fleet.report(QStringLiteral("ep-fra"), withEu);
    QSignalSpy prefixes(&feed, &MapMarkerFeed::prefixesChanged);
    ASSERT_TRUE(prefixes.wait(2000));
    EXPECT_EQ(feed.prefixes(), (QStringList{kShared, kEu}));
    QTest::qWait(300);
    EXPECT_EQ(changes.count(), 0);

    // iad-1 withdraws the shown prefix: one update, with the new fill.
    fleet.report(QStringLiteral("ep-iad"), node(QStringLiteral("iad-1"), QStringLiteral("us"),
                                                GeoLocation{39, -77}, PrefixState::Withdrawn));
    ASSERT_TRUE(changes.wait(2000));
    QTest::qWait(300);
    EXPECT_EQ(changes.count(), 1);
    EXPECT_EQ(markerFor(feed, QStringLiteral("us"))->state, RoutingState::RedundancyLost);
    EXPECT_EQ(markerFor(feed, QStringLiteral("us"))->label,
              QStringLiteral("us: 1 of 2 announcing"));

    // Choosing the other prefix shows only the region that serves it.
    feed.setPrefix(kEu);
    ASSERT_EQ(feed.markers().size(), 1);
    EXPECT_EQ(feed.markers().first().label, QStringLiteral("eu: 1 of 1 announcing"));
}

} // namespace
} // namespace anycast::modeltest

int main(int argc, char **argv)
{
    // CI has no display, and ctest lists the tests (gtest_discover_tests) before it sets
    // the tests' own environment.
    ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
