#include "agent/policy/ServiceDecision.h"

#include "common/protocol/ServiceStatus.h"

namespace anycast {

ServiceDecision::ServiceDecision(const HealthConfig &health, RoutePolicy policy, SteadyTime start,
                                 Milliseconds probeInterval, Milliseconds probeRetryDelay)
    : m_engine(health, start)
    , m_policy(std::move(policy))
    , m_schedule(probeInterval, probeRetryDelay)
{}

QString ServiceDecision::healthLabel() const
{
    return m_engine.verdict().label().name();
}

DecisionChanges ServiceDecision::onListeners(const QList<ListenerStats> &listeners, SteadyTime now)
{
    m_listening = !listeners.isEmpty();
    const QString before = healthLabel();
    // Ten times a second: only a change of health needs the route policy now; time-driven
    // decisions (drain grace, flap budget) are taken at every full sample.
    const bool changed = m_engine.onListeners(listeners, now);
    return changed ? afterEngine(before, true, now) : DecisionChanges{};
}

DecisionChanges ServiceDecision::onConnections(const ConnectionActivity &activity, SteadyTime now)
{
    const QString before = healthLabel();
    const bool changed = m_engine.onConnections(activity, now);
    return changed ? afterEngine(before, true, now) : DecisionChanges{};
}

DecisionChanges ServiceDecision::onSample(const ServiceSocketStats &stats, const HostCounters &host,
                                          SteadyTime now)
{
    m_lastStats = stats;
    m_listening = !stats.listeners.isEmpty();
    const QString before = healthLabel();
    const bool changed = m_engine.onSample(stats, host, now);
    if (m_undrainChecksSeen < m_undrainChecksNeeded) {
        const HealthVerdict &verdict = m_engine.verdict();
        const bool healthy = !verdict.starting && verdict.health == ServiceHealth::Healthy;
        m_undrainChecksSeen = healthy ? m_undrainChecksSeen + 1 : 0;
    }
    return afterEngine(before, changed, now);
}

void ServiceDecision::probeStarted(SteadyTime now)
{
    m_schedule.started(now);
    m_engine.onProbeStarted(now);
}

DecisionChanges ServiceDecision::onProbeRun(const ProbeOutcome &outcome, SteadyTime now)
{
    m_lastProbeOk = outcome.ok;
    m_engine.onProbeEnded(outcome.answeredIn, now);
    const std::optional<bool> confirmed =
        m_schedule.finished(outcome.ok, now, m_engine.socketsSayStalled(now), outcome.wrongAnswer);
    if (!confirmed)
        return {};
    ProbeOutcome counted = outcome;
    counted.ok = *confirmed;
    DecisionChanges changes = onConfirmedProbe(counted, now);
    changes.probeConfirmed = confirmed;
    return changes;
}

DecisionChanges ServiceDecision::onConfirmedProbe(const ProbeOutcome &outcome, SteadyTime now)
{
    m_lastProbeOk = outcome.ok;
    m_engine.onProbe(outcome.ok, outcome.detail);
    if (outcome.ok || !outcome.wrongAnswer)
        return {}; // counts at the next check
    const QString before = healthLabel();
    const bool changed = m_engine.onWrongAnswer(outcome.detail, now);
    return changed ? afterEngine(before, true, now) : DecisionChanges{};
}

void ServiceDecision::resetProbe(Milliseconds interval, Milliseconds retryDelay)
{
    m_schedule = ProbeSchedule(interval, retryDelay);
    m_engine.onProbeEnded(std::nullopt, SteadyTime{}); // a run in flight is dropped
    m_lastProbeOk.reset();
}

DecisionChanges ServiceDecision::setDrain(std::optional<DrainOrder> order, SteadyTime now)
{
    const bool undrain = m_drain && !order;
    m_drain = order;
    if (undrain) {
        m_undrainChecksNeeded = m_engine.config().rise;
        m_undrainChecksSeen = 0;
    } else if (order) {
        m_undrainChecksNeeded = 0;
    }
    return DecisionChanges{std::nullopt, decide(now), std::nullopt};
}

DecisionChanges ServiceDecision::reconfigure(const HealthConfig &health, const PolicyConfig &policy,
                                             SteadyTime now)
{
    m_engine.reconfigure(health);
    m_policy.reconfigure(policy);
    return DecisionChanges{std::nullopt, decide(now), std::nullopt};
}

OperatorState ServiceDecision::operatorState() const
{
    if (!m_drain)
        return OperatorState::Active;
    for (const PrefixDecision &route : m_policy.current()) {
        if (route.announced())
            return OperatorState::Draining;
    }
    return OperatorState::Drained;
}

bool ServiceDecision::probeOnlyDown() const
{
    const HealthVerdict &verdict = m_engine.verdict();
    return verdict.health == ServiceHealth::Down && !verdict.starting && m_listening &&
           m_lastProbeOk && !*m_lastProbeOk;
}

DecisionChanges ServiceDecision::afterEngine(const QString &before, bool changed, SteadyTime now)
{
    DecisionChanges changes;
    if (changed)
        changes.healthBefore = before;
    changes.routes = decide(now);
    return changes;
}

QList<RouteChange> ServiceDecision::decide(SteadyTime now)
{
    const HealthVerdict &verdict = m_engine.verdict();
    PolicyInput input;
    input.health = verdict.health;
    input.healthReasons = verdict.reasons;
    input.established = m_lastStats.states[TcpState::Established];
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
    QList<RouteChange> changes;
    for (qsizetype i = 0; i < decided.size(); ++i) {
        if (!decided[i].sameRoute(previous[i]))
            changes.append({previous[i], decided[i]});
    }
    return changes;
}

} // namespace anycast
