#include "app/session/CoalescedCall.h"

namespace anycast {

bool CoalescedCall::request()
{
    if (m_inFlight) {
        m_queued = true;
        return false;
    }
    m_inFlight = true;
    return true;
}

bool CoalescedCall::finished()
{
    if (m_queued) {
        m_queued = false;
        return true; // still in flight: the queued one goes out now
    }
    m_inFlight = false;
    return false;
}

void CoalescedCall::reset()
{
    m_inFlight = false;
    m_queued = false;
}

} // namespace anycast
