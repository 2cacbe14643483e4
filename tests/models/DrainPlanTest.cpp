// What a drain or undrain would do, from hand-built fleets: two regions of two nodes sharing
// one prefix, and one node that alone serves a second prefix.
#include "app/models/DrainPlan.h"

#include "tests/models/ModelTestSupport.h"

#include <gtest/gtest.h>

#include <functional>
#include <ostream>

namespace anycast::modeltest {
namespace {

const QString kWeb = QStringLiteral("192.0.2.1/32");
const QString kDns = QStringLiteral("198.51.100.53/32");

ServiceSpec service(const QString &name, const QString &prefix,
                    PrefixState route = PrefixState::Announced)
{
    ServiceSpec spec;
    spec.name = name;
    spec.prefixes = {prefix};
    spec.route = route;
    return spec;
}

NodeSpec node(const QString &name, const QString &region)
{
    NodeSpec spec;
    spec.node = name;
    spec.region = region;
    spec.services = {service(QStringLiteral("web"), kWeb)};
    return spec;
}

// fra-1 (web + dns), fra-2, ams-1, ams-2 (web), each changed by `change` before it connects.
struct Fleet
{
    TestFleet fleet;
    QMap<QString, NodeSpec> nodes;

    explicit Fleet(const std::function<void(QMap<QString, NodeSpec> &)> &change = {})
    {
        nodes.insert(QStringLiteral("fra-1"), node(QStringLiteral("fra-1"), QStringLiteral("fra")));
        nodes[QStringLiteral("fra-1")].services.append(service(QStringLiteral("dns"), kDns));
        for (const QString &name : {QStringLiteral("fra-2")})
            nodes.insert(name, node(name, QStringLiteral("fra")));
        for (const QString &name : {QStringLiteral("ams-1"), QStringLiteral("ams-2")})
            nodes.insert(name, node(name, QStringLiteral("ams")));
        if (change)
            change(nodes);
        for (auto it = nodes.cbegin(); it != nodes.cend(); ++it)
            fleet.connect(QStringLiteral("ep-") + it.key(), it.value());
    }
    // The guard facts an agent's status carries.
    void setGuard(const QString &name, quint64 minAnnouncing, bool withPeers)
    {
        AgentStatus status = statusOf(nodes[name]);
        status.fleet.minAnnouncing = minAnnouncing;
        if (withPeers)
            status.fleet.peers = {
                FleetPeerStatus{QStringLiteral("http://127.0.0.2:9642"), {}, {}, true, {}, {}, 0}};
        fleet.state.setStatus(QStringLiteral("ep-") + name, status);
    }
};

void withdrawWeb(NodeSpec &spec, OperatorState state = OperatorState::Drained)
{
    spec.services[0].route =
        state == OperatorState::Draining ? PrefixState::Draining : PrefixState::Withdrawn;
    spec.services[0].operatorState = state;
    spec.nodeState = state;
    spec.drainedBy = QStringLiteral("alice");
}

struct Case
{
    const char *name;
    std::function<void(QMap<QString, NodeSpec> &)> change;
    DrainAction action;
    QString node;
    std::optional<QString> service;
    QStringList prefixes;
    // Per prefix: "before->after" fleet-wide, then "region before->after" for each region.
    QStringList availability;
    QList<DrainRiskKind> risks;
    DrainFriction friction;
};

QString availabilityText(const PrefixAvailability &row)
{
    QStringList parts{QStringLiteral("%1 %2->%3").arg(row.prefix).arg(row.before).arg(row.after)};
    for (const RegionAvailability &region : row.regions)
        parts.append(
            QStringLiteral("%1 %2->%3").arg(region.region).arg(region.before).arg(region.after));
    return parts.join(QStringLiteral("; "));
}

// gtest prints a parameter by its name, not as a dump of its bytes.
void PrintTo(const Case &value, std::ostream *out)
{
    *out << value.name;
}

class DrainPlanCases : public ::testing::TestWithParam<Case>
{};

TEST_P(DrainPlanCases, ScopeAvailabilityRiskAndFriction)
{
    const Case &c = GetParam();
    Fleet fleet(c.change);
    const DrainPlan plan = DrainPlan::of(fleet.fleet.state, c.action,
                                         DrainTarget{QStringLiteral("ep-") + c.node, c.service});
    EXPECT_TRUE(plan.canSend()) << plan.problem.toStdString();
    EXPECT_EQ(plan.nodeName, c.node);
    EXPECT_EQ(plan.prefixes, c.prefixes);
    QStringList shown;
    for (const PrefixAvailability &row : plan.availability)
        shown.append(availabilityText(row));
    EXPECT_EQ(shown, c.availability);
    QList<DrainRiskKind> kinds;
    for (const DrainRisk &risk : plan.risks) {
        kinds.append(risk.kind);
        EXPECT_FALSE(risk.text.isEmpty());
    }
    EXPECT_EQ(kinds, c.risks);
    EXPECT_EQ(plan.friction(false), c.friction);
    EXPECT_EQ(plan.friction(true), DrainFriction::TypeNodeName);
}

INSTANTIATE_TEST_SUITE_P(
    Fleets, DrainPlanCases,
    ::testing::Values(
        Case{"RoutineNodeDrainButTheOnlyDnsNode",
             {},
             DrainAction::Drain,
             QStringLiteral("fra-1"),
             std::nullopt,
             {kWeb, kDns},
             {QStringLiteral("192.0.2.1/32 4->3; ams 2->2; fra 2->1"),
              QStringLiteral("198.51.100.53/32 1->0; fra 1->0")},
             {DrainRiskKind::LastInFleet},
             DrainFriction::TypeNodeName},
        Case{"OneServiceKeepsTheOtherPrefix",
             {},
             DrainAction::Drain,
             QStringLiteral("fra-1"),
             QStringLiteral("web"),
             {kWeb},
             {QStringLiteral("192.0.2.1/32 4->3; ams 2->2; fra 2->1")},
             {},
             DrainFriction::ReasonOnly},
        Case{"LastInRegion",
             [](QMap<QString, NodeSpec> &nodes) { withdrawWeb(nodes[QStringLiteral("fra-1")]); },
             DrainAction::Drain,
             QStringLiteral("fra-2"),
             std::nullopt,
             {kWeb},
             {QStringLiteral("192.0.2.1/32 3->2; ams 2->2; fra 1->0")},
             {DrainRiskKind::LastInRegion},
             DrainFriction::TypeNodeName},
        Case{"AnotherDrainBleedingInTheRegion",
             [](QMap<QString, NodeSpec> &nodes) {
                 withdrawWeb(nodes[QStringLiteral("fra-1")], OperatorState::Draining);
             },
             DrainAction::Drain,
             QStringLiteral("fra-2"),
             std::nullopt,
             {kWeb},
             {QStringLiteral("192.0.2.1/32 4->3; ams 2->2; fra 2->1")},
             {DrainRiskKind::DrainInFlight},
             DrainFriction::ReasonOnly},
        Case{"UndrainBringsTheRouteBack",
             [](QMap<QString, NodeSpec> &nodes) { withdrawWeb(nodes[QStringLiteral("ams-1")]); },
             DrainAction::Undrain,
             QStringLiteral("ams-1"),
             std::nullopt,
             {kWeb},
             {QStringLiteral("192.0.2.1/32 3->4; ams 1->2; fra 2->2")},
             {},
             DrainFriction::ReasonOnly},
        Case{"UndrainOfAServiceUnderADrainedNodeBringsNothingBack",
             [](QMap<QString, NodeSpec> &nodes) { withdrawWeb(nodes[QStringLiteral("ams-1")]); },
             DrainAction::Undrain,
             QStringLiteral("ams-1"),
             QStringLiteral("web"),
             {kWeb},
             {QStringLiteral("192.0.2.1/32 3->3; ams 1->1; fra 2->2")},
             {},
             DrainFriction::ReasonOnly}),
    [](const ::testing::TestParamInfo<Case> &param) { return std::string(param.param.name); });

TEST(DrainPlanTest, BelowMinAnnouncingIsHeldByTheGuardOnlyWhenTheAgentHasPeers)
{
    Fleet fleet(
        [](QMap<QString, NodeSpec> &nodes) { withdrawWeb(nodes[QStringLiteral("ams-2")]); });
    const DrainTarget target{QStringLiteral("ep-fra-2"), std::nullopt};

    fleet.setGuard(QStringLiteral("fra-2"), 3, true);
    DrainPlan plan = DrainPlan::of(fleet.fleet.state, DrainAction::Drain, target);
    EXPECT_TRUE(plan.hasRisk(DrainRiskKind::BelowMinAnnouncing));
    EXPECT_TRUE(plan.guardWouldHold);
    EXPECT_EQ(plan.minAnnouncing, 3u);
    EXPECT_EQ(plan.friction(false), DrainFriction::ReasonOnly);
    EXPECT_EQ(plan.friction(true), DrainFriction::TypeNodeName);

    fleet.setGuard(QStringLiteral("fra-2"), 3, false);
    plan = DrainPlan::of(fleet.fleet.state, DrainAction::Drain, target);
    EXPECT_TRUE(plan.hasRisk(DrainRiskKind::BelowMinAnnouncing));
    EXPECT_FALSE(plan.guardWouldHold);

    fleet.setGuard(QStringLiteral("fra-2"), 2, true);
    plan = DrainPlan::of(fleet.fleet.state, DrainAction::Drain, target);
    EXPECT_FALSE(plan.hasRisk(DrainRiskKind::BelowMinAnnouncing));
    EXPECT_FALSE(plan.guardWouldHold);
}

TEST(DrainPlanTest, UnreachableHoldersAreNotCountedAndSaidSo)
{
    Fleet fleet;
    fleet.fleet.state.setLink(QStringLiteral("ep-ams-2"),
                              LinkStatus{LinkPhase::Unreachable, QStringLiteral("refused"), {}});
    const DrainPlan plan = DrainPlan::of(fleet.fleet.state, DrainAction::Drain,
                                         {QStringLiteral("ep-ams-1"), QStringLiteral("web")});
    ASSERT_EQ(plan.availability.size(), 1);
    EXPECT_EQ(availabilityText(plan.availability[0]),
              QStringLiteral("192.0.2.1/32 3->2; ams 1->0; fra 2->2"));
    EXPECT_EQ(plan.availability[0].unknown, 1);
    EXPECT_TRUE(plan.hasRisk(DrainRiskKind::LastInRegion));
    EXPECT_TRUE(plan.hasRisk(DrainRiskKind::UnknownHolders));
}

TEST(DrainPlanTest, ACallerTheAgentLetsOnlyReadIsWarnedButNotBlocked)
{
    Fleet fleet;
    const DrainTarget target{QStringLiteral("ep-fra-2"), std::nullopt};
    HelloReply hello = helloOf(fleet.nodes[QStringLiteral("fra-2")]);
    hello.caller.user = QStringLiteral("bob");
    hello.caller.rights = {QStringLiteral("read")};
    fleet.fleet.state.setHello(QStringLiteral("ep-fra-2"), hello);
    DrainPlan plan = DrainPlan::of(fleet.fleet.state, DrainAction::Drain, target);
    EXPECT_TRUE(plan.rightsNote.startsWith(QStringLiteral("The agent lets bob only read")))
        << plan.rightsNote.toStdString();
    EXPECT_TRUE(plan.canSend());

    hello.caller.rights.append(QStringLiteral("mutate"));
    fleet.fleet.state.setHello(QStringLiteral("ep-fra-2"), hello);
    plan = DrainPlan::of(fleet.fleet.state, DrainAction::Drain, target);
    EXPECT_EQ(plan.rightsNote, QString());
}

TEST(DrainPlanTest, AnEmptyOrUnknownTargetIsNeverWidened)
{
    Fleet fleet;
    const auto problem = [&](const DrainTarget &target, const QSet<QString> &busy = {}) {
        return DrainPlan::of(fleet.fleet.state, DrainAction::Drain, target, busy).problem;
    };
    EXPECT_EQ(problem({QString(), std::nullopt}), QStringLiteral("No node is selected."));
    EXPECT_EQ(problem({QStringLiteral("ep-nowhere"), std::nullopt}),
              QStringLiteral("No node is selected."));
    EXPECT_EQ(problem({QStringLiteral("ep-fra-1"), QString()}),
              QStringLiteral("No service is selected."));
    EXPECT_EQ(problem({QStringLiteral("ep-fra-1"), QStringLiteral("  ")}),
              QStringLiteral("No service is selected."));
    EXPECT_EQ(problem({QStringLiteral("ep-fra-1"), QStringLiteral("mail")}),
              QStringLiteral("fra-1 has no service named mail."));
    EXPECT_EQ(problem({QStringLiteral("ep-fra-1"), std::nullopt}, {QStringLiteral("fra")}),
              QStringLiteral("This console has a drain under way in region fra; wait until it "
                             "has finished."));
    EXPECT_EQ(problem({QStringLiteral("ep-ams-1"), std::nullopt}, {QStringLiteral("fra")}),
              QString());
    fleet.fleet.state.setLink(QStringLiteral("ep-fra-1"),
                              LinkStatus{LinkPhase::Reconnecting, QStringLiteral("timeout"), {}});
    EXPECT_EQ(problem({QStringLiteral("ep-fra-1"), std::nullopt}),
              QStringLiteral("fra-1 is not connected."));
}

} // namespace
} // namespace anycast::modeltest
