// The prefix tree (what the map draws) under QAbstractItemModelTester: prefix > region >
// node, the states and "N of M", and unknown when a node cannot be asked.
#include "app/models/PrefixModel.h"

#include "app/models/ModelRoles.h"
#include "tests/models/ModelTestSupport.h"

#include <QPointF>

#include <gtest/gtest.h>

namespace anycast::modeltest {
namespace {

const QString kWeb = QStringLiteral("192.0.2.1/32");
const QString kDns = QStringLiteral("198.51.100.53/32");

NodeSpec spec(const QString &name, const QString &region, PrefixState webRoute,
              std::optional<GeoLocation> location = GeoLocation{50.0, 8.0})
{
    ServiceSpec web;
    web.name = QStringLiteral("web");
    web.prefixes = {kWeb};
    web.route = webRoute;
    web.established = 7;
    NodeSpec node;
    node.node = name;
    node.region = region;
    node.services = {web};
    node.location = location;
    return node;
}

using PrefixModelTest = ModelFixture<PrefixModel, PrefixColumn>;

TEST_F(PrefixModelTest, PrefixRegionNodeWithStatesAndTallies)
{
    NodeSpec withDns = spec(QStringLiteral("fra-1"), QStringLiteral("fra"), PrefixState::Announced);
    ServiceSpec dns;
    dns.name = QStringLiteral("dns");
    dns.prefixes = {kDns};
    dns.route = PrefixState::Degraded;
    withDns.services.append(dns);
    fleet.connect(QStringLiteral("ep-fra-1"), withDns);
    fleet.connect(QStringLiteral("ep-fra-2"), spec(QStringLiteral("fra-2"), QStringLiteral("fra"),
                                                   PrefixState::Draining, GeoLocation{52.0, 10.0}));
    fleet.connect(QStringLiteral("ep-ams-1"), spec(QStringLiteral("ams-1"), QStringLiteral("ams"),
                                                   PrefixState::Withdrawn, std::nullopt));
    model.flush();

    EXPECT_EQ(rows({}), 2);
    EXPECT_EQ(data({kWeb}, PrefixColumn::Announcing).toString(),
              QStringLiteral("2 of 3 announcing"));
    EXPECT_EQ(data({kWeb}, PrefixColumn::State, ModelRole::RoutingRole).toInt(),
              int(PrefixPresence::Announced));
    EXPECT_EQ(data({kWeb}, PrefixColumn::Name, ModelRole::RowKindRole).toInt(),
              int(RowKind::Prefix));
    EXPECT_EQ(data({kWeb}, PrefixColumn::Detail).toString(),
              QStringLiteral("ams 0 of 1 announcing; fra 2 of 2 announcing"));
    EXPECT_EQ(data({kWeb}, PrefixColumn::Established).toString(), QStringLiteral("21"));

    const QStringList fra{kWeb, QStringLiteral("fra")};
    EXPECT_EQ(data(fra, PrefixColumn::Announcing, ModelRole::AnnouncingRole).toInt(), 2);
    EXPECT_FALSE(data(fra, PrefixColumn::Announcing, ModelRole::LostRedundancyRole).toBool());
    EXPECT_EQ(data(fra, PrefixColumn::Name, ModelRole::LocationRole).toPointF(),
              QPointF(9.0, 51.0));
    EXPECT_EQ(data(fra, PrefixColumn::Established, ModelRole::EstablishedRole).toULongLong(), 14u);
    const QStringList ams{kWeb, QStringLiteral("ams")};
    EXPECT_EQ(data(ams, PrefixColumn::State).toString(), QStringLiteral("withdrawn"));
    // Nothing left to be redundant: withdrawn, not "lost redundancy".
    EXPECT_FALSE(data(ams, PrefixColumn::Announcing, ModelRole::LostRedundancyRole).toBool());
    EXPECT_FALSE(data(ams, PrefixColumn::Name, ModelRole::LocationRole).isValid());
    EXPECT_EQ(data(ams, PrefixColumn::Detail).toString(), QStringLiteral("no location: ams-1"));

    const QStringList draining{kWeb, QStringLiteral("fra"), QStringLiteral("ep-fra-2")};
    EXPECT_EQ(data(draining, PrefixColumn::Name).toString(), QStringLiteral("fra-2"));
    EXPECT_EQ(data(draining, PrefixColumn::State).toString(), QStringLiteral("draining"));
    EXPECT_EQ(data(draining, PrefixColumn::Detail, ModelRole::ReasonRole).toString(),
              QStringLiteral("draining"));
    EXPECT_EQ(data({kDns, QStringLiteral("fra"), QStringLiteral("ep-fra-1")}, PrefixColumn::State)
                  .toString(),
              QStringLiteral("de-preferred"));
    EXPECT_TRUE(CheckedModel::complaints().isEmpty())
        << CheckedModel::complaints().join('\n').toStdString();
}

TEST_F(PrefixModelTest, AnUnreachableNodeIsUnknownAndStillCountsTowardsM)
{
    fleet.connect(QStringLiteral("ep-1"),
                  spec(QStringLiteral("fra-1"), QStringLiteral("fra"), PrefixState::Announced));
    fleet.connect(QStringLiteral("ep-2"),
                  spec(QStringLiteral("fra-2"), QStringLiteral("fra"), PrefixState::Announced));
    model.flush();
    signalSpy.clear();
    fleet.state.setLink(QStringLiteral("ep-2"),
                        LinkStatus{LinkPhase::Reconnecting, QStringLiteral("lost"), {}});
    model.flush();
    const QStringList node{kWeb, QStringLiteral("fra"), QStringLiteral("ep-2")};
    EXPECT_EQ(data(node, PrefixColumn::State).toString(), QStringLiteral("unknown (unreachable)"));
    EXPECT_EQ(data({kWeb}, PrefixColumn::Announcing).toString(),
              QStringLiteral("1 of 2 announcing (1 unknown)"));
    EXPECT_EQ(
        data({kWeb, QStringLiteral("fra")}, PrefixColumn::State, ModelRole::RoutingRole).toInt(),
        int(PrefixPresence::Announced));
    EXPECT_EQ(signalSpy.inserts, 0);
    EXPECT_EQ(signalSpy.removals, 0);
    EXPECT_FALSE(signalSpy.dataChanges.isEmpty());
    EXPECT_TRUE(CheckedModel::complaints().isEmpty())
        << CheckedModel::complaints().join('\n').toStdString();
}

TEST_F(PrefixModelTest, NodesJoiningAndLeavingInsertAndRemoveRows)
{
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 6; ++i) {
            const QString region = i % 2 ? QStringLiteral("fra") : QStringLiteral("ams");
            fleet.connect(QStringLiteral("ep-%1").arg(i),
                          spec(QStringLiteral("n-%1").arg(i), region,
                               static_cast<PrefixState>((i + round) % 4)));
            model.flush();
        }
        EXPECT_EQ(rows({kWeb}), 2);
        EXPECT_EQ(rows({kWeb, QStringLiteral("fra")}), 3);
        for (int i = 0; i < 6; ++i) {
            fleet.state.removeNode(QStringLiteral("ep-%1").arg(i));
            if (i % 2)
                model.flush();
        }
        model.flush();
        EXPECT_EQ(rows({}), 0);
    }
    EXPECT_EQ(signalSpy.resets, 0);
    EXPECT_TRUE(CheckedModel::complaints().isEmpty())
        << CheckedModel::complaints().join('\n').toStdString();
}

} // namespace
} // namespace anycast::modeltest
