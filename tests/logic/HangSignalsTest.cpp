#include "agent/health/HealthEngine.h"
#include "agent/health/ProbeSchedule.h"
#include "tests/logic/LogicTestSupport.h"

#include <gtest/gtest.h>

// Hangs judged as they happen: a stalled accept queue on the fast path and unread requests
// from the connection watch move the verdict at once; the checks then hold it there.
namespace anycast {
namespace {

using namespace logictest;
using namespace std::chrono_literals;

// A healthy engine at 3 s (rise 3 good checks at 1, 2, 3 s).
HealthEngine healthyEngine(HealthConfig config = healthConfig())
{
    HealthEngine engine(std::move(config), at(0ms));
    for (int second = 1; second <= 3; ++second)
        engine.onSample(quietStats(), {}, atSeconds(second));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Healthy);
    return engine;
}

// Quiet checks at `firstSecond` and the two seconds after: still degraded after two, healthy
// at the third (`rise` = 3).
void recoversAfterRiseGoodChecks(HealthEngine &engine, int firstSecond)
{
    EXPECT_FALSE(engine.onSample(quietStats(), {}, atSeconds(firstSecond)));
    EXPECT_FALSE(engine.onSample(quietStats(), {}, atSeconds(firstSecond + 1)));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Degraded);
    EXPECT_EQ(engine.verdict().pending, QStringLiteral("2 of 3 good checks"));
    EXPECT_TRUE(engine.onSample(quietStats(), {}, atSeconds(firstSecond + 2)));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Healthy);
}

ConnectionActivity unreadFor(std::initializer_list<quint32> agesMs, quint64 accepted = 0)
{
    ConnectionActivity activity;
    activity.service = QStringLiteral("https");
    activity.available = true;
    activity.unread = agesMs.size();
    activity.unreadAgesMs = agesMs;
    activity.acceptedFromWaiting = accepted;
    return activity;
}

ConnectionActivity unansweredFor(std::initializer_list<quint32> agesMs, quint64 answered = 0)
{
    ConnectionActivity activity;
    activity.service = QStringLiteral("https");
    activity.available = true;
    activity.unanswered = agesMs.size();
    activity.unansweredAgesMs = agesMs;
    activity.answeredFromUnanswered = answered;
    return activity;
}

// `count` probe runs 100 ms apart from `from` on, answered after 2, 3, 4, 5, 2, ... ms (or
// after `took`); returns when the last one ended.
SteadyTime learnFromProbes(HealthEngine &engine, SteadyTime from, int count = 20,
                           std::optional<Milliseconds> took = std::nullopt)
{
    SteadyTime now = from;
    for (int run = 0; run < count; ++run) {
        const Milliseconds answer = took.value_or(Milliseconds{2 + run % 4});
        engine.onProbeStarted(now);
        engine.onProbeEnded(answer, now + answer);
        now += 100ms;
    }
    return now;
}

TEST(HangSignals, StalledQueueDegradesAtOnceThenWithdraws)
{
    HealthEngine engine = healthyEngine();
    const SteadyTime start = at(3100ms);
    std::optional<SteadyTime> degraded, down;
    for (SteadyTime now = start; now <= start + 3s; now += 100ms) {
        if (engine.onListeners({listener(6)}, now)) {
            if (engine.verdict().health == ServiceHealth::Degraded && !degraded)
                degraded = now;
            if (engine.verdict().health == ServiceHealth::Down && !down) {
                down = now;
                EXPECT_EQ(engine.verdict().reasons,
                          QStringList{QStringLiteral(
                              "accept queue stalled 2.0 s on :443: 6 waiting, none accepted")});
            }
        }
        if (now == start + 200ms) {
            ASSERT_TRUE(degraded) << "not degraded the moment the window passed";
            EXPECT_EQ(engine.verdict().reasons,
                      QStringList{QStringLiteral(
                          "accept queue stalled 0.2 s on :443: 6 waiting, none accepted")});
        }
    }
    ASSERT_TRUE(degraded);
    ASSERT_TRUE(down);
    EXPECT_EQ(*degraded - start, 200ms) << "de-preferred before the window passed";
    EXPECT_EQ(*down - start, 2000ms);
}

