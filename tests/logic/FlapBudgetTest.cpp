#include "agent/policy/FlapBudget.h"

#include "tests/logic/LogicTestSupport.h"

#include <gtest/gtest.h>

namespace anycast {
namespace {

using namespace logictest;
using namespace std::chrono_literals;

TEST(FlapBudget, FreshBudgetIsWhole)
{
    FlapBudget budget(4, 60s);
    EXPECT_EQ(budget.budget(), 4);
    EXPECT_EQ(budget.window(), 60s);
    EXPECT_EQ(budget.changesInWindow(at(0ms)), 0);
    EXPECT_EQ(budget.remaining(at(0ms)), 4);
    EXPECT_EQ(budget.nextFree(at(0ms)), at(0ms));
}

TEST(FlapBudget, EachChangeSpendsOne)
{
    FlapBudget budget(4, 60s);
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(budget.remaining(atSeconds(10 * i)), 4 - i);
        budget.record(atSeconds(10 * i));
    }
    EXPECT_EQ(budget.remaining(atSeconds(30)), 0);
    EXPECT_EQ(budget.changesInWindow(atSeconds(30)), 4);
}

// Changes at 0, 10, 20 and 30 s in a 60 s window: each leaves the window exactly 60 s after
// it was made, and not a millisecond before.
struct ExpiryRow
{
    Milliseconds when;
    int remaining;
};

void PrintTo(const ExpiryRow &row, std::ostream *out)
{
    *out << "+" << row.when.count() << " ms";
}

class FlapBudgetExpiry : public ::testing::TestWithParam<ExpiryRow>
{};

TEST_P(FlapBudgetExpiry, ChangesLeaveTheWindowAfterIt)
{
    FlapBudget budget(4, 60s);
    for (int i = 0; i < 4; ++i)
        budget.record(atSeconds(10 * i));
    EXPECT_EQ(budget.remaining(at(GetParam().when)), GetParam().remaining);
}

INSTANTIATE_TEST_SUITE_P(Table, FlapBudgetExpiry,
                         ::testing::Values(ExpiryRow{30s, 0}, ExpiryRow{59999ms, 0},
                                           ExpiryRow{60s, 1}, ExpiryRow{69999ms, 1},
                                           ExpiryRow{70s, 2}, ExpiryRow{80s, 3}, ExpiryRow{90s, 4},
                                           ExpiryRow{3600s, 4}));

TEST(FlapBudget, NextFreeIsWhenTheOldestChangeLeaves)
{
    FlapBudget budget(2, 900s);
    budget.record(atSeconds(5));
    budget.record(atSeconds(100));
    EXPECT_EQ(budget.nextFree(atSeconds(200)), atSeconds(905));
    EXPECT_EQ(budget.nextFree(atSeconds(905)), atSeconds(1000));
    EXPECT_EQ(budget.nextFree(atSeconds(1000)), atSeconds(1000)) << "nothing left in the window";
}

TEST(FlapBudget, ZeroBudgetNeverAllows)
{
    FlapBudget budget(0, 60s);
    EXPECT_EQ(budget.remaining(at(0ms)), 0);
}

} // namespace
} // namespace anycast
