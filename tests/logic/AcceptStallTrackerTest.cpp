#include "agent/health/AcceptStallTracker.h"

#include "tests/logic/LogicTestSupport.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace anycast {
namespace {

using namespace logictest;
using namespace std::chrono_literals;

// A run of fast-path readings of one listener's queue, 100 ms apart, and the stall the
// tracker must report after the last one (nullopt: none).
struct StallRow
{
    std::string name;
    std::vector<quint32> depths;
    std::optional<Milliseconds> stalledFor = {};
    // Evidence of accepting, taken just before the reading with this index.
    std::optional<std::size_t> acceptedBefore = {};
};

const std::vector<StallRow> kStallRows = {
    {"EmptyQueueNeverStalls", {0, 0, 0, 0, 0, 0}},
    {"OneConnectionWaitingIsTimedFromItsFirstReading", {0, 1, 1, 1, 1}, 300ms},
    {"AGrowingQueueIsStalled", {1, 2, 3, 5, 8, 13}, 500ms},
    {"ConstantDepthIsStalled", {6, 6, 6, 6}, 300ms},
    {"HealthyBurstsDrainBetweenReadings", {0, 40, 0, 0, 120, 0, 3, 0}},
    {"BusyButDrainingRestartsTheClock", {5, 9, 4, 8, 3, 7}, 100ms},
    {"ShrinkingRestartsTheClockAtEveryReading", {9, 8, 7, 6, 5, 4, 3, 2}, 0ms},
    {"DrainedOnceThenStuck", {4, 0, 2, 2, 2, 2, 2}, 400ms},
    {"AcceptedEvidenceRestartsTheClock", {6, 6, 6, 6, 6, 6}, 200ms, 3},
    {"EvidenceWithAnEmptyQueueChangesNothing", {0, 0, 3, 3}, 100ms, 1},
};

void PrintTo(const StallRow &row, std::ostream *out)
{
    *out << row.name;
}

class AcceptStalls : public ::testing::TestWithParam<StallRow>
{};

TEST_P(AcceptStalls, FollowTheDepth)
{
    const StallRow &row = GetParam();
    AcceptStallTracker tracker;
    SteadyTime now = at(0ms);
    for (std::size_t i = 0; i < row.depths.size(); ++i) {
        now = at(Milliseconds(100 * static_cast<qint64>(i)));
        if (row.acceptedBefore == i)
            tracker.onAccepted(1, now);
        tracker.onListeners({listener(row.depths[i])}, now);
    }
    const auto stall = tracker.longest(now);
    if (!row.stalledFor) {
        EXPECT_FALSE(stall) << "stalled " << stall->duration.count() << " ms";
        return;
    }
    ASSERT_TRUE(stall);
    EXPECT_EQ(stall->duration, *row.stalledFor);
    EXPECT_EQ(stall->waiting, row.depths.back());
    EXPECT_EQ(stall->port, kPort);
}

INSTANTIATE_TEST_SUITE_P(Table, AcceptStalls, ::testing::ValuesIn(kStallRows),
                         [](const auto &row) { return row.param.name; });

TEST(AcceptStallTracker, TheLongestStalledListenerIsReported)
{
    AcceptStallTracker tracker;
    tracker.onListeners({listener(2, kBacklog, 443), listener(0, kBacklog, 8443)}, at(0ms));
    tracker.onListeners({listener(2, kBacklog, 443), listener(5, kBacklog, 8443)}, at(100ms));
    tracker.onListeners({listener(3, kBacklog, 443), listener(5, kBacklog, 8443)}, at(700ms));
    const auto stall = tracker.longest(at(900ms));
    ASSERT_TRUE(stall);
    EXPECT_EQ(stall->port, 443);
    EXPECT_EQ(stall->duration, 900ms) << "measured to the time asked";
    EXPECT_EQ(stall->waiting, 3u);
}

TEST(AcceptStallTracker, AListenerThatGoesAwayTakesItsStallWithIt)
{
    AcceptStallTracker tracker;
    tracker.onListeners({listener(4)}, at(0ms));
    tracker.onListeners({listener(4)}, at(500ms));
    tracker.onListeners({}, at(600ms));
    EXPECT_FALSE(tracker.longest(at(700ms)));
    tracker.onListeners({listener(4)}, at(800ms));
    ASSERT_TRUE(tracker.longest(at(800ms)));
    EXPECT_EQ(tracker.longest(at(800ms))->duration, 0ms) << "a new listener starts afresh";
}

TEST(AcceptStallTracker, ListenersAreToldApartByAddress)
{
    AcceptStallTracker tracker;
    ListenerStats v6 = listener(0);
    v6.address = QStringLiteral("::");
    tracker.onListeners({listener(3), v6}, at(0ms));
    v6.acceptQueue = 0;
    tracker.onListeners({listener(3), v6}, at(400ms));
    ASSERT_TRUE(tracker.longest(at(400ms)));
    EXPECT_EQ(tracker.longest(at(400ms))->address, QStringLiteral("0.0.0.0"));
}

} // namespace
} // namespace anycast
