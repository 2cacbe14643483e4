#include "agent/health/ConnectionWatchSchedule.h"

#include "tests/logic/LogicTestSupport.h"

#include <gtest/gtest.h>

namespace anycast {
namespace {

using namespace logictest;
using namespace std::chrono_literals;

TEST(ConnectionWatchSchedule, CheapLooksRunOnEveryFastPathTick)
{
    ConnectionWatchSchedule schedule(100ms, 0.005);
    EXPECT_TRUE(schedule.due(at(0ms))) << "the first look measures the cost";
    schedule.ran(at(0ms), 40us); // a quiet host: 40 us a look
    EXPECT_EQ(schedule.interval(), 100ms);
    EXPECT_FALSE(schedule.due(at(99ms)));
    EXPECT_TRUE(schedule.due(at(100ms)));
}

TEST(ConnectionWatchSchedule, CostlyLooksAreSpacedToKeepTheBudget)
{
    // 5 ms a look within 0.5% of a core: one look a second at most.
    ConnectionWatchSchedule schedule(100ms, 0.005);
    schedule.ran(at(0ms), 5000us);
    EXPECT_EQ(schedule.interval(), 1000ms);
    EXPECT_FALSE(schedule.due(at(999ms)));
    EXPECT_TRUE(schedule.due(at(1000ms)));
}

TEST(ConnectionWatchSchedule, OnePreemptedLookMovesItOnlyAFifth)
{
    ConnectionWatchSchedule schedule(100ms, 0.005);
    schedule.ran(at(0ms), 100us);
    schedule.ran(at(100ms), 20100us); // descheduled mid-dump: 20 ms
    // Smoothed: 100 + 0.2 * 20000 = 4100 us -> 820 ms.
    EXPECT_EQ(schedule.interval(), 820ms);
    for (int i = 0; i < 30; ++i)
        schedule.ran(at(1000ms + i * 1000ms), 100us);
    EXPECT_EQ(schedule.interval(), 100ms) << "back to every tick once looks are cheap again";
}

TEST(ConnectionWatchSchedule, ZeroBudgetOrDisabledNeverRuns)
{
    const ConnectionWatchSchedule off(100ms, 0);
    EXPECT_TRUE(off.disabled());
    EXPECT_FALSE(off.due(at(0ms)));
    ConnectionWatchSchedule proc(100ms, 0.005);
    proc.disable();
    EXPECT_FALSE(proc.due(at(10s)));
}

} // namespace
} // namespace anycast