TEST(HangSignals, ChecksDuringAStallCountAndRecoveryTakesRise)
{
    HealthEngine engine = healthyEngine();
    for (SteadyTime now = at(3100ms); now <= at(3500ms); now += 100ms)
        engine.onListeners({listener(2)}, now);
    ASSERT_EQ(engine.verdict().health, ServiceHealth::Degraded);
    engine.onSample(queuedStats(2), {}, atSeconds(4));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Degraded);
    EXPECT_TRUE(engine.verdict().reasons.first().startsWith(QStringLiteral("accept queue stalled")))
        << engine.verdict().reasons.join(QStringLiteral("; ")).toStdString();
    // The application accepts again: the queue empties, then rise good checks.
    engine.onListeners({listener(0)}, at(4100ms));
    recoversAfterRiseGoodChecks(engine, 5);
}

TEST(HangSignals, BusyHealthyAcceptorNeverTrips)
{
    // Bursts of hundreds of connections: the fast path catches the queue full of them, and
    // by the next reading it has drained (or shrunk). Ten simulated minutes, no change.
    HealthEngine engine = healthyEngine();
    const quint32 pattern[] = {0, 180, 0, 0, 250, 40, 0, 0, 0, 300, 120, 3, 0};
    int reading = 0;
    for (SteadyTime now = at(3100ms); now < at(603s); now += 100ms) {
        EXPECT_FALSE(engine.onListeners({listener(pattern[reading++ % 13])}, now));
        if ((now - at(0ms)) % 1s == 0ms) {
            EXPECT_FALSE(engine.onSample(quietStats(), {}, now));
        }
    }
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Healthy);
}

TEST(HangSignals, ASaturatedAcceptorThatKeepsAcceptingIsNotStalled)
{
    // The queue sits at its backlog (refilled as fast as it is drained): the depth alone
    // looks stalled, but the connection watch sees waiting connections get accepted.
    HealthEngine engine = healthyEngine();
    for (SteadyTime now = at(3100ms); now <= at(6000ms); now += 100ms) {
        engine.onConnections(unreadFor({}, 12), now);
        EXPECT_FALSE(engine.onListeners({listener(128, 128)}, now));
    }
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Healthy);
    EXPECT_FALSE(engine.socketsSayStalled(at(6000ms)));
}

TEST(HangSignals, WithoutEvidenceOfAcceptingAFullQueueIsStalled)
{
    HealthEngine engine = healthyEngine();
    for (SteadyTime now = at(3100ms); now <= at(3400ms); now += 100ms) {
        engine.onConnections(unreadFor({}, 0), now);
        engine.onListeners({listener(128, 128)}, now);
    }
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Degraded);
}

TEST(HangSignals, UnreadRequestsPersistingDegradeAtOnce)
{
    HealthEngine engine = healthyEngine();
    EXPECT_TRUE(engine.onConnections(unreadFor({480, 120}), at(3200ms)));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Degraded);
    EXPECT_EQ(engine.verdict().reasons,
              QStringList{QStringLiteral("1 accepted connection holding unread bytes for 0.2 s "
                                         "or more (longest 0.5 s)")});
    EXPECT_TRUE(engine.socketsSayStalled(at(3200ms)));
}

TEST(HangSignals, TransientUnreadBytesAreNormal)
{
    // Requests arrive and are read within milliseconds: any look catches a few in flight.
    HealthEngine engine = healthyEngine();
    for (SteadyTime now = at(3100ms); now < at(63s); now += 100ms) {
        EXPECT_FALSE(engine.onConnections(unreadFor({199, 40, 3, 0}), now));
        if ((now - at(0ms)) % 1s == 0ms) {
            EXPECT_FALSE(engine.onSample(quietStats(), {}, now));
        }
    }
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Healthy);
    EXPECT_FALSE(engine.socketsSayStalled(at(63s)));
}

TEST(HangSignals, UnreadThresholdCountsConnections)
{
    HealthConfig config = healthConfig();
    config.thresholds.unreadConnections = 3;
    config.thresholds.unreadAge = 1000ms;
    HealthEngine engine = healthyEngine(config);
    EXPECT_FALSE(engine.onConnections(unreadFor({5000, 1000, 999}), at(3100ms)));
    EXPECT_TRUE(engine.onConnections(unreadFor({5000, 1200, 1000}), at(3200ms)));
    EXPECT_EQ(engine.verdict().reasons,
              QStringList{QStringLiteral("3 accepted connections holding unread bytes for 1.0 s "
                                         "or more (longest 5.0 s)")});
}

