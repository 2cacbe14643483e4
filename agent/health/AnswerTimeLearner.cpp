#include "agent/health/AnswerTimeLearner.h"

#include <algorithm>

namespace anycast {
namespace {

qint64 minuteOf(SteadyTime time)
{
    return std::chrono::duration_cast<std::chrono::minutes>(time.time_since_epoch()).count();
}

} // namespace

AnswerTimeLearner::AnswerTimeLearner(Milliseconds floor, Milliseconds ceiling)
    : m_floor(floor)
    , m_ceiling(ceiling)
{}

void AnswerTimeLearner::setBounds(Milliseconds floor, Milliseconds ceiling)
{
    m_floor = floor;
    m_ceiling = ceiling;
}

void AnswerTimeLearner::answered(Milliseconds took, SteadyTime now)
{
    const qint64 minute = minuteOf(now);
    Bucket &bucket = m_buckets[static_cast<std::size_t>(minute % kBuckets)];
    if (bucket.minute != minute)
        bucket = Bucket{minute, Milliseconds{0}, 0};
    bucket.slowest = std::max(bucket.slowest, took);
    ++bucket.answers;
}

std::optional<Milliseconds> AnswerTimeLearner::slowestAnswer(SteadyTime now) const
{
    // The current minute and the nine before it: a window of nine to ten minutes.
    const qint64 newest = minuteOf(now);
    Milliseconds slowest{0};
    int answers = 0;
    for (const Bucket &bucket : m_buckets) {
        if (bucket.minute < 0 || bucket.minute > newest || newest - bucket.minute >= kBuckets)
            continue;
        slowest = std::max(slowest, bucket.slowest);
        answers += bucket.answers;
    }
    if (answers < kMinAnswers)
        return std::nullopt;
    return slowest;
}

Milliseconds AnswerTimeLearner::overdueAfter(SteadyTime now) const
{
    const std::optional<Milliseconds> slowest = slowestAnswer(now);
    if (!slowest || m_floor >= m_ceiling)
        return m_ceiling;
    return std::clamp(*slowest * kFactor, m_floor, m_ceiling);
}

} // namespace anycast
