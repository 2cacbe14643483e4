#pragma once

#include "agent/config/AgentConfig.h"
#include "agent/policy/ServiceDecision.h"
#include "agent/probe/Probe.h"

#include <QObject>

#include <memory>

namespace anycast {

// One service on the running agent: its probe (the I/O) around its ServiceDecision (the
// rules), publishing what changed as signals. Sampling happens elsewhere; this object only
// consumes samples, so a slow probe can never delay one.
class ServiceMonitor final : public QObject
{
    Q_OBJECT

public:
    ServiceMonitor(const ServiceConfig &service, const AgentConfig &agent, SteadyTime start,
                   QObject *parent = nullptr);

    const QString &name() const { return m_name; }
    const HealthVerdict &verdict() const { return m_decision.verdict(); }
    const QList<PrefixDecision> &routes() const { return m_decision.routes(); }
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
    OperatorState operatorState() const { return m_decision.operatorState(); }
    void setFleet(FleetLookup fleet) { m_decision.setFleet(std::move(fleet)); }
    bool probeOnlyDown() const { return m_decision.probeOnlyDown(); }
    void setSharedFault(QString reason) { m_decision.setSharedFault(std::move(reason)); }
    const ServiceSocketStats &lastStats() const { return m_decision.lastStats(); }

signals:
    // `before` is a health name, or "starting" for the first verdict.
    void healthChanged(const QString &service, const QString &before,
                       const anycast::HealthVerdict &after);
    void routeChanged(const QString &service, const anycast::PrefixDecision &before,
                      const anycast::PrefixDecision &after);
    void probeFinished(const QString &service, const anycast::ProbeResult &result);

private:
    void publish(const DecisionChanges &changes);
    void setProbe(const std::optional<ProbeSpec> &spec);
    void onProbeFinished(const ProbeResult &result);

    QString m_name;
    ServiceDecision m_decision;
    std::optional<ProbeSpec> m_probeSpec;
    std::pair<Milliseconds, Milliseconds> m_probeTiming; // interval, retry delay
    std::unique_ptr<Probe> m_probe;
    std::optional<ProbeResult> m_lastProbe;
};

} // namespace anycast