TEST(HangSignals, UnreadClearsWhenTheNextLookIsClean)
{
    HealthEngine engine = healthyEngine();
    engine.onConnections(unreadFor({800}), at(3100ms));
    ASSERT_EQ(engine.verdict().health, ServiceHealth::Degraded);
    engine.onConnections(unreadFor({}), at(3200ms));
    EXPECT_FALSE(engine.socketsSayStalled(at(3200ms)));
    for (int second = 4; second <= 6; ++second)
        engine.onSample(quietStats(), {}, atSeconds(second));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Healthy);
}

TEST(HangSignals, UnansweredRequestsWithNoAnswerForTheWindowDegradeAtOnce)
{
    // The service reads requests and answers none (defaults: 2 waiting 1 s, nothing
    // answered for 1 s). Requests arrive every 200 ms from 3.1 s on.
    HealthEngine engine = healthyEngine();
    std::optional<SteadyTime> degraded;
    for (SteadyTime now = at(3100ms); now <= at(6000ms); now += 100ms) {
        QList<quint32> ages;
        for (SteadyTime arrival = at(3100ms); arrival <= now; arrival += 200ms)
            ages.append(static_cast<quint32>((now - arrival) / 1ms)); // longest first
        ConnectionActivity activity = unansweredFor({});
        activity.unanswered = static_cast<quint64>(ages.size());
        activity.unansweredAgesMs = ages;
        if (engine.onConnections(activity, now) && !degraded) {
            degraded = now;
            EXPECT_EQ(engine.verdict().reasons,
                      QStringList{QStringLiteral("2 requests read and not answered for 1.0 s or "
                                                 "more, none answered meanwhile (longest 1.2 s)")});
        }
    }
    ASSERT_TRUE(degraded);
    // The second request (3.3 s) is 1 s old at 4.3 s.
    EXPECT_EQ(*degraded, at(4300ms));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Degraded);
    EXPECT_TRUE(engine.socketsSayStalled(at(6000ms)));
}

TEST(HangSignals, SlowAnswersAreNotAHang)
{
    // Every request takes 1.5 s, but answers keep coming: a slow service, not a hung one.
    HealthEngine engine = healthyEngine();
    for (SteadyTime now = at(3100ms); now < at(63s); now += 100ms) {
        EXPECT_FALSE(engine.onConnections(unansweredFor({1450, 1200, 1100, 700, 300}, 1), now));
        if ((now - at(0ms)) % 1s == 0ms) {
            EXPECT_FALSE(engine.onSample(quietStats(), {}, now));
        }
    }
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Healthy);
}

TEST(HangSignals, OneLongPollIsNotAHang)
{
    // A single request held for a minute (a long poll), below the count.
    HealthEngine engine = healthyEngine();
    for (SteadyTime now = at(3100ms); now < at(63s); now += 100ms)
        EXPECT_FALSE(engine.onConnections(
            unansweredFor({static_cast<quint32>((now - at(3100ms)) / 1ms)}), now));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Healthy);
}

TEST(HangSignals, AnAnswerRestartsTheUnansweredWindow)
{
    HealthConfig config = healthConfig();
    config.thresholds.unansweredConnections = 3;
    config.thresholds.unansweredAge = 500ms;
    HealthEngine engine = healthyEngine(config);
    EXPECT_FALSE(engine.onConnections(unansweredFor({}), at(3000ms)));
    EXPECT_FALSE(engine.onConnections(unansweredFor({100, 50, 10}), at(3100ms)));
    EXPECT_FALSE(engine.onConnections(unansweredFor({500, 450, 400}), at(3500ms)))
        << "only one has waited the window";
    EXPECT_FALSE(engine.onConnections(unansweredFor({600, 550, 500}, 1), at(3600ms)))
        << "one got its answer";
    EXPECT_FALSE(engine.onConnections(unansweredFor({1000, 950, 900}), at(4000ms)));
    EXPECT_TRUE(engine.onConnections(unansweredFor({1100, 1050, 1000}), at(4100ms)));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Degraded);
}

