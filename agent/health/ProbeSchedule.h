#pragma once

#include "agent/support/SteadyTime.h"

#include <optional>

namespace anycast {

// When to probe, and which probe outcomes count. A single failed attempt is retried after a
// short delay before it counts, because one lost SYN or a GC pause must not cost a route
// change: with 5% independent failures a probe cycle is confirmed failing with p = 0.25%,
// and `fall` = 2 such cycles in a row (HealthEngine counts each confirmed failure once)
// happen about once in 44 hours at 1 probe/s. A real outage fails the retry too and is
// confirmed within interval + retry delay, every cycle. The retry guards against the probe's
// own bad luck; when the sockets already show the service hung, a failure is confirmed at
// once. A wrong answer (an HTTP 500) is asked again at once: the service answered, so
// neither a lost SYN nor a pause is in question, only whether that one answer was a fluke
// (one failed request), which a second request settles; and nothing but the probe sees this
// fault, so any wait here is the agent's reaction time. Pure: the caller supplies the time.
class ProbeSchedule
{
public:
    ProbeSchedule(Milliseconds interval, Milliseconds retryDelay);

    bool due(SteadyTime now) const { return !m_inFlight && now >= m_nextRun; }
    SteadyTime nextRun() const { return m_nextRun; }
    void started(SteadyTime now);
    // The confirmed outcome (true = passing), or nullopt while a failure awaits its retry.
    // `corroborated`: evidence independent of the probe (the sockets show a hang) already
    // says the service is failing, so a failure needs no retry to be believed.
    // `wrongAnswer`: the service answered, wrongly (retried at once).
    std::optional<bool> finished(bool ok, SteadyTime now, bool corroborated = false,
                                 bool wrongAnswer = false);

private:
    Milliseconds m_interval;
    Milliseconds m_retryDelay;
    SteadyTime m_nextRun{};
    bool m_inFlight = false;
    bool m_awaitingRetry = false;
};

} // namespace anycast
