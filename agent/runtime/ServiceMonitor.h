#pragma once

#include "AgentConfig.h"
#include "HealthEngine.h"
#include "Probe.h"
#include "ProbeSchedule.h"
#include "RoutePolicy.h"

#include <QObject>

#include <memory>

namespace anycast {

// One service on the running agent: its probe, health engine and route policy, wired
// together. Sampling happens elsewhere; this object only consumes samples, so a slow probe
// can never delay one.
class ServiceMonitor final : public QObject
{
    Q_OBJECT

public:
    // An operator's drain as the policy needs it (the durable record lives in DrainState).
    struct DrainOrder
    {
        bool immediate = false;
        bool forceWithdraw = false;
        SteadyTime started{};
    };

    ServiceMonitor(const ServiceConfig &service, const AgentConfig &agent, SteadyTime start,
                   QObject *parent = nullptr);

    const QString &name() const { return m_name; }
    const HealthVerdict &verdict() const { return m_engine.verdict(); }
    const QList<PrefixDecision> &routes() const { return m_policy.current(); }
    const std::optional<ProbeResult> &lastProbe() const { return m_lastProbe; }

    void onListeners(const QList<ListenerStats> &listeners, SteadyTime now);
    void onSample(const ServiceSocketStats &stats, const HostCounters &host, SteadyTime now);
    // The connection watch's look, or the full sample's.
    void onConnections(const ConnectionActivity &activity, SteadyTime now);
    // Starts the probe when it is due; cheap to call on every fast-path tick.
    void pollProbe(SteadyTime now);
    bool probeRunning() const { return m_probe && m_probe->running(); }

    // A config reload (same name, ports and prefixes; see ConfigReload.h): health, routes
    // and drains carry over; a changed probe starts afresh.
    void reconfigure(const ServiceConfig &service, const AgentConfig &agent, SteadyTime now);
    // Drain (an order) or undrain (nullopt); takes effect at once.
    void setDrain(std::optional<DrainOrder> order, SteadyTime now);
    // active, draining (a drain with a prefix still announced) or drained.
    OperatorState operatorState() const;
    void setFleet(FleetLookup fleet) { m_fleet = std::move(fleet); }
    // Down only because the probe fails while listeners are up: the one case where the
    // fleet's cross-check may call it a shared fault.
    bool probeOnlyDown() const;
    void setSharedFault(QString reason) { m_sharedFault = std::move(reason); }
    const ServiceSocketStats &lastStats() const { return m_lastStats; }

signals:
    // `before` is a health name, or "starting" for the first verdict.
    void healthChanged(const QString &service, const QString &before,
                       const anycast::HealthVerdict &after);
    void routeChanged(const QString &service, const anycast::PrefixDecision &before,
                      const anycast::PrefixDecision &after);
    void probeFinished(const QString &service, const anycast::ProbeResult &result);

private:
    void afterEngine(const QString &before, bool changed, SteadyTime now);
    void decide(SteadyTime now);
    QString healthLabel() const;
    void onProbeFinished(const ProbeResult &result);

    QString m_name;
    HealthEngine m_engine;
    RoutePolicy m_policy;
    ProbeSchedule m_schedule;
    void setProbe(const std::optional<ProbeSpec> &spec);

    std::optional<ProbeSpec> m_probeSpec;
    std::pair<Milliseconds, Milliseconds> m_probeTiming; // interval, retry delay
    std::unique_ptr<Probe> m_probe;
    std::optional<ProbeResult> m_lastProbe;
    quint64 m_established = 0;
    ServiceSocketStats m_lastStats;
    bool m_listening = false;
    std::optional<DrainOrder> m_drain;
    int m_undrainChecksNeeded = 0;
    int m_undrainChecksSeen = 0;
    int m_rise = 3;
    FleetLookup m_fleet;
    QString m_sharedFault;
};

} // namespace anycast