TEST(HangSignals, AnUnavailableLookSaysNothing)
{
    HealthEngine engine = healthyEngine();
    ConnectionActivity proc;
    proc.service = QStringLiteral("https");
    proc.unread = 5;
    proc.unreadAgesMs = {9000, 9000, 9000, 9000, 9000};
    EXPECT_FALSE(engine.onConnections(proc, at(3100ms)));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Healthy);
}

TEST(HangSignals, ZeroTurnsTheHangSignalsOff)
{
    HealthConfig config = healthConfig();
    config.thresholds.acceptStall = 0ms;
    config.thresholds.acceptStallWithdraw = 0ms;
    config.thresholds.unreadConnections = 0;
    config.thresholds.unansweredConnections = 0;
    HealthEngine engine = healthyEngine(config);
    for (SteadyTime now = at(3100ms); now <= at(9000ms); now += 100ms) {
        EXPECT_FALSE(engine.onListeners({listener(6)}, now));
        EXPECT_FALSE(engine.onConnections(unreadFor({9000}), now));
        EXPECT_FALSE(engine.onConnections(unansweredFor({9000, 9000, 9000}), now));
    }
    EXPECT_FALSE(engine.socketsSayStalled(at(9000ms)));
}

TEST(HangSignals, StallWithoutWithdrawWindowOnlyDegrades)
{
    HealthConfig config = healthConfig();
    config.thresholds.acceptStallWithdraw = 0ms;
    HealthEngine engine = healthyEngine(config);
    for (SteadyTime now = at(3100ms); now <= at(20s); now += 100ms)
        engine.onListeners({listener(6)}, now);
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Degraded);
}

TEST(HangSignals, AStartingServiceIsNotMovedByAHang)
{
    HealthEngine engine(healthConfig(), at(0ms));
    for (SteadyTime now = at(100ms); now <= at(600ms); now += 100ms)
        EXPECT_FALSE(engine.onListeners({listener(6)}, now));
    EXPECT_TRUE(engine.verdict().starting);
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Down);
}

TEST(HangSignals, AWrongAnswerDePrefersAtOnceAndFallStillDecidesDown)
{
    HealthEngine engine = healthyEngine();
    const QString detail = QStringLiteral("HTTP 500 (expected 200)");
    engine.onProbe(false, detail);
    EXPECT_TRUE(engine.onWrongAnswer(detail, at(3300ms)));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Degraded);
    EXPECT_EQ(engine.verdict().reasons,
              QStringList{QStringLiteral("probe answered wrongly: HTTP 500 (expected 200)")});
    EXPECT_FALSE(engine.socketsSayStalled(at(3300ms))) << "an answer is no socket evidence";
    // The next check counts the failure; `fall` (2) of them take it down.
    EXPECT_FALSE(engine.onSample(quietStats(), {}, atSeconds(4)));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Degraded);
    engine.onProbe(false, detail);
    EXPECT_TRUE(engine.onSample(quietStats(), {}, atSeconds(5)));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Down);
    // A passing probe clears it; `rise` good checks bring it back.
    engine.onProbe(true, QStringLiteral("HTTP 200 in 0.4 ms"));
    for (int second = 6; second <= 8; ++second)
        engine.onSample(quietStats(), {}, atSeconds(second));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Healthy);
    EXPECT_FALSE(engine.onConnections(unreadFor({}), at(8100ms))) << "nothing left over";
}

TEST(HangSignals, AWrongAnswerWhileStartingWaitsForTheChecks)
{
    HealthEngine engine(healthConfig(), at(0ms));
    engine.onProbe(false, QStringLiteral("HTTP 503 (expected 200)"));
    EXPECT_FALSE(engine.onWrongAnswer(QStringLiteral("HTTP 503 (expected 200)"), at(100ms)));
    EXPECT_TRUE(engine.verdict().starting);
}

TEST(HangSignals, AProbeFailureAgreeingWithTheSocketsNeedsNoRetry)
{
    HealthEngine engine = healthyEngine();
    ProbeSchedule schedule(1000ms, 200ms);
    // Sockets healthy: the first failure waits for its retry.
    schedule.started(at(3100ms));
    EXPECT_EQ(schedule.finished(false, at(4100ms), engine.socketsSayStalled(at(4100ms))),
              std::nullopt);
    schedule.started(at(4300ms));
    EXPECT_EQ(schedule.finished(true, at(4305ms), engine.socketsSayStalled(at(4305ms))),
              std::optional<bool>(true));
    // Sockets stalled: the failure is confirmed at once.
    for (SteadyTime now = at(5000ms); now <= at(5400ms); now += 100ms)
        engine.onListeners({listener(4)}, now);
    ASSERT_TRUE(engine.socketsSayStalled(at(5400ms)));
    schedule.started(at(5305ms));
    EXPECT_EQ(schedule.finished(false, at(6305ms), engine.socketsSayStalled(at(5400ms))),
              std::optional<bool>(false));
}

