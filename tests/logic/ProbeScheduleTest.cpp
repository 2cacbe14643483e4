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

} // namespace
} // namespace anycast
