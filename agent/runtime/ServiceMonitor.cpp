#include "agent/runtime/ServiceMonitor.h"

#include <QTimer>

namespace anycast {

ServiceMonitor::ServiceMonitor(const ServiceConfig &service, const AgentConfig &agent,
                               SteadyTime start, QObject *parent)
    : QObject(parent)
    , m_name(service.name)
    , m_decision(service.healthConfig(), RoutePolicy(service.prefixes, agent.policyConfig(service)),
                 start, service.probeInterval, service.probeRetryDelay)
    , m_probeTiming(service.probeInterval, service.probeRetryDelay)
{
    setProbe(service.probe);
}

void ServiceMonitor::setProbe(const std::optional<ProbeSpec> &spec)
{
    m_probeSpec = spec;
    m_probe.reset(); // a run in flight ends with it, unreported
    m_lastProbe.reset();
    if (spec) {
        m_probe = Probe::create(*spec);
        connect(m_probe.get(), &Probe::finished, this, &ServiceMonitor::onProbeFinished);
    }
}

void ServiceMonitor::reconfigure(const ServiceConfig &service, const AgentConfig &agent,
                                 SteadyTime now)
{
    const auto timing = std::pair(service.probeInterval, service.probeRetryDelay);
    if (service.probe != m_probeSpec || timing != m_probeTiming) {
        setProbe(service.probe);
        m_decision.resetProbe(service.probeInterval, service.probeRetryDelay);
        m_probeTiming = timing;
    }
    publish(m_decision.reconfigure(service.healthConfig(), agent.policyConfig(service), now));
}

void ServiceMonitor::onListeners(const QList<ListenerStats> &listeners, SteadyTime now)
{
    publish(m_decision.onListeners(listeners, now));
}

void ServiceMonitor::onConnections(const ConnectionActivity &activity, SteadyTime now)
{
    publish(m_decision.onConnections(activity, now));
}

void ServiceMonitor::onSample(const ServiceSocketStats &stats, const HostCounters &host,
                              SteadyTime now)
{
    publish(m_decision.onSample(stats, host, now));
}

void ServiceMonitor::setDrain(std::optional<DrainOrder> order, SteadyTime now)
{
    publish(m_decision.setDrain(order, now));
}

void ServiceMonitor::publish(const DecisionChanges &changes)
{
    if (changes.healthBefore)
        emit healthChanged(m_name, *changes.healthBefore, m_decision.verdict());
    for (const RouteChange &change : changes.routes)
        emit routeChanged(m_name, change.before, change.after);
}

void ServiceMonitor::pollProbe(SteadyTime now)
{
    if (!m_probe || !m_decision.probeDue(now))
        return;
    if (m_probe->start())
        m_decision.probeStarted(now);
}

void ServiceMonitor::onProbeFinished(const ProbeResult &result)
{
    m_lastProbe = result;
    emit probeFinished(m_name, result);
    const SteadyTime now = steadyNow();
    publish(m_decision.onProbeRun(result.outcome(), now));
    // A wrong answer is asked again at once: start it from the event loop (the probe is
    // still inside its own finish) rather than at the next fast-path tick.
    if (m_decision.probeDue(now))
        QTimer::singleShot(0, this, [this] { pollProbe(steadyNow()); });
}

} // namespace anycast