TEST(HangSignals, AFastServiceIsHeldToTheBoundItsAnswersTaught)
{
    // The same two requests unanswered for 250 ms, nothing answered for 200 ms: nothing
    // before the answers are learned (the 1 s ceiling), a hang once 20 answers of 2 to 5 ms
    // bring the bound down to the 200 ms floor, both as the age and as the window.
    struct Row
    {
        const char *what;
        int probeAnswers;
        Milliseconds bound;
        bool degraded;
    };
    const Row rows[] = {
        {"19 answers: too few, the ceiling", 19, 1000ms, false},
        {"20 answers of 2 to 5 ms: the floor", 20, 200ms, true},
    };
    for (const Row &row : rows) {
        HealthEngine engine = healthyEngine();
        learnFromProbes(engine, at(3000ms), row.probeAnswers);
        EXPECT_EQ(engine.unansweredAge(at(5000ms)), row.bound) << row.what;
        EXPECT_FALSE(engine.onConnections(unansweredFor({}), at(5000ms))) << row.what;
        EXPECT_FALSE(engine.onConnections(unansweredFor({250, 250}), at(5150ms)))
            << row.what << ": answers seen 150 ms ago";
        EXPECT_EQ(engine.onConnections(unansweredFor({300, 250}), at(5200ms)), row.degraded)
            << row.what;
        if (!row.degraded) {
            EXPECT_EQ(engine.verdict().health, ServiceHealth::Healthy) << row.what;
            continue;
        }
        EXPECT_EQ(engine.verdict().health, ServiceHealth::Degraded) << row.what;
        EXPECT_EQ(engine.verdict().reasons,
                  QStringList{QStringLiteral("2 requests read and not answered for 0.2 s or more, "
                                             "none answered meanwhile (longest 0.3 s; answers "
                                             "here take up to 5 ms)")});
        EXPECT_TRUE(engine.socketsSayStalled(at(5200ms))) << "the sockets' own evidence";
    }
}

TEST(HangSignals, RequestsAnsweredSlowlyTeachALongerBound)
{
    // The probe's health endpoint answers in 2 ms, but the service's own requests were seen
    // answered after waiting this long: the slowest answer sets the bound.
    struct Row
    {
        const char *what;
        quint32 answeredAfterMs; // ConnectionActivity::longestAnsweredWaitMs; 0: none
        Milliseconds bound;
        QString reason;
    };
    const Row rows[] = {
        {"probe answers alone: the floor", 0, 200ms,
         QStringLiteral("2 requests read and not answered for 0.2 s or more, none answered "
                        "meanwhile (longest 0.2 s; answers here take up to 2 ms)")},
        {"requests answered after 60 ms: 4 x 60 ms", 60, 240ms,
         QStringLiteral("2 requests read and not answered for 0.24 s or more, none answered "
                        "meanwhile (longest 0.2 s; answers here take up to 60 ms)")},
        {"requests answered after 150 ms: 4 x 150 ms", 150, 600ms,
         QStringLiteral("2 requests read and not answered for 0.6 s or more, none answered "
                        "meanwhile (longest 0.6 s; answers here take up to 150 ms)")},
        {"requests answered after 800 ms: 3.2 s, cut to the 1 s ceiling", 800, 1000ms,
         QStringLiteral("2 requests read and not answered for 1.0 s or more, none answered "
                        "meanwhile (longest 1.0 s; answers here take up to 800 ms)")},
    };
    for (const Row &row : rows) {
        HealthEngine engine = healthyEngine();
        learnFromProbes(engine, at(3000ms), 20, 2ms);
        if (row.answeredAfterMs > 0) {
            ConnectionActivity answered = unansweredFor({}, 1);
            answered.longestAnsweredWaitMs = row.answeredAfterMs;
            EXPECT_FALSE(engine.onConnections(answered, at(5000ms))) << row.what;
        } else {
            EXPECT_FALSE(engine.onConnections(unansweredFor({}), at(5000ms))) << row.what;
        }
        ASSERT_EQ(engine.unansweredAge(at(5000ms)), row.bound) << row.what;
        const SteadyTime bound = at(5000ms) + row.bound;
        const auto waited = static_cast<quint32>(row.bound.count());
        EXPECT_FALSE(engine.onConnections(unansweredFor({waited - 1, waited - 1}), bound - 1ms))
            << row.what << ": below the bound";
        EXPECT_EQ(engine.verdict().health, ServiceHealth::Healthy) << row.what;
        EXPECT_TRUE(engine.onConnections(unansweredFor({waited, waited}), bound)) << row.what;
        EXPECT_EQ(engine.verdict().reasons, QStringList{row.reason}) << row.what;
    }
}

