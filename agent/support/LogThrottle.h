#pragma once

#include "agent/support/SteadyTime.h"

#include <QtGlobal>

#include <optional>

namespace anycast {

// Lets a complaint that a peer can repeat at will (a refused connection, a malformed event)
// into the log at most once per interval: the first one at once, later ones as a count.
// Pure and clock-injected.
class LogThrottle
{
public:
    explicit LogThrottle(Milliseconds interval)
        : m_interval(interval)
    {}

    // Whether to log this occurrence now; if so, how many earlier ones were held back since
    // the last line that was logged.
    std::optional<quint64> admit(SteadyTime now);

private:
    Milliseconds m_interval;
    std::optional<SteadyTime> m_loggedAt;
    quint64 m_heldBack = 0;
};

} // namespace anycast
