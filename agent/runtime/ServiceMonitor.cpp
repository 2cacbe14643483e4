#include "ServiceMonitor.h"

namespace anycast {
namespace {

SteadyTime steadyNow()
{
    return std::chrono::steady_clock::now();
}

} // namespace

ServiceMonitor::ServiceMonitor(const ServiceConfig &service, const AgentConfig &agent,
                               SteadyTime start, QObject *parent)
    : QObject(parent)
    , m_name(service.name)
    , m_engine(service.healthConfig(), start)
    , m_policy(service.prefixes, service.route, agent.bgp.flapBudget,
               std::chrono::seconds(agent.bgp.flapWindowSeconds), agent.fleet.minAnnouncing)
    , m_schedule(service.probeInterval, service.probeRetryDelay)
{
    if (service.probe) {
        m_probe = Probe::create(*service.probe);
        connect(m_probe.get(), &Probe::finished, this, &ServiceMonitor::onProbeFinished);
    }
}

void ServiceMonitor::onListeners(const QList<ListenerStats> &listeners, SteadyTime now)
{
    const QString before = healthLabel();
    // Ten times a second: only a change of health needs the route policy now; time-driven
    // decisions (drain grace, flap budget) are taken at every full sample.
    if (m_engine.onListeners(listeners, now))
        afterEngine(before, true, now);
}

void ServiceMonitor::onSample(const ServiceSocketStats &stats, const HostCounters &host,
                              SteadyTime now)
{
    m_established = stats.states[TcpState::Established];
    const QString before = healthLabel();
    afterEngine(before, m_engine.onSample(stats, host, now), now);
}

QString ServiceMonitor::healthLabel() const
{
    const HealthVerdict &verdict = m_engine.verdict();
    return verdict.starting ? QStringLiteral("starting") : healthName(verdict.health);
}

void ServiceMonitor::afterEngine(const QString &before, bool changed, SteadyTime now)
{
    if (changed)
        emit healthChanged(m_name, before, m_engine.verdict());
    const HealthVerdict &verdict = m_engine.verdict();
    PolicyInput input;
    input.health = verdict.health;
    input.healthReasons = verdict.reasons;
    input.established = m_established;
    const QList<PrefixDecision> previous = m_policy.current();
    // No fleet view yet: peers are polled from the fleet issue on.
    const QList<PrefixDecision> &decided = m_policy.decide(input, {}, now);
    for (qsizetype i = 0; i < decided.size(); ++i) {
        if (!decided[i].sameRoute(previous[i]))
            emit routeChanged(m_name, previous[i], decided[i]);
    }
}

void ServiceMonitor::pollProbe(SteadyTime now)
{
    if (!m_probe || !m_schedule.due(now))
        return;
    if (m_probe->start())
        m_schedule.started(now);
}

void ServiceMonitor::onProbeFinished(const ProbeResult &result)
{
    m_lastProbe = result;
    emit probeFinished(m_name, result);
    if (const auto confirmed = m_schedule.finished(result.ok, steadyNow()))
        m_engine.onProbe(*confirmed, result.detail);
}

} // namespace anycast
