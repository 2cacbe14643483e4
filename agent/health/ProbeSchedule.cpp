#include "agent/health/ProbeSchedule.h"

namespace anycast {

ProbeSchedule::ProbeSchedule(Milliseconds interval, Milliseconds retryDelay)
    : m_interval(interval)
    , m_retryDelay(retryDelay)
{}

void ProbeSchedule::started(SteadyTime now)
{
    m_inFlight = true;
    // Runs start on the caller's ticks, a little after they are due: keep to the schedule
    // rather than to the late start, or every run would add a tick to the interval (at
    // 200 ms on 25 ms ticks the probe ran 4.67 times a second, not 5). A run more than an
    // interval late (a slow run, a retry) starts a new schedule.
    const bool onSchedule = m_nextRun != SteadyTime{} && now - m_nextRun < m_interval;
    m_nextRun = (onSchedule ? m_nextRun : now) + m_interval;
}

std::optional<bool> ProbeSchedule::finished(bool ok, SteadyTime now, bool corroborated,
                                            bool wrongAnswer)
{
    m_inFlight = false;
    if (ok) {
        m_awaitingRetry = false;
        return true;
    }
    if (m_awaitingRetry || corroborated) {
        m_awaitingRetry = false;
        return false;
    }
    m_awaitingRetry = true;
    m_nextRun = wrongAnswer ? now : now + m_retryDelay;
    return std::nullopt;
}

} // namespace anycast
