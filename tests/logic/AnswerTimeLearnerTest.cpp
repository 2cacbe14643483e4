// How long a request may wait for its answer, learned from the answers: four times the
// slowest answer of the last ten minutes, between a floor and a ceiling, and the ceiling
// until there are enough answers to believe.
#include "agent/health/AnswerTimeLearner.h"

#include "tests/logic/LogicTestSupport.h"

#include <gtest/gtest.h>

#include <vector>

namespace anycast {
namespace {

using namespace logictest;
using namespace std::chrono_literals;

constexpr Milliseconds kFloor = 200ms;
constexpr Milliseconds kCeiling = 1000ms;

// `count` answers, 100 ms apart from `from` on, each after `took`.
void answer(AnswerTimeLearner &learner, int count, Milliseconds took, SteadyTime from)
{
    for (int i = 0; i < count; ++i)
        learner.answered(took, from + i * 100ms);
}

TEST(AnswerTimeLearner, FourTimesTheSlowestAnswerBetweenTheFloorAndTheCeiling)
{
    struct Row
    {
        const char *what;
        Milliseconds floor;
        Milliseconds ceiling;
        std::vector<Milliseconds> answers;
        Milliseconds overdueAfter;
        std::optional<Milliseconds> slowest;
    };
    const auto times = [](int count, Milliseconds took) {
        return std::vector<Milliseconds>(static_cast<std::size_t>(count), took);
    };
    std::vector<Milliseconds> oneSlower = times(19, 3ms);
    oneSlower.push_back(100ms);
    const Row rows[] = {
        {"no answer yet: the ceiling", kFloor, kCeiling, {}, kCeiling, std::nullopt},
        {"19 answers are too few to believe: the ceiling", kFloor, kCeiling, times(19, 2ms),
         kCeiling, std::nullopt},
        {"20 answers of 2 ms: 8 ms, raised to the floor", kFloor, kCeiling, times(20, 2ms), kFloor,
         2ms},
        {"20 answers of 800 ms: 3.2 s, cut to the ceiling", kFloor, kCeiling, times(20, 800ms),
         kCeiling, 800ms},
        {"one answer of 100 ms among fast ones: 4 x 100 ms", kFloor, kCeiling, oneSlower, 400ms,
         100ms},
        {"floor equal to the ceiling: the fixed bound", kCeiling, kCeiling, times(20, 2ms),
         kCeiling, 2ms},
        {"floor above the ceiling (a lone unanswered_age of 100 ms): the ceiling", kFloor, 100ms,
         times(20, 2ms), 100ms, 2ms},
        {"floor above the ceiling, slow answers: still the ceiling", kFloor, 100ms,
         times(20, 800ms), 100ms, 800ms},
    };
    for (const Row &row : rows) {
        AnswerTimeLearner learner(row.floor, row.ceiling);
        SteadyTime now = at(0ms);
        for (const Milliseconds took : row.answers) {
            learner.answered(took, now);
            now += 100ms;
        }
        EXPECT_EQ(learner.overdueAfter(now), row.overdueAfter) << row.what;
        EXPECT_EQ(learner.slowestAnswer(now), row.slowest) << row.what;
    }
}

TEST(AnswerTimeLearner, AnswersOlderThanTheWindowNoLongerCount)
{
    AnswerTimeLearner learner(kFloor, kCeiling);
    answer(learner, 20, 2ms, at(0ms));
    EXPECT_EQ(learner.overdueAfter(at(9min)), kFloor) << "nine minutes on: still in the window";
    EXPECT_EQ(learner.overdueAfter(at(11min)), kCeiling) << "eleven minutes on: forgotten";
    EXPECT_EQ(learner.slowestAnswer(at(11min)), std::nullopt);
}

TEST(AnswerTimeLearner, TooFewAnswersLeftInTheWindowBringBackTheCeiling)
{
    // Ten answers at minute 0, ten at minute 5: twenty in the window until the first ten
    // age out.
    AnswerTimeLearner learner(kFloor, kCeiling);
    answer(learner, 10, 2ms, at(0ms));
    EXPECT_EQ(learner.overdueAfter(at(5min)), kCeiling);
    answer(learner, 10, 2ms, at(5min));
    EXPECT_EQ(learner.overdueAfter(at(6min)), kFloor);
    EXPECT_EQ(learner.overdueAfter(at(11min)), kCeiling) << "ten answers left";
    EXPECT_EQ(learner.slowestAnswer(at(11min)), std::nullopt);
}

TEST(AnswerTimeLearner, ASlowAnswerAgingOutLowersTheBound)
{
    AnswerTimeLearner learner(kFloor, kCeiling);
    learner.answered(200ms, at(0ms));
    answer(learner, 19, 60ms, at(100ms));
    answer(learner, 20, 60ms, at(5min));
    EXPECT_EQ(learner.overdueAfter(at(6min)), 800ms) << "4 x 200 ms";
    EXPECT_EQ(learner.slowestAnswer(at(6min)), std::optional<Milliseconds>(200ms));
    EXPECT_EQ(learner.overdueAfter(at(11min)), 240ms) << "4 x 60 ms, the 200 ms one forgotten";
    EXPECT_EQ(learner.slowestAnswer(at(11min)), std::optional<Milliseconds>(60ms));
}

TEST(AnswerTimeLearner, AMinuteTenMinutesLaterStartsItsSlotAfresh)
{
    // Minutes 0 and 10 share a slot: the old minute's slow answers must not stay in it.
    AnswerTimeLearner learner(kFloor, kCeiling);
    answer(learner, 20, 200ms, at(0ms));
    answer(learner, 20, 2ms, at(10min));
    EXPECT_EQ(learner.slowestAnswer(at(10min + 2s)), std::optional<Milliseconds>(2ms));
    EXPECT_EQ(learner.overdueAfter(at(10min + 2s)), kFloor);
}

TEST(AnswerTimeLearner, NewBoundsKeepWhatWasLearned)
{
    AnswerTimeLearner learner(kFloor, kCeiling);
    answer(learner, 20, 100ms, at(0ms));
    const SteadyTime now = at(3s);
    ASSERT_EQ(learner.overdueAfter(now), 400ms);
    learner.setBounds(50ms, 300ms);
    EXPECT_EQ(learner.overdueAfter(now), 300ms) << "the new ceiling";
    learner.setBounds(500ms, 2000ms);
    EXPECT_EQ(learner.overdueAfter(now), 500ms) << "the new floor";
    learner.setBounds(50ms, 2000ms);
    EXPECT_EQ(learner.overdueAfter(now), 400ms) << "4 x 100 ms, learned before";
    EXPECT_EQ(learner.slowestAnswer(now), std::optional<Milliseconds>(100ms));
    learner.setBounds(2000ms, 2000ms);
    EXPECT_EQ(learner.overdueAfter(now), 2000ms) << "floor = ceiling: the fixed bound";
}

} // namespace
} // namespace anycast
