#include "ServiceMonitor.h"

namespace anycast {

ServiceMonitor::ServiceMonitor(const ServiceConfig &service, const AgentConfig &agent,
                               SteadyTime start, QObject *parent)
    : QObject(parent)
    , m_name(service.name)
    , m_engine(service.healthConfig(), start)
    , m_policy(service.prefixes, service.route, agent.bgp.flapBudget,
               std::chrono::seconds(agent.bgp.flapWindowSeconds), agent.fleet.minAnnouncing)
    , m_schedule(service.probeInterval, service.probeRetryDelay)
    , m_probeTiming(service.probeInterval, service.probeRetryDelay)
    , m_rise(service.rise)
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
    m_engine.reconfigure(service.healthConfig());
    m_policy.reconfigure(service.route, agent.bgp.flapBudget,
                         std::chrono::seconds(agent.bgp.flapWindowSeconds),
                         agent.fleet.minAnnouncing);
    const auto timing = std::pair(service.probeInterval, service.probeRetryDelay);
    if (service.probe != m_probeSpec || timing != m_probeTiming) {
        setProbe(service.probe);
        m_schedule = ProbeSchedule(service.probeInterval, service.probeRetryDelay);
        m_probeTiming = timing;
    }
    m_rise = service.rise;
    decide(now);
}

void ServiceMonitor::onListeners(const QList<ListenerStats> &listeners, SteadyTime now)
{
    m_listening = !listeners.isEmpty();
    const QString before = healthLabel();
    // Ten times a second: only a change of health needs the route policy now; time-driven
    // decisions (drain grace, flap budget) are taken at every full sample.
    if (m_engine.onListeners(listeners, now))
        afterEngine(before, true, now);
}

void ServiceMonitor::onConnections(const ConnectionActivity &activity, SteadyTime now)
{
    const QString before = healthLabel();
    if (m_engine.onConnections(activity, now))
        afterEngine(before, true, now);
}

void ServiceMonitor::onSample(const ServiceSocketStats &stats, const HostCounters &host,
                              SteadyTime now)
{
    m_established = stats.states[TcpState::Established];
    m_lastStats = stats;
    m_listening = !stats.listeners.isEmpty();
    const QString before = healthLabel();
    const bool changed = m_engine.onSample(stats, host, now);
    if (m_undrainChecksSeen < m_undrainChecksNeeded) {
        const HealthVerdict &verdict = m_engine.verdict();
        const bool healthy = !verdict.starting && verdict.health == ServiceHealth::Healthy;
        m_undrainChecksSeen = healthy ? m_undrainChecksSeen + 1 : 0;
    }
    afterEngine(before, changed, now);
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
    decide(now);
}

void ServiceMonitor::decide(SteadyTime now)
{
    const HealthVerdict &verdict = m_engine.verdict();
    PolicyInput input;
    input.health = verdict.health;
    input.healthReasons = verdict.reasons;
    input.established = m_established;
    if (m_drain) {
        input.operatorState = OperatorState::Draining;
        input.drainStarted = m_drain->started;
        input.drainImmediate = m_drain->immediate;
        input.forceWithdraw = m_drain->forceWithdraw;
    }
    if (probeOnlyDown())
        input.sharedFault = m_sharedFault;
    input.undrainChecksNeeded = m_undrainChecksNeeded;
    input.undrainChecksSeen = m_undrainChecksSeen;
    const QList<PrefixDecision> previous = m_policy.current();
    const QList<PrefixDecision> &decided = m_policy.decide(input, m_fleet, now);
    for (qsizetype i = 0; i < decided.size(); ++i) {
        if (!decided[i].sameRoute(previous[i]))
            emit routeChanged(m_name, previous[i], decided[i]);
    }
}

void ServiceMonitor::setDrain(std::optional<DrainOrder> order, SteadyTime now)
{
    const bool undrain = m_drain && !order;
    m_drain = order;
    if (undrain) {
        m_undrainChecksNeeded = m_rise;
        m_undrainChecksSeen = 0;
    } else if (order) {
        m_undrainChecksNeeded = 0;
    }
    decide(now);
}

OperatorState ServiceMonitor::operatorState() const
{
    if (!m_drain)
        return OperatorState::Active;
    for (const PrefixDecision &route : m_policy.current()) {
        if (route.announced())
            return OperatorState::Draining;
    }
    return OperatorState::Drained;
}

bool ServiceMonitor::probeOnlyDown() const
{
    const HealthVerdict &verdict = m_engine.verdict();
    return verdict.health == ServiceHealth::Down && !verdict.starting && m_listening &&
           m_lastProbe && !m_lastProbe->ok;
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
    const SteadyTime now = steadyNow();
    const auto confirmed = m_schedule.finished(result.ok, now, m_engine.socketsSayStalled(now));
    if (!confirmed)
        return;
    m_engine.onProbe(*confirmed, result.detail);
    if (!*confirmed && result.wrongAnswer) {
        const QString before = healthLabel();
        if (m_engine.onWrongAnswer(result.detail, now))
            afterEngine(before, true, now);
    }
}

} // namespace anycast
