#pragma once

#include "agent/sampler/HostCountersReader.h"
#include "agent/sampler/Sampler.h"

#include <chrono>
#include <functional>
#include <optional>

namespace anycast {

// A full sample as the agent reports it: the sampler's sockets plus host counters with rates
// against the previous collection. Host counters that cannot be read become a warning in
// the sample, not a failed sample: socket state matters more than the counters.
class SampleCollector
{
public:
    using SteadyClock = std::function<std::chrono::steady_clock::time_point()>;
    using WallClock = std::function<qint64()>; // milliseconds since the epoch

    SampleCollector(Sampler &sampler, HostCountersReader hostReader,
                    SteadyClock steadyClock = &std::chrono::steady_clock::now,
                    WallClock wallClock = defaultWallClock());

    Result<SocketSample> collect();

    static WallClock defaultWallClock();

private:
    Sampler &m_sampler;
    HostCountersReader m_hostReader;
    SteadyClock m_steadyClock;
    WallClock m_wallClock;
    std::optional<HostCounters> m_previousHost;
    std::chrono::steady_clock::time_point m_previousTime;
};

} // namespace anycast
