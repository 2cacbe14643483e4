// The fleet tree under QAbstractItemModelTester: its shape, its roles, and updates that
// insert, remove and change exactly what changed.
#include "app/models/FleetModel.h"

#include "app/models/ModelRoles.h"
#include "tests/models/ModelTestSupport.h"

#include <QPointF>

#include <gtest/gtest.h>

namespace anycast::modeltest {
namespace {

const QString kPrefix = QStringLiteral("192.0.2.1/32");

ServiceSpec web(quint64 established = 10)
{
    ServiceSpec service;
    service.name = QStringLiteral("web");
    service.prefixes = {kPrefix};
    service.established = established;
    service.acceptQueue = 5;
    return service;
}

NodeSpec nodeSpec(const QString &name, const QString &region, QList<ServiceSpec> services = {web()})
{
    NodeSpec spec;
    spec.node = name;
    spec.region = region;
    spec.services = std::move(services);
    spec.location = GeoLocation{50.0, 8.0};
    spec.neighbors = {{QStringLiteral("198.51.100.1"), QStringLiteral("up")},
                      {QStringLiteral("198.51.100.2"), QStringLiteral("down")}};
    return spec;
}

using FleetModelTest = ModelFixture<FleetModel, FleetColumn>;

TEST_F(FleetModelTest, RegionNodeServiceRowsWithRawRolesAndWords)
{
    fleet.connect(QStringLiteral("ep-fra-1"),
                  nodeSpec(QStringLiteral("fra-1"), QStringLiteral("fra")));
    fleet.connect(QStringLiteral("ep-fra-2"),
                  nodeSpec(QStringLiteral("fra-2"), QStringLiteral("fra")));
    fleet.connect(QStringLiteral("ep-ams-1"),
                  nodeSpec(QStringLiteral("ams-1"), QStringLiteral("ams")));
    model.flush();

    EXPECT_EQ(keysUnder({}), (QStringList{QStringLiteral("ams"), QStringLiteral("fra")}));
    EXPECT_EQ(keysUnder({QStringLiteral("fra")}),
              (QStringList{QStringLiteral("ep-fra-1"), QStringLiteral("ep-fra-2")}));
    const QStringList node{QStringLiteral("fra"), QStringLiteral("ep-fra-1")};
    const QStringList service{QStringLiteral("fra"), QStringLiteral("ep-fra-1"),
                              QStringLiteral("web")};
    EXPECT_EQ(keysUnder(node), QStringList{QStringLiteral("web")});

    EXPECT_EQ(data(node, FleetColumn::Name).toString(), QStringLiteral("fra-1"));
    EXPECT_EQ(data(node, FleetColumn::Name, ModelRole::RowKindRole).toInt(), int(RowKind::Node));
    EXPECT_EQ(data(node, FleetColumn::Health, ModelRole::EndpointRole).toString(),
              QStringLiteral("ep-fra-1"));
    EXPECT_EQ(data(node, FleetColumn::Name, ModelRole::LevelRole).toInt(), int(RollupLevel::Ok));
    EXPECT_EQ(data(node, FleetColumn::Name, ModelRole::ObservationRole).toInt(),
              int(Observation::Reporting));
    EXPECT_EQ(data(node, FleetColumn::Name, ModelRole::LocationRole).toPointF(),
              QPointF(8.0, 50.0));
    EXPECT_EQ(data(node, FleetColumn::Health).toString(), QStringLiteral("healthy"));
    EXPECT_EQ(data(node, FleetColumn::Operator).toString(), QStringLiteral("active"));
    EXPECT_EQ(data(node, FleetColumn::Bgp).toString(), QStringLiteral("1 of 2 sessions up"));
    EXPECT_EQ(data(node, FleetColumn::Bgp, ModelRole::BgpTotalRole).toInt(), 2);
    EXPECT_EQ(data(node, FleetColumn::Connection).toString(), QStringLiteral("connected"));
    EXPECT_EQ(data(node, FleetColumn::LastSample).toString(), QStringLiteral("0 s"));

    EXPECT_EQ(data(service, FleetColumn::Announcing).toString(),
              QStringLiteral("192.0.2.1/32 announced, 3 of 3 announcing"));
    EXPECT_EQ(data(service, FleetColumn::Announcing, ModelRole::AnnouncingRole).toInt(), 3);
    EXPECT_EQ(data(service, FleetColumn::Announcing, ModelRole::AnnouncingTotalRole).toInt(), 3);
    const auto prefixes =
        data(service, FleetColumn::Announcing, ModelRole::PrefixesRole).value<QList<PrefixShown>>();
    ASSERT_EQ(prefixes.size(), 1);
    EXPECT_EQ(prefixes.first().presence, PrefixPresence::Announced);
    EXPECT_EQ(data(service, FleetColumn::Established, ModelRole::EstablishedRole).toULongLong(),
              10u);
    EXPECT_DOUBLE_EQ(
        data(service, FleetColumn::AcceptQueue, ModelRole::AcceptQueueFillRole).toDouble(), 0.05);
    EXPECT_EQ(data(service, FleetColumn::AcceptQueue).toString(), QStringLiteral("5%"));

    const QStringList fra{QStringLiteral("fra")};
    EXPECT_EQ(data(fra, FleetColumn::Name, ModelRole::NodeCountRole).toInt(), 2);
    EXPECT_EQ(data(fra, FleetColumn::Established).toString(), QStringLiteral("20"));
    EXPECT_EQ(data(fra, FleetColumn::Connection).toString(), QStringLiteral("2 of 2 connected"));
    EXPECT_EQ(data(fra, FleetColumn::Announcing).toString(),
              QStringLiteral("192.0.2.1/32 2 of 2 announcing"));
    EXPECT_EQ(data(fra, FleetColumn::Name, ModelRole::SortRole).toString(), QStringLiteral("fra"));
    EXPECT_EQ(signalSpy.resets, 0);
    EXPECT_TRUE(CheckedModel::complaints().isEmpty())
        << CheckedModel::complaints().join('\n').toStdString();
}

TEST_F(FleetModelTest, ASampleChangesExactlyTheCellsItMoves)
{
    const NodeSpec one = nodeSpec(QStringLiteral("fra-1"), QStringLiteral("fra"));
    fleet.connect(QStringLiteral("ep-fra-1"), one);
    fleet.connect(QStringLiteral("ep-fra-2"),
                  nodeSpec(QStringLiteral("fra-2"), QStringLiteral("fra")));
    fleet.connect(QStringLiteral("ep-ams-1"),
                  nodeSpec(QStringLiteral("ams-1"), QStringLiteral("ams")));
    model.flush();
    signalSpy.clear();

    NodeSpec busier = one;
    busier.services[0].established = 11; // same accept queue, same health
    fleet.sample(QStringLiteral("ep-fra-1"), busier);
    model.flush();

    const int established = static_cast<int>(FleetColumn::Established);
    QStringList changed;
    for (const auto &change : std::as_const(signalSpy.dataChanges)) {
        changed.append(QStringLiteral("%1 [%2..%3]")
                           .arg(change.path.join('/'))
                           .arg(change.firstColumn)
                           .arg(change.lastColumn));
    }
    const QString column = QStringLiteral("[%1..%1]").arg(established);
    EXPECT_EQ(changed, (QStringList{QStringLiteral("fra/ep-fra-1 ") + column,
                                    QStringLiteral("fra/ep-fra-1/web ") + column,
                                    QStringLiteral("fra ") + column}));
    EXPECT_EQ(signalSpy.inserts, 0);
    EXPECT_EQ(signalSpy.removals, 0);
    EXPECT_EQ(data({QStringLiteral("fra")}, FleetColumn::Established).toString(),
              QStringLiteral("21"));
    EXPECT_TRUE(CheckedModel::complaints().isEmpty())
        << CheckedModel::complaints().join('\n').toStdString();
}

TEST_F(FleetModelTest, AgesAndCountdownsMoveOnTick)
{
    fleet.connect(QStringLiteral("ep-1"), nodeSpec(QStringLiteral("fra-1"), QStringLiteral("fra")));
    fleet.state.addNode(QStringLiteral("ep-2"));
    fleet.state.setLink(QStringLiteral("ep-2"),
                        LinkStatus{LinkPhase::Reconnecting, QStringLiteral("the agent closed"),
                                   fleet.now + std::chrono::seconds(8)});
    model.flush();
    const QStringList waiting{QString(), QStringLiteral("ep-2")};
    EXPECT_EQ(data(waiting, FleetColumn::Connection).toString(),
              QStringLiteral("reconnecting in 8 s"));
    EXPECT_EQ(data(waiting, FleetColumn::Connection, ModelRole::RetryInRole).toLongLong(), 8);
    fleet.advance(std::chrono::seconds(3));
    model.tick();
    model.flush();
    EXPECT_EQ(data(waiting, FleetColumn::Connection).toString(),
              QStringLiteral("reconnecting in 5 s"));
    EXPECT_EQ(
        data({QStringLiteral("fra"), QStringLiteral("ep-1")}, FleetColumn::LastSample).toString(),
        QStringLiteral("3 s"));
    EXPECT_DOUBLE_EQ(data({QStringLiteral("fra"), QStringLiteral("ep-1")}, FleetColumn::LastSample,
                          ModelRole::SampleAgeRole)
                         .toDouble(),
                     3.0);
    EXPECT_TRUE(CheckedModel::complaints().isEmpty())
        << CheckedModel::complaints().join('\n').toStdString();
}

struct LinkWords
{
    LinkStatus link;
    const char *shown;
};

TEST_F(FleetModelTest, EveryConnectionStateHasItsWords)
{
    const LinkWords cases[] = {
        {{LinkPhase::Connecting, {}, {}}, "connecting"},
        {{LinkPhase::Unreachable, QStringLiteral("no route to host"), {}},
         "unreachable: no route to host"},
        {{LinkPhase::HostKeyRefused, QStringLiteral("the key of fra-1 changed"), {}},
         "host key refused: the key of fra-1 changed"},
        {{LinkPhase::PermissionDenied, QStringLiteral("no key accepted"), {}},
         "permission denied: no key accepted"},
        {{LinkPhase::ProtocolMismatch, QStringLiteral("the agent speaks API version 2"), {}},
         "protocol version mismatch: the agent speaks API version 2"},
        {{LinkPhase::AgentSocketUnreachable, QStringLiteral("no such file"),
          fleet.now + std::chrono::milliseconds(1500)},
         "agent socket unreachable: no such file (retrying in 2 s)"},
    };
    fleet.state.addNode(QStringLiteral("ep"));
    for (const LinkWords &c : cases) {
        fleet.state.setLink(QStringLiteral("ep"), c.link);
        model.flush();
        const QStringList path{QString(), QStringLiteral("ep")};
        EXPECT_EQ(data(path, FleetColumn::Connection).toString(), QLatin1String(c.shown));
        EXPECT_EQ(data(path, FleetColumn::Connection, ModelRole::LinkPhaseRole).toInt(),
                  int(c.link.phase));
        EXPECT_EQ(data(path, FleetColumn::Name, ModelRole::ObservationRole).toInt(),
                  int(Observation::NoData));
    }
    EXPECT_TRUE(CheckedModel::complaints().isEmpty())
        << CheckedModel::complaints().join('\n').toStdString();
}

TEST_F(FleetModelTest, ADrainedNodeIsNotAFailureAndItsDrainIsShown)
{
    NodeSpec drained = nodeSpec(QStringLiteral("fra-2"), QStringLiteral("fra"));
    drained.nodeState = OperatorState::Drained;
    drained.drainedBy = QStringLiteral("alice");
    drained.services[0].route = PrefixState::Withdrawn;
    drained.services[0].operatorState = OperatorState::Drained;
    fleet.connect(QStringLiteral("ep-1"), nodeSpec(QStringLiteral("fra-1"), QStringLiteral("fra")));
    fleet.connect(QStringLiteral("ep-2"), drained);
    model.flush();
    const QStringList fra{QStringLiteral("fra")};
    EXPECT_EQ(data(fra, FleetColumn::Name, ModelRole::LevelRole).toInt(),
              int(RollupLevel::Warning));
    EXPECT_EQ(data(fra, FleetColumn::Name, ModelRole::ObservationRole).toInt(),
              int(Observation::Reporting));
    EXPECT_EQ(data(fra, FleetColumn::Name, ModelRole::FindingsRole).toStringList(),
              (QStringList{QStringLiteral("fra-2 drained by alice"),
                           QStringLiteral("192.0.2.1/32: lost redundancy, 1 of 2 announcing")}));
    EXPECT_EQ(data(fra, FleetColumn::Operator).toString(), QStringLiteral("1 drained or draining"));
    const QStringList node{QStringLiteral("fra"), QStringLiteral("ep-2")};
    EXPECT_EQ(data(node, FleetColumn::Name, ModelRole::LevelRole).toInt(), int(RollupLevel::Ok));
    EXPECT_EQ(data(node, FleetColumn::Operator).toString(), QStringLiteral("drained (alice)"));
    EXPECT_EQ(data(node, FleetColumn::Operator, ModelRole::DrainReasonRole).toString(),
              QStringLiteral("maintenance"));
    EXPECT_EQ(data(node, FleetColumn::Operator, ModelRole::DrainTicketRole).toString(),
              QStringLiteral("CHG-1"));
    EXPECT_EQ(data(node, FleetColumn::Operator, Qt::ToolTipRole).toString(),
              QStringLiteral("drained by alice since 2026-05-01T11:00:00.000Z (graceful): "
                             "maintenance, ticket CHG-1"));
    EXPECT_EQ(data(node, FleetColumn::Name, ModelRole::RoutingRole).toInt(),
              int(PrefixPresence::Withdrawn));
}

TEST_F(FleetModelTest, TwoEndpointsReachingOneNodeAreFlaggedNotMerged)
{
    const NodeSpec spec = nodeSpec(QStringLiteral("fra-1"), QStringLiteral("fra"));
    fleet.connect(QStringLiteral("ep-a"), spec);
    model.flush();
    fleet.connect(QStringLiteral("ep-b"), spec);
    model.flush();
    const QStringList a{QStringLiteral("fra"), QStringLiteral("ep-a")};
    const QStringList b{QStringLiteral("fra"), QStringLiteral("ep-b")};
    EXPECT_EQ(keysUnder({QStringLiteral("fra")}).size(), 2);
    EXPECT_EQ(data(a, FleetColumn::Name, ModelRole::DuplicateOfRole).toStringList(),
              QStringList{QStringLiteral("ep-b")});
    EXPECT_EQ(data(b, FleetColumn::Name).toString(), QStringLiteral("fra-1 (same node as ep-a)"));
    fleet.state.removeNode(QStringLiteral("ep-b"));
    model.flush();
    EXPECT_TRUE(data(a, FleetColumn::Name, ModelRole::DuplicateOfRole).toStringList().isEmpty());
    EXPECT_EQ(data(a, FleetColumn::Name).toString(), QStringLiteral("fra-1"));
    EXPECT_TRUE(CheckedModel::complaints().isEmpty())
        << CheckedModel::complaints().join('\n').toStdString();
}

TEST_F(FleetModelTest, ANodeMovesFromTheUnnamedRegionToItsOwnAfterHello)
{
    fleet.state.addNode(QStringLiteral("ep"));
    model.flush();
    EXPECT_EQ(keysUnder({}), QStringList{QString()});
    EXPECT_EQ(data({QString()}, FleetColumn::Name).toString(),
              QStringLiteral("(region not yet known)"));
    EXPECT_EQ(data({QString(), QStringLiteral("ep")}, FleetColumn::Name).toString(),
              QStringLiteral("ep"));
    signalSpy.clear();
    fleet.connect(QStringLiteral("ep"), nodeSpec(QStringLiteral("fra-1"), QStringLiteral("fra")));
    model.flush();
    EXPECT_EQ(keysUnder({}), QStringList{QStringLiteral("fra")});
    EXPECT_EQ(keysUnder({QStringLiteral("fra"), QStringLiteral("ep")}),
              QStringList{QStringLiteral("web")});
    EXPECT_EQ(signalSpy.resets, 0);
    EXPECT_TRUE(CheckedModel::complaints().isEmpty())
        << CheckedModel::complaints().join('\n').toStdString();
}

// A long, varied stream: nodes join and leave, services appear and vanish, regions change,
// links drop and come back. The tester checks every signal; at the end the tree must show
// exactly the fleet.
TEST_F(FleetModelTest, AStreamOfUpdatesKeepsTheTreeConsistent)
{
    quint32 seed = 12345;
    const auto next = [&seed](quint32 below) {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 8) % below;
    };
    const QStringList regions{QStringLiteral("ams"), QStringLiteral("fra"), QStringLiteral("nyc")};
    const QStringList serviceNames{QStringLiteral("dns"), QStringLiteral("web"),
                                   QStringLiteral("api")};
    QHash<QString, NodeSpec> specs;
    for (int step = 0; step < 600; ++step) {
        const QString endpoint = QStringLiteral("ep-%1").arg(next(12));
        const quint32 action = next(10);
        if (action == 0) {
            fleet.state.removeNode(endpoint);
            specs.remove(endpoint);
        } else if (action == 1) {
            fleet.state.addNode(endpoint);
            fleet.state.setLink(endpoint,
                                LinkStatus{LinkPhase::Reconnecting, QStringLiteral("lost"),
                                           fleet.now + std::chrono::seconds(next(30))});
        } else {
            NodeSpec spec = specs.value(endpoint);
            if (spec.node.isEmpty() || action == 2) {
                spec = nodeSpec(QStringLiteral("n-%1").arg(next(14)), regions[next(3)], {});
                for (const QString &name : serviceNames) {
                    if (next(2) == 0)
                        continue;
                    ServiceSpec service = web(next(100));
                    service.name = name;
                    service.prefixes = {QStringLiteral("192.0.2.%1/32").arg(next(3))};
                    spec.services.append(service);
                }
            }
            for (ServiceSpec &service : spec.services) {
                service.established = next(500);
                service.route = static_cast<PrefixState>(next(4));
                service.health = HealthLabel{next(5) == 0, static_cast<ServiceHealth>(next(3))};
            }
            specs.insert(endpoint, spec);
            fleet.connect(endpoint, spec);
        }
        fleet.advance(std::chrono::milliseconds(next(1500)));
        if (next(3) == 0)
            model.tick();
        if (next(4) == 0)
            model.flush();
    }
    model.flush();
    ASSERT_TRUE(CheckedModel::complaints().isEmpty())
        << CheckedModel::complaints().join('\n').toStdString();
    EXPECT_EQ(signalSpy.resets, 0);
    EXPECT_EQ(signalSpy.layoutChanges, 0);
    EXPECT_GT(signalSpy.inserts, 0);
    EXPECT_GT(signalSpy.removals, 0);
    EXPECT_EQ(keysUnder({}), fleet.state.regions());
    for (const QString &region : fleet.state.regions()) {
        EXPECT_EQ(keysUnder({region}), fleet.state.endpointsIn(region));
        for (const QString &endpoint : fleet.state.endpointsIn(region)) {
            const NodeSnapshot *node = fleet.state.node(endpoint);
            EXPECT_EQ(keysUnder({region, endpoint}), FleetRows::services(*node));
            EXPECT_EQ(
                data({region, endpoint}, FleetColumn::Connection, ModelRole::LinkPhaseRole).toInt(),
                int(node->link.phase));
            for (const QString &service : FleetRows::services(*node)) {
                EXPECT_EQ(data({region, endpoint, service}, FleetColumn::Established,
                               ModelRole::EstablishedRole)
                              .toULongLong(),
                          node->established(service));
            }
        }
    }
}

} // namespace
} // namespace anycast::modeltest
