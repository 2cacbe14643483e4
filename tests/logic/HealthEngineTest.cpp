#include "agent/health/HealthEngine.h"

#include "tests/logic/LogicTestSupport.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace anycast {
namespace {

using namespace logictest;
using namespace std::chrono_literals;

const QString kNoListenerFast = QStringLiteral("no listener on :443 (fast path)");
const QString kProbeDetail = QStringLiteral("connect to 127.0.0.1:443 timed out after 2 s");
const QString kProbeFailed = QStringLiteral("probe failed: ") + kProbeDetail;
constexpr quint32 kDepth91 = 3728; // 3728 / 4096 = 91.02%

enum class Input
{
    Good,       // full sample: listener present, nothing queued
    Soft,       // full sample: accept queue 91% full, a leading signal
    Hard,       // full sample: no listener on the port
    ProbeFails, // a confirmed probe failure: counts at the next check, not now
    ProbeOk,    // a confirmed probe success
    FastLoss,   // fast path: the listener is gone
    FastBack,   // fast path: the listener is there
};

const char *inputName(Input input)
{
    switch (input) {
    case Input::Good:
        return "good sample";
    case Input::Soft:
        return "soft sample";
    case Input::Hard:
        return "hard sample";
    case Input::ProbeFails:
        return "probe fails";
    case Input::ProbeOk:
        return "probe ok";
    case Input::FastLoss:
        return "fast path: no listener";
    case Input::FastBack:
        return "fast path: listener";
    }
    return "?";
}

// One input and what the verdict must be right after it. Unset fields are not checked.
struct Step
{
    Input input = Input::Good;
    ServiceHealth health = ServiceHealth::Down;
    std::optional<QStringList> reasons = {}; // exactly these
    std::optional<QStringList> pending = {}; // each part appears; {} = no transition under way
    std::optional<bool> starting = {};
};

struct Row
{
    std::string name;
    HealthConfig config = healthConfig();
    std::vector<Step> steps = {};
};

constexpr auto Healthy = ServiceHealth::Healthy;
constexpr auto Degraded = ServiceHealth::Degraded;
constexpr auto Down = ServiceHealth::Down;

QString goodOf(int done, int rise)
{
    return QStringLiteral("%1 of %2 good checks").arg(done).arg(rise);
}

QString failingOf(int done, int fall)
{
    return QStringLiteral("%1 of %2 failing checks").arg(done).arg(fall);
}

// From start to healthy: `rise` good checks, and not one fewer.
std::vector<Step> startToHealthy(int rise = 3)
{
    std::vector<Step> steps;
    for (int i = 1; i < rise; ++i)
        steps.push_back({Input::Good, Down, {}, QStringList{goodOf(i, rise)}, true});
    steps.push_back({Input::Good, Healthy, QStringList{}, QStringList{}, false});
    return steps;
}

std::vector<Step> then(std::vector<Step> first, const std::vector<Step> &second)
{
    first.insert(first.end(), second.begin(), second.end());
    return first;
}

const std::vector<Step> kToDegraded = {{Input::Soft, Healthy}, {Input::Soft, Degraded}};
const std::vector<Step> kToDown = {{Input::Hard, Healthy}, {Input::Hard, Down}};

const std::vector<Row> kRows = {
    {"StartingHealthyAfterRiseGoodChecks", healthConfig(), startToHealthy()},
    {"StartingHealthyRiseTwoFallThree", healthConfig(2, 3),
     then(startToHealthy(2), {{Input::Soft, Healthy, {}, QStringList{failingOf(1, 3), kQueue91}},
                              {Input::Soft, Healthy, {}, QStringList{failingOf(2, 3), kQueue91}},
                              {Input::Soft, Degraded, QStringList{kQueue91}, QStringList{}}})},
    {"StartingDownAfterFallBadChecks",
     healthConfig(),
     {{Input::Hard, Down, {}, {}, true},
      {Input::Hard, Down, QStringList{kNoListener}, QStringList{}, false},
      {Input::Good, Down, {}, QStringList{goodOf(1, 3)}, false}}},
    {"StartingDownAfterFallBadChecksFallThree",
     healthConfig(3, 3),
     {{Input::Hard, Down, {}, {}, true},
      {Input::Hard, Down, {}, {}, true},
      {Input::Hard, Down, QStringList{kNoListener}, QStringList{}, false}}},
    {"StartingGoodStreakResetByHardCheck",
     healthConfig(),
     {{Input::Good, Down, {}, QStringList{goodOf(1, 3)}, true},
      {Input::Good, Down, {}, QStringList{goodOf(2, 3)}, true},
      {Input::Hard, Down, {}, QStringList{}, true},
      {Input::Good, Down, {}, QStringList{goodOf(1, 3)}, true},
      {Input::Good, Down, {}, QStringList{goodOf(2, 3)}, true},
      {Input::Good, Healthy, QStringList{}, QStringList{}, false}}},
    {"HealthyDegradedAfterFallSoftChecks", healthConfig(),
     then(startToHealthy(),
          {{Input::Soft, Healthy, QStringList{}, QStringList{failingOf(1, 2), kQueue91}},
           {Input::Soft, Degraded, QStringList{kQueue91}, QStringList{}}})},
    {"HealthyDownAfterFallHardChecks", healthConfig(),
     then(startToHealthy(),
          {{Input::Hard, Healthy, QStringList{}, QStringList{failingOf(1, 2), kNoListener}},
           {Input::Hard, Down, QStringList{kNoListener}, QStringList{}}})},
    {"DegradedDownAfterFallHardChecks", healthConfig(),
     then(then(startToHealthy(), kToDegraded),
          {{Input::Hard, Degraded, QStringList{kQueue91}, QStringList{failingOf(1, 2)}},
           {Input::Hard, Down, QStringList{kNoListener}, QStringList{}}})},
    {"DegradedHealthyAfterRiseGoodChecks", healthConfig(),
     then(then(startToHealthy(), kToDegraded),
          {{Input::Good, Degraded, {}, QStringList{goodOf(1, 3)}},
           {Input::Good, Degraded, {}, QStringList{goodOf(2, 3)}},
           {Input::Good, Healthy, QStringList{}, QStringList{}}})},
    {"DownHealthyAfterRiseGoodChecks", healthConfig(),
     then(then(startToHealthy(), kToDown), {{Input::Good, Down, {}, QStringList{goodOf(1, 3)}},
                                            {Input::Good, Down, {}, QStringList{goodOf(2, 3)}},
                                            {Input::Good, Healthy, QStringList{}, QStringList{}}})},
    {"DownDegradedAfterRiseSoftChecks", healthConfig(),
     then(then(startToHealthy(), kToDown),
          {{Input::Soft, Down},
           {Input::Soft, Down},
           {Input::Soft, Degraded, QStringList{kQueue91}, QStringList{}}})},
    // Not down for `rise` checks, but not all of them good: degraded, and it must say why.
    {"DownDegradedWhenRecoveryIncludesSoftCheck", healthConfig(),
     then(then(startToHealthy(), kToDown), {{Input::Soft, Down},
                                            {Input::Good, Down},
                                            {Input::Good, Degraded},
                                            {Input::Good, Healthy, QStringList{}, QStringList{}}})},
    {"DownGoodStreakResetByHardCheck", healthConfig(),
     then(then(startToHealthy(), kToDown),
          {{Input::Good, Down, {}, QStringList{goodOf(1, 3)}},
           {Input::Good, Down, {}, QStringList{goodOf(2, 3)}},
           {Input::Hard, Down, QStringList{kNoListener}, QStringList{}},
           {Input::Good, Down, {}, QStringList{goodOf(1, 3)}},
           {Input::Good, Down, {}, QStringList{goodOf(2, 3)}},
           {Input::Good, Healthy}})},
    {"DegradedGoodStreakResetBySoftCheck", healthConfig(),
     then(then(startToHealthy(), kToDegraded), {{Input::Good, Degraded},
                                                {Input::Good, Degraded},
                                                {Input::Soft, Degraded, QStringList{kQueue91}},
                                                {Input::Good, Degraded},
                                                {Input::Good, Degraded},
                                                {Input::Good, Healthy}})},
    {"AlternatingSoftAndGoodStaysHealthy", healthConfig(),
     then(startToHealthy(), {{Input::Soft, Healthy},
                             {Input::Good, Healthy, QStringList{}, QStringList{}},
                             {Input::Soft, Healthy},
                             {Input::Good, Healthy},
                             {Input::Soft, Healthy}})},
    {"AlternatingHardAndGoodStaysHealthy", healthConfig(),
     then(startToHealthy(), {{Input::Hard, Healthy},
                             {Input::Good, Healthy, QStringList{}, QStringList{}},
                             {Input::Hard, Healthy},
                             {Input::Good, Healthy}})},
    // A hard check is a failing check too: hard then soft makes `fall` failing checks, but
    // the soft one breaks the run of hard ones.
    {"HardThenSoftDegradesThenHardRunRestarts", healthConfig(),
     then(startToHealthy(), {{Input::Hard, Healthy},
                             {Input::Soft, Degraded, QStringList{kQueue91}},
                             {Input::Hard, Degraded, {}, QStringList{failingOf(1, 2)}},
                             {Input::Hard, Down, QStringList{kNoListener}}})},
    {"ListenerLossOnFastPathIsDownAtOnce", healthConfig(),
     then(startToHealthy(), {{Input::FastLoss, Down, QStringList{kNoListenerFast}, QStringList{}},
                             {Input::FastBack, Down, QStringList{kNoListenerFast}},
                             {Input::Good, Down, {}, QStringList{goodOf(1, 3)}},
                             {Input::Good, Down, {}, QStringList{goodOf(2, 3)}},
                             {Input::Good, Healthy}})},
    {"ListenerLossOnFastPathFromDegraded", healthConfig(),
     then(then(startToHealthy(), kToDegraded),
          {{Input::FastLoss, Down, QStringList{kNoListenerFast}, QStringList{}}})},
    {"ListenerLossCountedThroughFallWhenNotImmediate", healthConfig(3, 2, false),
     then(startToHealthy(), {{Input::FastLoss, Healthy, QStringList{}, QStringList{}},
                             {Input::Hard, Healthy, {}, QStringList{failingOf(1, 2)}},
                             {Input::FastLoss, Healthy},
                             {Input::Hard, Down, QStringList{kNoListener}}})},
    {"ListenerPresentOnFastPathChangesNothing", healthConfig(),
     then(startToHealthy(), {{Input::FastBack, Healthy, QStringList{}, QStringList{}},
                             {Input::FastBack, Healthy, QStringList{}, QStringList{}}})},
    // A vanished listener undoes any recovery under way: the progress text must not go on
    // promising "2 of 3 good checks".
    {"FastPathLossWhileRecoveringResetsProgress", healthConfig(),
     then(then(startToHealthy(), kToDown),
          {{Input::Good, Down, {}, QStringList{goodOf(1, 3)}},
           {Input::Good, Down, {}, QStringList{goodOf(2, 3)}},
           {Input::FastLoss, Down, QStringList{kNoListenerFast}, QStringList{}},
           {Input::FastBack, Down},
           {Input::Good, Down, {}, QStringList{goodOf(1, 3)}}})},
    {"FastPathLossWhileStartingResetsProgress",
     healthConfig(),
     {{Input::Good, Down, {}, QStringList{goodOf(1, 3)}, true},
      {Input::Good, Down, {}, QStringList{goodOf(2, 3)}, true},
      {Input::FastLoss, Down, {}, QStringList{}, true},
      {Input::FastBack, Down, {}, {}, true},
      {Input::Good, Down, {}, QStringList{goodOf(1, 3)}, true}}},
    {"ProbeFailureIsAHardSignal", healthConfig(),
     then(startToHealthy(),
          {{Input::ProbeFails, Healthy, QStringList{}, QStringList{}},
           {Input::Good, Healthy, QStringList{}, QStringList{failingOf(1, 2), kProbeFailed}},
           // A confirmed failure counts once: until the next outcome a check holds the
           // streaks (one unlucky probe cycle must not count as two failing checks).
           {Input::Good, Healthy, QStringList{}, QStringList{failingOf(1, 2), kProbeFailed}},
           {Input::ProbeFails, Healthy},
           {Input::Good, Down, QStringList{kProbeFailed}, QStringList{}},
           {Input::ProbeOk, Down},
           {Input::Good, Down, {}, QStringList{goodOf(1, 3)}},
           {Input::Good, Down, {}, QStringList{goodOf(2, 3)}},
           {Input::Good, Healthy, QStringList{}}})},
    {"ProbeFailureAndMissingListenerBothReported", healthConfig(),
     then(startToHealthy(), {{Input::ProbeFails, Healthy},
                             {Input::Hard, Healthy},
                             {Input::Hard, Down, QStringList{kNoListener, kProbeFailed}}})},
    {"ProbeFailureWhileStartingGoesDown",
     healthConfig(),
     {{Input::ProbeFails, Down, {}, {}, true},
      {Input::Good, Down, {}, {}, true},
      {Input::Good, Down, {}, {}, true}, // the same failure does not count twice
      {Input::ProbeFails, Down, {}, {}, true},
      {Input::Good, Down, QStringList{kProbeFailed}, {}, false}}},
};

bool apply(HealthEngine &engine, Input input, SteadyTime now)
{
    switch (input) {
    case Input::Good:
        return engine.onSample(quietStats(), {}, now);
    case Input::Soft:
        return engine.onSample(queuedStats(kDepth91), {}, now);
    case Input::Hard:
        return engine.onSample(noListenerStats(), {}, now);
    case Input::ProbeFails:
        engine.onProbe(false, kProbeDetail);
        return false;
    case Input::ProbeOk:
        engine.onProbe(true, QStringLiteral("connected in 1 ms"));
        return false;
    case Input::FastLoss:
        return engine.onListeners({}, now);
    case Input::FastBack:
        return engine.onListeners({listener()}, now);
    }
    return false;
}

void PrintTo(const Row &row, std::ostream *out)
{
    *out << row.name;
}

class HealthEngineTransitions : public ::testing::TestWithParam<Row>
{};

TEST_P(HealthEngineTransitions, FollowsTheTable)
{
    const Row &row = GetParam();
    const SteadyTime start = at(0ms);
    HealthEngine engine(row.config, start);
    SteadyTime lastChange = start;
    for (std::size_t i = 0; i < row.steps.size(); ++i) {
        const Step &step = row.steps[i];
        const SteadyTime now = start + std::chrono::seconds(i + 1);
        SCOPED_TRACE(::testing::Message()
                     << "step " << i + 1 << " (" << inputName(step.input) << ")");
        const HealthVerdict before = engine.verdict();
        const bool changed = apply(engine, step.input, now);
        const HealthVerdict &verdict = engine.verdict();

        EXPECT_EQ(verdict.health, step.health);
        if (step.reasons) {
            EXPECT_EQ(verdict.reasons, *step.reasons);
        }
        if (step.pending && step.pending->isEmpty()) {
            EXPECT_EQ(verdict.pending, QString()) << "no transition is under way";
        }
        for (const QString &part : step.pending.value_or(QStringList{})) {
            EXPECT_TRUE(verdict.pending.contains(part)) << verdict.pending.toStdString();
        }
        if (step.starting) {
            EXPECT_EQ(verdict.starting, *step.starting);
        }

        // `since` moves exactly when the verdict does, and the engine says so.
        const bool moved = verdict.health != before.health || verdict.starting != before.starting;
        EXPECT_EQ(changed, moved);
        if (moved)
            lastChange = now;
        EXPECT_EQ(verdict.since, lastChange) << "since must change only with the verdict";
        if (verdict.health != ServiceHealth::Healthy) {
            EXPECT_FALSE(verdict.reasons.isEmpty()) << "an unhealthy verdict must say why";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Table, HealthEngineTransitions, ::testing::ValuesIn(kRows),
                         [](const auto &row) { return row.param.name; });

TEST(HealthEngine, StartsDownAndSaysWhy)
{
    const HealthEngine engine(healthConfig(), at(0ms));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Down);
    EXPECT_TRUE(engine.verdict().starting);
    EXPECT_EQ(engine.verdict().since, at(0ms));
    ASSERT_EQ(engine.verdict().reasons.size(), 1);
    EXPECT_TRUE(engine.verdict().reasons.first().startsWith(QStringLiteral("starting")));
}

TEST(HealthEngine, SinceMarksEachChangeAndNothingElse)
{
    HealthEngine engine(healthConfig(), at(0ms));
    for (int second = 1; second <= 3; ++second)
        engine.onSample(quietStats(), {}, atSeconds(second));
    EXPECT_EQ(engine.verdict().since, atSeconds(3));
    for (int second = 4; second <= 20; ++second)
        EXPECT_FALSE(engine.onSample(quietStats(), {}, atSeconds(second)));
    EXPECT_EQ(engine.verdict().since, atSeconds(3));

    engine.onSample(queuedStats(kDepth91), {}, atSeconds(21));
    EXPECT_TRUE(engine.onSample(queuedStats(kDepth91), {}, atSeconds(22)));
    EXPECT_EQ(engine.verdict().since, atSeconds(22));
    // Another reading of the same trouble refreshes the reasons, not the time.
    EXPECT_FALSE(engine.onSample(queuedStats(4000), {}, atSeconds(23)));
    EXPECT_EQ(engine.verdict().since, atSeconds(22));
    EXPECT_EQ(engine.verdict().reasons,
              QStringList{QStringLiteral("accept queue 98% of 4096 on :443")});

    EXPECT_TRUE(engine.onListeners({}, atSeconds(23) + 400ms));
    EXPECT_EQ(engine.verdict().since, atSeconds(23) + 400ms);
    EXPECT_FALSE(engine.onListeners({}, atSeconds(23) + 500ms));
    EXPECT_FALSE(engine.onSample(noListenerStats(), {}, atSeconds(24)));
    EXPECT_EQ(engine.verdict().since, atSeconds(23) + 400ms);
}

TEST(HealthEngine, ListenerOnAnotherPortDoesNotCount)
{
    HealthEngine engine(healthConfig(), at(0ms));
    for (int second = 1; second <= 3; ++second)
        engine.onSample(quietStats(), {}, atSeconds(second));
    ASSERT_EQ(engine.verdict().health, ServiceHealth::Healthy);
    EXPECT_TRUE(engine.onListeners({listener(0, kBacklog, 8443)}, atSeconds(4)));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Down);
}

HostCounters listenOverflows(double perSecond)
{
    HostCounters host;
    host.ratesPerSecond.insert(QStringLiteral("TcpExt.ListenOverflows"), perSecond);
    return host;
}

TEST(HealthEngine, HostListenDropsCountOnlyWithThisServicesEvidence)
{
    HealthEngine engine(healthConfig(), at(0ms));
    for (int second = 1; second <= 3; ++second)
        engine.onSample(quietStats(), {}, atSeconds(second));
    ASSERT_EQ(engine.verdict().health, ServiceHealth::Healthy);
    // Another listener on the host overflows for a minute: this one never fills.
    for (int second = 4; second <= 60; ++second) {
        engine.onListeners({listener(3)}, atSeconds(second) - 500ms);
        engine.onListeners({listener(0)}, atSeconds(second) - 400ms);
        EXPECT_FALSE(engine.onSample(quietStats(), listenOverflows(40), atSeconds(second)));
    }
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Healthy);
}

TEST(HealthEngine, FastPathQueuePeakIsTheEvidenceForHostDrops)
{
    HealthEngine engine(healthConfig(), at(0ms));
    for (int second = 1; second <= 3; ++second)
        engine.onSample(quietStats(), {}, atSeconds(second));
    // Between two checks the fast path sees the queue full; by the check it has drained.
    for (int second = 4; second <= 5; ++second) {
        engine.onListeners({listener(kBacklog)}, atSeconds(second) - 500ms);
        engine.onListeners({listener(0)}, atSeconds(second) - 400ms);
        engine.onSample(quietStats(), listenOverflows(40), atSeconds(second));
    }
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Degraded);
    EXPECT_EQ(engine.verdict().reasons,
              QStringList{QStringLiteral("listen queue drops 40/s (host), this service's: accept "
                                         "queue reached 4096 of 4096 on :443")});
    // The peak belongs to the interval it was seen in: the next check starts afresh.
    engine.onSample(quietStats(), listenOverflows(40), atSeconds(6));
    EXPECT_EQ(engine.verdict().pending, QStringLiteral("1 of 3 good checks"));
}

} // namespace
} // namespace anycast
