// The phases of a drain and an undrain, from the agent's reply and the node's reports as the
// agent words them; refusals and failures never read as progress.
#include "app/models/DrainProgress.h"

#include "tests/models/FleetBuilders.h"

#include <gtest/gtest.h>

#include <ostream>

namespace anycast::modeltest {
namespace {

const QString kWeb = QStringLiteral("192.0.2.1/32");

DrainPlan planFor(DrainAction action)
{
    DrainPlan plan;
    plan.action = action;
    plan.target = {QStringLiteral("ep-fra-1"), std::nullopt};
    plan.nodeName = QStringLiteral("fra-1");
    plan.region = QStringLiteral("fra");
    plan.prefixes = {kWeb};
    return plan;
}

// fra-1 as its agent reports it: node state, the web route's state and reason.
NodeSnapshot reported(OperatorState state, PrefixState route, const QString &reason,
                      quint64 established = 0)
{
    ServiceSpec web;
    web.name = QStringLiteral("web");
    web.prefixes = {kWeb};
    web.route = route;
    web.operatorState = state;
    web.established = established;
    NodeSpec spec;
    spec.node = QStringLiteral("fra-1");
    spec.region = QStringLiteral("fra");
    spec.services = {web};
    spec.nodeState = state;
    NodeSnapshot node;
    node.endpoint = QStringLiteral("ep-fra-1");
    node.link = LinkStatus{LinkPhase::Connected, {}, {}};
    node.hello = helloOf(spec);
    node.status = statusOf(spec);
    PrefixDecision &decision = node.status->services[0].routes[0];
    decision.reason = reason;
    if (route == PrefixState::Draining)
        decision.attributes = {100, {QStringLiteral("65535:0")}, 2};
    return node;
}

MutationReply acknowledged(bool persisted = true)
{
    MutationReply reply;
    reply.persisted = persisted;
    reply.message = persisted ? QStringLiteral("drained") : QStringLiteral("nothing to undrain");
    return reply;
}

QList<StepState> states(const DrainProgress &progress)
{
    QList<StepState> out;
    for (const DrainStepView &step : progress.steps())
        out.append(step.state);
    return out;
}

using enum StepState;

TEST(DrainProgressTest, AGracefulDrainGoesThroughEveryPhase)
{
    DrainProgress progress(planFor(DrainAction::Drain), DrainMode::Graceful);
    EXPECT_EQ(progress.title(), QStringLiteral("Drain fra-1"));
    EXPECT_EQ(states(progress), (QList<StepState>{Active, Pending, Pending, Pending}));
    // Reports before the reply, or from before the agent applied it, change nothing.
    progress.observe(reported(OperatorState::Active, PrefixState::Announced, "healthy"));
    progress.replied(acknowledged());
    progress.observe(reported(OperatorState::Active, PrefixState::Announced, "healthy"));
    EXPECT_EQ(states(progress), (QList<StepState>{Done, Pending, Pending, Pending}));

    progress.observe(reported(OperatorState::Draining, PrefixState::Draining,
                              "draining: 12 established, withdraw below 5 or in 4m", 12));
    EXPECT_EQ(states(progress), (QList<StepState>{Done, Done, Active, Pending}));
    EXPECT_TRUE(progress.steps()[1].detail.contains(QStringLiteral("65535:0")));
    EXPECT_TRUE(progress.steps()[1].detail.contains(QStringLiteral("2 prepend(s)")));
    EXPECT_TRUE(progress.steps()[2].detail.contains(QStringLiteral("12 ESTABLISHED")));
    EXPECT_TRUE(progress.steps()[2].detail.contains(QStringLiteral("withdraw below 5")));
    EXPECT_FALSE(progress.finished());

    progress.observe(reported(OperatorState::Drained, PrefixState::Withdrawn,
                              "drain complete: 3 established, below the floor of 5", 3));
    EXPECT_EQ(states(progress), (QList<StepState>{Done, Done, Done, Done}));
    EXPECT_EQ(progress.outcome(), DrainOutcome::Completed);
    EXPECT_TRUE(progress.steps()[3].detail.contains(QStringLiteral("below the floor")));
}

TEST(DrainProgressTest, AnImmediateDrainSkipsDePreferringAndBleeding)
{
    DrainProgress progress(planFor(DrainAction::Drain), DrainMode::Immediate);
    progress.replied(acknowledged());
    progress.observe(reported(OperatorState::Drained, PrefixState::Withdrawn,
                              "drained immediately by an operator"));
    EXPECT_EQ(states(progress), (QList<StepState>{Done, Skipped, Skipped, Done}));
    EXPECT_EQ(progress.outcome(), DrainOutcome::Completed);
}

TEST(DrainProgressTest, ARouteHeldByTheFleetGuardIsHeldNotDone)
{
    DrainProgress progress(planFor(DrainAction::Drain), DrainMode::Graceful);
    progress.replied(acknowledged());
    const QString reason = QStringLiteral("drain complete: 0 established, below the floor of 5; "
                                          "withdrawal held back: fleet guard: only 0 other "
                                          "node(s) announce, minimum 1");
    progress.observe(reported(OperatorState::Drained, PrefixState::Degraded, reason));
    EXPECT_EQ(progress.outcome(), DrainOutcome::Held);
    EXPECT_TRUE(progress.finished());
    EXPECT_TRUE(progress.message().contains(reason)) << progress.message().toStdString();
    EXPECT_NE(progress.steps()[3].state, Done);
}

struct Refusal
{
    const char *name;
    CallOutcome<MutationReply> outcome;
    DrainOutcome expected;
    QString says;
};

// gtest prints a parameter by its name, not as a dump of its bytes.
void PrintTo(const Refusal &value, std::ostream *out)
{
    *out << value.name;
}

class DrainRefusals : public ::testing::TestWithParam<Refusal>
{};

TEST_P(DrainRefusals, AreShownAsSuchAndNeverAsProgress)
{
    const Refusal &r = GetParam();
    DrainProgress progress(planFor(DrainAction::Drain), DrainMode::Graceful);
    progress.replied(r.outcome);
    // The node may well show a drain (someone else's): it is not this one's success.
    progress.observe(reported(OperatorState::Drained, PrefixState::Withdrawn, "drained"));
    EXPECT_EQ(progress.outcome(), r.expected);
    EXPECT_TRUE(progress.message().contains(r.says)) << progress.message().toStdString();
    EXPECT_EQ(states(progress), (QList<StepState>{Pending, Pending, Pending, Pending}));
}

INSTANTIATE_TEST_SUITE_P(
    Outcomes, DrainRefusals,
    ::testing::Values(
        Refusal{"Permission",
                RpcError{kPermissionDenied, QStringLiteral("not in group anycast-ops"), {}},
                DrainOutcome::Refused, QStringLiteral("permission denied): not in group")},
        Refusal{"NotPersisted", RpcError{kNotPersisted, QStringLiteral("disk full"), {}},
                DrainOutcome::Refused, QStringLiteral("not persisted, nothing changed")},
        Refusal{"BadParameter", RpcError{kInvalidParams, QStringLiteral("reason: blank"), {}},
                DrainOutcome::Refused, QStringLiteral("error -32602")},
        Refusal{"Timeout", ClientError{CallFailure::Timeout, QStringLiteral("10 s")},
                DrainOutcome::Failed, QStringLiteral("Whether it took effect")},
        Refusal{"LinkDown", ClientError{CallFailure::Closed, QStringLiteral("link is not up")},
                DrainOutcome::Failed, QStringLiteral("Not done: link is not up")}),
    [](const ::testing::TestParamInfo<Refusal> &param) { return std::string(param.param.name); });

TEST(DrainProgressTest, AnUndrainWaitsForTheHealthyChecksThenTheRoute)
{
    DrainProgress progress(planFor(DrainAction::Undrain), DrainMode::Graceful);
    EXPECT_EQ(progress.title(), QStringLiteral("Undrain fra-1"));
    progress.replied(acknowledged());
    // Still the drained status: nothing is read from it.
    progress.observe(reported(OperatorState::Drained, PrefixState::Withdrawn, "drained"));
    EXPECT_EQ(states(progress), (QList<StepState>{Done, Pending, Pending}));
    progress.observe(reported(OperatorState::Active, PrefixState::Withdrawn,
                              "undrained: announcing after 3 healthy checks (1 so far)"));
    EXPECT_EQ(states(progress), (QList<StepState>{Done, Active, Pending}));
    EXPECT_EQ(progress.checksNeeded(), 3);
    EXPECT_TRUE(progress.steps()[1].detail.startsWith(
        QStringLiteral("announces again after 3 healthy check(s)")));
    progress.observe(reported(OperatorState::Active, PrefixState::Announced, "healthy"));
    EXPECT_EQ(states(progress), (QList<StepState>{Done, Done, Done}));
    EXPECT_EQ(progress.outcome(), DrainOutcome::Completed);
}

TEST(DrainProgressTest, UndrainingWhatIsNotDrainedChangesNothingAndSaysSo)
{
    DrainProgress progress(planFor(DrainAction::Undrain), DrainMode::Graceful);
    progress.replied(acknowledged(false));
    EXPECT_EQ(progress.outcome(), DrainOutcome::Completed);
    EXPECT_EQ(progress.message(), QStringLiteral("nothing to undrain"));
}

} // namespace
} // namespace anycast::modeltest