TEST(HangSignals, AProbeWaitingPastTheLearnedBoundDePrefersAtOnce)
{
    struct Row
    {
        const char *what;
        int probeAnswers;
        Milliseconds answeredIn;
        Milliseconds inFlight;
        QString reason; // empty: still healthy
    };
    const Row rows[] = {
        {"before learning, even past the ceiling: the probe's timeout decides",
         19,
         5ms,
         1500ms,
         {}},
        {"199 ms of a 200 ms bound", 20, 5ms, 199ms, {}},
        {"200 ms of a 200 ms bound", 20, 5ms, 200ms,
         QStringLiteral("probe not answered for 0.2 s or more (225 ms so far; answers here take "
                        "up to 5 ms)")},
        {"239 ms of 4 x 60 ms", 20, 60ms, 239ms, {}},
        {"240 ms of 4 x 60 ms", 20, 60ms, 240ms,
         QStringLiteral("probe not answered for 0.24 s or more (265 ms so far; answers here take "
                        "up to 60 ms)")},
        {"well past the bound", 20, 5ms, 700ms,
         QStringLiteral("probe not answered for 0.2 s or more (725 ms so far; answers here take "
                        "up to 5 ms)")},
    };
    for (const Row &row : rows) {
        HealthEngine engine = healthyEngine();
        const SteadyTime started =
            learnFromProbes(engine, at(3000ms), row.probeAnswers, row.answeredIn);
        engine.onProbeStarted(started);
        // Found overdue at one tick, believed at the next (25 ms later): a tick right after a
        // stall of the agent's own loop may come before the answer is read.
        EXPECT_FALSE(engine.onListeners({listener(0)}, started + row.inFlight)) << row.what;
        const SteadyTime now = started + row.inFlight + 25ms;
        EXPECT_EQ(engine.onListeners({listener(0)}, now), !row.reason.isEmpty()) << row.what;
        if (row.reason.isEmpty()) {
            EXPECT_EQ(engine.verdict().health, ServiceHealth::Healthy) << row.what;
        } else {
            EXPECT_EQ(engine.verdict().health, ServiceHealth::Degraded) << row.what;
            EXPECT_EQ(engine.verdict().reasons, QStringList{row.reason}) << row.what;
        }
        EXPECT_FALSE(engine.socketsSayStalled(now))
            << row.what << ": the probe must not corroborate its own failure";
    }
}

TEST(HangSignals, AnOverdueProbeIsSeenByTheConnectionWatchToo)
{
    HealthEngine engine = healthyEngine();
    const SteadyTime started = learnFromProbes(engine, at(3000ms));
    engine.onProbeStarted(started);
    EXPECT_FALSE(engine.onConnections(unansweredFor({}), started + 100ms));
    EXPECT_FALSE(engine.onConnections(unansweredFor({}), started + 200ms)) << "first found";
    EXPECT_TRUE(engine.onConnections(unansweredFor({}), started + 300ms));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Degraded);
    EXPECT_FALSE(engine.socketsSayStalled(started + 300ms));
}

