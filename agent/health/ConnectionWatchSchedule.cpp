#include "agent/health/ConnectionWatchSchedule.h"

#include <algorithm>
#include <cmath>

namespace anycast {
namespace {

// Each look weighs this much in the smoothed cost: a slow look shows within a few looks,
// a single preempted one moves the interval by a fifth of its excess.
constexpr double kSmoothing = 0.2;

} // namespace

ConnectionWatchSchedule::ConnectionWatchSchedule(Milliseconds floor, double budget)
    : m_floor(floor)
    , m_budget(budget)
    , m_interval(floor)
{}

bool ConnectionWatchSchedule::due(SteadyTime now) const
{
    return !disabled() && now >= m_next;
}

void ConnectionWatchSchedule::ran(SteadyTime now, std::chrono::microseconds cost)
{
    const auto us = static_cast<double>(cost.count());
    m_costUs = m_costUs ? *m_costUs + kSmoothing * (us - *m_costUs) : us;
    // Whole microseconds first, so that 5 ms at 0.5% is 1000 ms, not 1001.
    const auto allowedUs = std::llround(*m_costUs / m_budget);
    const auto allowed = Milliseconds((allowedUs + 999) / 1000);
    m_interval = std::max(m_floor, allowed);
    m_next = now + m_interval;
}

} // namespace anycast
