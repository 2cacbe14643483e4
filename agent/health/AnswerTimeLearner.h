#pragma once

#include "agent/support/SteadyTime.h"

#include <QtGlobal>

#include <array>
#include <optional>

namespace anycast {

// How long a request may wait for its answer before it counts as overdue, learned from how
// fast this service answers. A fixed bound must fit the slowest normal answer of every
// service it is used for (one second), so it lets a service that answers in two
// milliseconds hang for a second before anyone notices. Like TCP's retransmission timeout,
// which follows the measured round trip but never goes below 200 ms, the bound here follows
// the slowest answer seen over the last ten minutes, times `kFactor`, between a floor and a
// ceiling (`unanswered_age_min`, `unanswered_age`).
//
// The evidence: the probe's own answers (timed from its request), and the service's
// requests seen waiting at one look and answered by the next (their wait at that look, a
// lower bound), both only while the service is healthy (HealthEngine): the late answers that
// end a hang measure the hang, not the service. A service whose answers sometimes take
// 800 ms thus gets a bound of 3.2 s,
// capped at the ceiling: never below what the fixed bound would say. Until `kMinAnswers`
// answers are in the window, the ceiling holds. Pure: every input carries its time.
class AnswerTimeLearner
{
public:
    static constexpr int kFactor = 4;
    static constexpr int kMinAnswers = 20;
    static constexpr Milliseconds kWindow{10 * 60 * 1000};

    AnswerTimeLearner(Milliseconds floor, Milliseconds ceiling);

    // A request answered after `took`.
    void answered(Milliseconds took, SteadyTime now);
    // New floor and ceiling (a config reload); what was learned stays.
    void setBounds(Milliseconds floor, Milliseconds ceiling);

    // The wait after which a request is overdue: the ceiling until enough answers are in.
    Milliseconds overdueAfter(SteadyTime now) const;
    // The slowest answer in the window, once there are enough of them to believe.
    std::optional<Milliseconds> slowestAnswer(SteadyTime now) const;

private:
    static constexpr int kBuckets = 10; // one a minute

    struct Bucket
    {
        qint64 minute = -1; // since the epoch of the steady clock; -1: empty
        Milliseconds slowest{0};
        int answers = 0;
    };

    Milliseconds m_floor;
    Milliseconds m_ceiling;
    std::array<Bucket, kBuckets> m_buckets{};
};

} // namespace anycast
