#include "agent/sampler/SampleCollector.h"

#include <QDateTime>

namespace anycast {

SampleCollector::SampleCollector(Sampler &sampler, HostCountersReader hostReader,
                                 SteadyClock steadyClock, WallClock wallClock)
    : m_sampler(sampler)
    , m_hostReader(std::move(hostReader))
    , m_steadyClock(std::move(steadyClock))
    , m_wallClock(std::move(wallClock))
{}

SampleCollector::WallClock SampleCollector::defaultWallClock()
{
    return [] { return QDateTime::currentMSecsSinceEpoch(); };
}

Result<SocketSample> SampleCollector::collect()
{
    Result<SocketSample> sampled = m_sampler.sampleSockets();
    if (!sampled)
        return sampled;
    SocketSample sample = std::move(sampled).value();
    sample.timestampMs = m_wallClock();

    const auto now = m_steadyClock();
    Result<HostCounters> host = m_hostReader.read();
    if (!host) {
        sample.warnings.append(host.error());
        m_previousHost.reset(); // the next good reading starts a fresh rate baseline
        return Result<SocketSample>::success(std::move(sample));
    }
    sample.host = std::move(host).value();
    if (m_previousHost) {
        const double elapsed = std::chrono::duration<double>(now - m_previousTime).count();
        sample.host.ratesPerSecond =
            counterRates(m_previousHost->counters, sample.host.counters, elapsed);
    }
    m_previousHost = sample.host;
    m_previousTime = now;
    return Result<SocketSample>::success(std::move(sample));
}

} // namespace anycast
