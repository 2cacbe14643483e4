#include "tests/logic/SimulatedNode.h"

#include <algorithm>

namespace anycast::logictest {

SimulatedNode::SimulatedNode(const HealthConfig &health, RoutePolicy policy, SimulatedWorld world,
                             SteadyTime start, NodeTiming timing)
    : m_decision(health, std::move(policy), start, timing.probeInterval, timing.probeRetryDelay)
    , m_world(std::move(world))
    , m_timing(timing)
    , m_now(start)
    , m_nextFast(start)
    , m_nextFull(start)
    , m_routeChanges(static_cast<std::size_t>(m_decision.routes().size()))
{}

SteadyTime SimulatedNode::nextProbeEvent() const
{
    if (!m_world.probe)
        return SteadyTime::max();
    if (m_attemptEnd)
        return *m_attemptEnd;
    // The schedule's first run lies before the simulation starts: due at once.
    return std::max(m_decision.nextProbeRun(), m_now);
}

void SimulatedNode::handleProbe(SteadyTime now)
{
    if (m_attemptEnd && *m_attemptEnd == now) {
        m_attemptEnd.reset();
        ProbeAttempt &attempt = m_probeAttempts.back();
        const DecisionChanges changes = m_decision.onProbeRun(
            {attempt.ok, attempt.ok ? QString() : m_world.probeFailure, false, {}}, now);
        attempt.confirmed = changes.probeConfirmed;
        record(changes, now);
    }
    if (!m_attemptEnd && m_world.probe && m_decision.probeDue(now)) {
        m_decision.probeStarted(now);
        m_attemptEnd = now + m_timing.probeAttempt;
        m_probeAttempts.push_back({now, m_world.probe(now), std::nullopt});
    }
}

void SimulatedNode::record(const DecisionChanges &changes, SteadyTime now)
{
    const QList<PrefixDecision> &routes = m_decision.routes();
    for (const RouteChange &change : changes.routes) {
        for (qsizetype i = 0; i < routes.size(); ++i) {
            if (routes[i].prefix == change.after.prefix)
                m_routeChanges[static_cast<std::size_t>(i)].push_back(now);
        }
    }
}

void SimulatedNode::runUntil(SteadyTime end, const std::function<void(SteadyTime)> &observe)
{
    for (;;) {
        const SteadyTime next = std::min({m_nextFast, m_nextFull, nextProbeEvent()});
        if (next > end)
            break;
        m_now = next;
        const ServiceHealth before = m_decision.verdict().health;
        // Within one moment: probe results first (they count at this moment's check), then the
        // fast path, then the full sample, as the agent's event loop would order them.
        handleProbe(next);
        if (next == m_nextFast) {
            record(m_decision.onListeners(m_world.stats(next).listeners, next), next);
            if (m_world.connections)
                record(m_decision.onConnections(m_world.connections(next), next), next);
            m_nextFast += m_timing.fastPath;
        }
        if (next == m_nextFull) {
            const HostCounters host = m_world.host ? m_world.host(next) : HostCounters{};
            if (m_world.connections)
                record(m_decision.onConnections(m_world.connections(next), next), next);
            record(m_decision.onSample(m_world.stats(next), host, next), next);
            m_lastFullSample = next;
            m_nextFull += m_timing.fullSample;
        }
        if (m_decision.verdict().health != before)
            m_healthChanges.push_back(next);
        if (observe)
            observe(next);
    }
    m_now = std::max(m_now, end);
}

} // namespace anycast::logictest
