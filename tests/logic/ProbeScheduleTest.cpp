#include "agent/health/ProbeSchedule.h"

#include "tests/logic/LogicTestSupport.h"

#include <gtest/gtest.h>

namespace anycast {
namespace {

using namespace logictest;
using namespace std::chrono_literals;

TEST(ProbeSchedule, FirstProbeIsDueAtOnce)
{
    const ProbeSchedule schedule(1000ms, 200ms);
    EXPECT_TRUE(schedule.due(at(0ms)));
}

TEST(ProbeSchedule, OneProbeAtATimeThenEveryInterval)
{
    ProbeSchedule schedule(1000ms, 200ms);
    schedule.started(at(0ms));
    EXPECT_FALSE(schedule.due(at(0ms)));
    EXPECT_FALSE(schedule.due(at(5000ms))) << "still in flight";
    EXPECT_EQ(schedule.finished(true, at(5ms)), std::optional<bool>(true));
    EXPECT_FALSE(schedule.due(at(999ms)));
    EXPECT_TRUE(schedule.due(at(1000ms)));
    EXPECT_EQ(schedule.nextRun(), at(1000ms));
}

TEST(ProbeSchedule, SingleFailureWaitsForItsRetry)
{
    ProbeSchedule schedule(1000ms, 200ms);
    schedule.started(at(0ms));
    EXPECT_EQ(schedule.finished(false, at(5ms)), std::nullopt);
    EXPECT_FALSE(schedule.due(at(204ms)));
    EXPECT_TRUE(schedule.due(at(205ms)));
    EXPECT_EQ(schedule.nextRun(), at(205ms));

    schedule.started(at(205ms));
    EXPECT_EQ(schedule.finished(true, at(210ms)), std::optional<bool>(true))
        << "a retry that passes clears the first failure";
    EXPECT_EQ(schedule.nextRun(), at(1205ms));
}

TEST(ProbeSchedule, FailedRetryConfirmsTheFailure)
{
    ProbeSchedule schedule(1000ms, 200ms);
    schedule.started(at(0ms));
    EXPECT_EQ(schedule.finished(false, at(5ms)), std::nullopt);
    schedule.started(at(205ms));
    EXPECT_EQ(schedule.finished(false, at(210ms)), std::optional<bool>(false));
    EXPECT_EQ(schedule.nextRun(), at(1205ms)) << "back to the normal interval";
}

TEST(ProbeSchedule, RealOutageConfirmedWithinIntervalPlusRetry)
{
    // The outage starts just after a passing probe: the worst case.
    ProbeSchedule schedule(1000ms, 200ms);
    schedule.started(at(0ms));
    schedule.finished(true, at(5ms));
    const SteadyTime outage = at(6ms);
    std::optional<bool> confirmed;
    SteadyTime now = outage;
    while (!confirmed.has_value() && now < outage + 10s) {
        if (schedule.due(now)) {
            schedule.started(now);
            confirmed = schedule.finished(false, now + 5ms);
            now += 5ms;
            continue;
        }
        now += 1ms;
    }
    ASSERT_EQ(confirmed, std::optional<bool>(false));
    EXPECT_LE(now - outage, 1000ms + 200ms + 2 * 5ms);
}

TEST(ProbeSchedule, SuccessAfterConfirmedFailureStartsOver)
{
    ProbeSchedule schedule(1000ms, 200ms);
    schedule.started(at(0ms));
    schedule.finished(false, at(5ms));
    schedule.started(at(205ms));
    ASSERT_EQ(schedule.finished(false, at(210ms)), std::optional<bool>(false));
    schedule.started(at(1205ms));
    EXPECT_EQ(schedule.finished(true, at(1210ms)), std::optional<bool>(true));
    schedule.started(at(2205ms));
    EXPECT_EQ(schedule.finished(false, at(2210ms)), std::nullopt)
        << "after a pass, one failure needs its retry again";
}

TEST(ProbeSchedule, AWrongAnswerIsRetriedSooner)
{
    // The service answered, wrongly: only whether that one answer was a fluke is in doubt,
    // so it is asked again at once; a timeout waits the retry delay.
    struct Row
    {
        const char *what;
        Milliseconds retryDelay;
        bool wrongAnswer;
        Milliseconds retryAfter;
    };
    const Row rows[] = {
        {"a timeout waits the retry delay", 200ms, false, 200ms},
        {"a wrong answer: at once", 200ms, true, 0ms},
        {"a timeout, a shorter retry delay: that", 20ms, false, 20ms},
        {"a wrong answer, no retry delay: at once", 0ms, true, 0ms},
        {"a timeout, no retry delay: at once", 0ms, false, 0ms},
    };
    for (const Row &row : rows) {
        ProbeSchedule schedule(1000ms, row.retryDelay);
        schedule.started(at(0ms));
        EXPECT_EQ(schedule.finished(false, at(5ms), false, row.wrongAnswer), std::nullopt)
            << row.what;
        EXPECT_EQ(schedule.nextRun(), at(5ms) + row.retryAfter) << row.what;
        EXPECT_TRUE(schedule.due(at(5ms) + row.retryAfter)) << row.what;
        if (row.retryAfter > 0ms) {
            EXPECT_FALSE(schedule.due(at(5ms) + row.retryAfter - 1ms)) << row.what;
        }
    }
}

TEST(ProbeSchedule, AWrongAnswerAgainConfirmsTheFailure)
{
    ProbeSchedule schedule(200ms, 200ms);
    schedule.started(at(0ms));
    ASSERT_EQ(schedule.finished(false, at(5ms), false, true), std::nullopt);
    schedule.started(at(5ms));
    EXPECT_EQ(schedule.finished(false, at(10ms), false, true), std::optional<bool>(false));
    EXPECT_EQ(schedule.nextRun(), at(205ms)) << "back to the normal interval";
}

TEST(ProbeSchedule, RunsKeepToTheScheduleWhenTheyStartATickLate)
{
    // Started on 25 ms ticks, a little after they are due: the next run is due an interval
    // after the previous one was, not after its late start; one more than an interval late
    // starts a new schedule.
    ProbeSchedule schedule(100ms, 200ms);
    schedule.started(at(0ms));
    EXPECT_EQ(schedule.nextRun(), at(100ms));
    ASSERT_EQ(schedule.finished(true, at(2ms)), std::optional<bool>(true));
    schedule.started(at(110ms));
    EXPECT_EQ(schedule.nextRun(), at(200ms)) << "a tick late: still due at 200 ms";
    ASSERT_EQ(schedule.finished(true, at(112ms)), std::optional<bool>(true));
    schedule.started(at(450ms));
    EXPECT_EQ(schedule.nextRun(), at(550ms)) << "250 ms late: a new schedule";
}

} // namespace
} // namespace anycast
