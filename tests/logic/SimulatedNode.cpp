#include "SimulatedNode.h"

#include <algorithm>

namespace anycast::logictest {

SimulatedNode::SimulatedNode(const HealthConfig &health, RoutePolicy policy, SimulatedWorld world,
                             SteadyTime start, NodeTiming timing)
    : m_engine(health, start)
    , m_policy(std::move(policy))
    , m_world(std::move(world))
    , m_timing(timing)
    , m_schedule(timing.probeInterval, timing.probeRetryDelay)
    , m_now(start)
    , m_nextFast(start)
    , m_nextFull(start)
    , m_published(m_policy.current())
    , m_routeChanges(static_cast<std::size_t>(m_published.size()))
{}

SteadyTime SimulatedNode::nextProbeEvent() const
{
    if (!m_world.probe)
        return SteadyTime::max();
    if (m_attemptEnd)
        return *m_attemptEnd;
    // The schedule's first run lies before the simulation starts: due at once.
    return std::max(m_schedule.nextRun(), m_now);
}

void SimulatedNode::handleProbe(SteadyTime now)
{
    if (m_attemptEnd && *m_attemptEnd == now) {
        m_attemptEnd.reset();
        ProbeAttempt &attempt = m_probeAttempts.back();
        attempt.confirmed = m_schedule.finished(attempt.ok, now, m_engine.socketsSayStalled(now));
        if (attempt.confirmed)
            m_engine.onProbe(*attempt.confirmed,
                             *attempt.confirmed ? QString() : m_world.probeFailure);
    }
    if (!m_attemptEnd && m_world.probe && m_schedule.due(now)) {
        m_schedule.started(now);
        m_attemptEnd = now + m_timing.probeAttempt;
        m_probeAttempts.push_back({now, m_world.probe(now), std::nullopt});
    }
}

void SimulatedNode::decide(SteadyTime now)
{
    PolicyInput input;
    input.health = m_engine.verdict().health;
    input.healthReasons = m_engine.verdict().reasons;
    const QList<PrefixDecision> &decisions = m_policy.decide(input, {}, now);
    for (qsizetype i = 0; i < decisions.size(); ++i) {
        if (!decisions[i].sameRoute(m_published[i]))
            m_routeChanges[static_cast<std::size_t>(i)].push_back(now);
    }
    m_published = decisions;
}

void SimulatedNode::runUntil(SteadyTime end, const std::function<void(SteadyTime)> &observe)
{
    for (;;) {
        const SteadyTime next = std::min({m_nextFast, m_nextFull, nextProbeEvent()});
        if (next > end)
            break;
        m_now = next;
        const ServiceHealth before = m_engine.verdict().health;
        // Within one moment: probe results first (they count at this moment's check), then the
        // fast path, then the full sample, as the agent's event loop would order them.
        handleProbe(next);
        bool fed = false;
        if (next == m_nextFast) {
            m_engine.onListeners(m_world.stats(next).listeners, next);
            if (m_world.connections)
                m_engine.onConnections(m_world.connections(next), next);
            m_nextFast += m_timing.fastPath;
            fed = true;
        }
        if (next == m_nextFull) {
            const HostCounters host = m_world.host ? m_world.host(next) : HostCounters{};
            if (m_world.connections)
                m_engine.onConnections(m_world.connections(next), next);
            m_engine.onSample(m_world.stats(next), host, next);
            m_lastFullSample = next;
            m_nextFull += m_timing.fullSample;
            fed = true;
        }
        if (m_engine.verdict().health != before)
            m_healthChanges.push_back(next);
        if (fed)
            decide(next);
        if (observe)
            observe(next);
    }
    m_now = std::max(m_now, end);
}

} // namespace anycast::logictest
