#pragma once

#include "agent/sampler/ServicePorts.h"
#include "common/Result.h"
#include "common/SocketSample.h"

#include <QDateTime>

#include <chrono>

namespace anycast {

// Reads socket state from the kernel. Backends: NetlinkSampler (sock_diag, the engine) and
// ProcSampler (/proc/net/tcp{,6}, the fallback and cross-check). Host counters are not a
// sampler's business: SampleCollector adds them.
class Sampler
{
public:
    virtual ~Sampler() = default;

    virtual QString name() const = 0;

    // Fast path (~10 Hz): the LISTEN sockets on the service ports, with accept-queue depth.
    virtual Result<ListenerSample> sampleListeners() = 0;

    // Full sample (~1 Hz): per-service state counts, listeners and tcp_info aggregates;
    // every other socket counted by state; per-service connection activity. `host` is left
    // empty.
    virtual Result<SocketSample> sampleSockets() = 0;

    // Connection watch (between full samples, as often as its cost allows): per service, the
    // connections waiting to be accepted and those whose bytes nobody reads. A backend that
    // cannot tell says so with an error; the full sample's activity is then marked unavailable.
    virtual Result<ConnectionSample> sampleConnections()
    {
        return Result<ConnectionSample>::failure(
            QStringLiteral("the %1 sampler has no connection watch").arg(name()));
    }

protected:
    // A fast-path sample with every configured service listed and no listener yet.
    static ListenerSample emptyListenerSample(const PortMap &portMap, const QString &source)
    {
        ListenerSample sample;
        sample.timestampMs = QDateTime::currentMSecsSinceEpoch();
        sample.source = source;
        sample.services.reserve(portMap.services().size());
        for (const ServicePorts &service : portMap.services())
            sample.services.append({service.name, service.ports, {}});
        return sample;
    }
    // Listeners in the order every sampler reports them, and how long taking them took.
    static void finishListenerSample(ListenerSample &sample,
                                     std::chrono::steady_clock::time_point start)
    {
        for (ServiceListeners &service : sample.services)
            sortListeners(service.listeners);
        sample.durationUs = microsecondsSince(start);
    }
    static quint64 microsecondsSince(std::chrono::steady_clock::time_point start)
    {
        return static_cast<quint64>(std::chrono::duration_cast<std::chrono::microseconds>(
                                        std::chrono::steady_clock::now() - start)
                                        .count());
    }
};

} // namespace anycast
