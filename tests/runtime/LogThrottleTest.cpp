#include "agent/support/LogThrottle.h"

#include <QList>

#include <gtest/gtest.h>

namespace anycast {
namespace {

using namespace std::chrono_literals;

TEST(LogThrottle, FirstAtOnceThenOneLinePerIntervalWithTheCount)
{
    struct Row
    {
        Milliseconds at;
        std::optional<quint64> logged; // nullopt: held back; else how many were held back
    };
    const QList<Row> rows = {
        {0ms, 0},     {1ms, std::nullopt},     {5000ms, std::nullopt}, {9999ms, std::nullopt},
        {10000ms, 3}, {10001ms, std::nullopt}, {30000ms, 1},           {45000ms, 0},
    };
    LogThrottle throttle(10s);
    const SteadyTime start{};
    for (const Row &row : rows)
        EXPECT_EQ(throttle.admit(start + row.at), row.logged) << row.at.count() << " ms";
}

} // namespace
} // namespace anycast
