#include "agent/health/ProbeSchedule.h"

namespace anycast {

ProbeSchedule::ProbeSchedule(Milliseconds interval, Milliseconds retryDelay)
    : m_interval(interval)
    , m_retryDelay(retryDelay)
{}

void ProbeSchedule::started(SteadyTime now)
{
    m_inFlight = true;
    m_nextRun = now + m_interval;
}

std::optional<bool> ProbeSchedule::finished(bool ok, SteadyTime now, bool corroborated)
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
    m_nextRun = now + m_retryDelay;
    return std::nullopt;
}

} // namespace anycast
