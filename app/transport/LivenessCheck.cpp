#include "app/transport/LivenessCheck.h"

namespace anycast {

LivenessCheck::LivenessCheck(std::chrono::milliseconds interval, std::chrono::milliseconds deadline)
    : m_interval(interval)
    , m_deadline(deadline)
{}

void LivenessCheck::start(Clock::time_point now)
{
    m_lastAlive = now;
    m_awaiting = false;
}

void LivenessCheck::pingSent(Clock::time_point now)
{
    if (!m_awaiting) {
        m_pingSentAt = now;
        m_awaiting = true;
    }
}

void LivenessCheck::alive(Clock::time_point now)
{
    m_lastAlive = now;
    m_awaiting = false;
}

LivenessCheck::Action LivenessCheck::due(Clock::time_point now) const
{
    if (m_awaiting)
        return now - m_pingSentAt >= m_deadline ? Action::Dead : Action::Wait;
    return now - m_lastAlive >= m_interval ? Action::SendPing : Action::Wait;
}

LivenessCheck::Clock::time_point LivenessCheck::nextCheck() const
{
    return m_awaiting ? m_pingSentAt + m_deadline : m_lastAlive + m_interval;
}

} // namespace anycast