TEST(HangSignals, ChecksCountAnOverdueProbe)
{
    // No fast path, only the checks: each one while the probe is overdue is degraded (from
    // the one after the check that first found it so), and `fall` (2) of them de-prefer.
    HealthEngine engine = healthyEngine();
    learnFromProbes(engine, at(3000ms)); // until 5 s
    engine.onProbeStarted(at(5500ms));
    EXPECT_FALSE(engine.onSample(quietStats(), {}, atSeconds(6)));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Healthy);
    EXPECT_TRUE(engine.verdict().pending.isEmpty()) << "first found: believed at the next input";
    EXPECT_FALSE(engine.onSample(quietStats(), {}, atSeconds(7)));
    EXPECT_EQ(engine.verdict().pending,
              QStringLiteral("1 of 2 failing checks: probe not answered for 0.2 s or more "
                             "(1500 ms so far; answers here take up to 5 ms)"));
    EXPECT_TRUE(engine.onSample(quietStats(), {}, atSeconds(8)));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Degraded);
}

TEST(HangSignals, AfterAnOverdueProbeEndsRecoveryTakesRise)
{
    HealthEngine engine = healthyEngine();
    const SteadyTime started = learnFromProbes(engine, at(3000ms)); // 5 s
    engine.onProbeStarted(started);
    ASSERT_FALSE(engine.onListeners({listener(0)}, started + 200ms));
    ASSERT_TRUE(engine.onListeners({listener(0)}, started + 225ms));
    // The check while it lasts counts as degraded and says why.
    EXPECT_FALSE(engine.onSample(quietStats(), {}, atSeconds(6)));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Degraded);
    EXPECT_EQ(engine.verdict().reasons,
              QStringList{QStringLiteral("probe not answered for 0.2 s or more (1000 ms so far; "
                                         "answers here take up to 5 ms)")});
    // The run times out (no answer to learn from): the signal is gone, `rise` (3) good
    // checks bring it back.
    engine.onProbeEnded(std::nullopt, at(6000ms));
    EXPECT_FALSE(engine.onListeners({listener(0)}, at(6100ms)));
    recoversAfterRiseGoodChecks(engine, 7);
}

TEST(HangSignals, ZeroUnansweredConnectionsTurnsTheOverdueProbeOffToo)
{
    HealthConfig config = healthConfig();
    config.thresholds.unansweredConnections = 0;
    HealthEngine engine = healthyEngine(config);
    const SteadyTime started = learnFromProbes(engine, at(3000ms)); // 5 s
    ASSERT_EQ(engine.unansweredAge(started), 200ms) << "learned all the same";
    engine.onProbeStarted(started);
    for (SteadyTime now = started + 100ms; now <= started + 900ms; now += 100ms)
        EXPECT_FALSE(engine.onListeners({listener(0)}, now));
    EXPECT_FALSE(engine.onSample(quietStats(), {}, atSeconds(6)));
    EXPECT_FALSE(engine.onSample(quietStats(), {}, atSeconds(7)));
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Healthy);
    EXPECT_TRUE(engine.verdict().pending.isEmpty()) << engine.verdict().pending.toStdString();
}

TEST(HangSignals, OnlyAHealthyServiceTeachesItsPace)
{
    // Answers that end a hang (the probe's request read when reading resumed, 800 ms late;
    // a request answered after 900 ms) measure the hang, not the service: learned, they
    // would blind the next hang for ten minutes. Nor is a starting service's pace learned.
    HealthEngine engine = healthyEngine();
    learnFromProbes(engine, at(3000ms)); // until 5 s: 2 to 5 ms
    ASSERT_EQ(engine.unansweredAge(at(5000ms)), 200ms);
    ASSERT_TRUE(engine.onWrongAnswer(QStringLiteral("HTTP 500 (expected 200)"), at(5000ms)));
    ASSERT_EQ(engine.verdict().health, ServiceHealth::Degraded);
    engine.onProbeStarted(at(5100ms));
    engine.onProbeEnded(800ms, at(5900ms));
    ConnectionActivity answeredLate = unansweredFor({}, 1);
    answeredLate.longestAnsweredWaitMs = 900;
    engine.onConnections(answeredLate, at(6000ms));
    EXPECT_EQ(engine.unansweredAge(at(6000ms)), 200ms) << "nothing learned while degraded";
    EXPECT_EQ(engine.verdict().health, ServiceHealth::Degraded);

    HealthEngine starting(healthConfig(), at(0ms));
    learnFromProbes(starting, at(0ms), 30);
    EXPECT_TRUE(starting.verdict().starting);
    EXPECT_EQ(starting.unansweredAge(at(3000ms)), 1000ms) << "nothing learned while starting";
}

} // namespace
} // namespace anycast
