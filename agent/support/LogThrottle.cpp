#include "agent/support/LogThrottle.h"

namespace anycast {

std::optional<quint64> LogThrottle::admit(SteadyTime now)
{
    if (m_loggedAt && now - *m_loggedAt < m_interval) {
        ++m_heldBack;
        return std::nullopt;
    }
    m_loggedAt = now;
    const quint64 heldBack = m_heldBack;
    m_heldBack = 0;
    return heldBack;
}

} // namespace anycast
