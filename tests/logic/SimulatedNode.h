#pragma once

#include "agent/policy/ServiceDecision.h"

#include <functional>
#include <vector>

namespace anycast::logictest {

// The agent loop's timings: DESIGN.md's fast path (~10 Hz) and full sample (~1 Hz), and a
// probe once a second (an exec probe's default) with ProbeSchedule's retry.
struct NodeTiming
{
    Milliseconds fastPath{100};
    Milliseconds fullSample{1000};
    Milliseconds probeInterval{1000};
    Milliseconds probeRetryDelay{200};
    Milliseconds probeAttempt{5}; // how long one probe attempt takes
};

// What the simulated kernel and probe target show. Each is asked at the moment it is read,
// as the agent would find it then.
struct SimulatedWorld
{
    std::function<ServiceSocketStats(SteadyTime)> stats;
    std::function<HostCounters(SteadyTime)> host = {}; // unset: a quiet host
    // Whether a probe attempt started at that moment passes; unset: no probe configured.
    std::function<bool(SteadyTime)> probe = {};
    QString probeFailure = QStringLiteral("connect timed out");
    // What the connection watch sees on each fast-path tick (and the full sample on its own);
    // unset: nothing to see.
    std::function<ConnectionActivity(SteadyTime)> connections = {};
};

struct ProbeAttempt
{
    SteadyTime started;
    bool ok = true;
    std::optional<bool> confirmed; // what ProbeSchedule passed on to the engine
};

// One service on one node, event by event on a fake clock: the agent's main loop (fast path,
// full sample, probe runs) around the agent's own ServiceDecision, without its I/O.
class SimulatedNode
{
public:
    SimulatedNode(const HealthConfig &health, RoutePolicy policy, SimulatedWorld world,
                  SteadyTime start, NodeTiming timing = {});

    // Handles every event up to and including `end`. `observe` runs after each moment that
    // had events, with the node as the agent would publish it then.
    void runUntil(SteadyTime end, const std::function<void(SteadyTime)> &observe = {});

    SteadyTime now() const { return m_now; }
    const ServiceDecision &decision() const { return m_decision; }
    // Per prefix, when its route changed: a router would have seen an update.
    const std::vector<std::vector<SteadyTime>> &routeChanges() const { return m_routeChanges; }
    const std::vector<SteadyTime> &healthChanges() const { return m_healthChanges; }
    const std::vector<ProbeAttempt> &probeAttempts() const { return m_probeAttempts; }
    std::optional<SteadyTime> lastFullSample() const { return m_lastFullSample; }

private:
    SteadyTime nextProbeEvent() const;
    void handleProbe(SteadyTime now);
    void record(const DecisionChanges &changes, SteadyTime now);

    ServiceDecision m_decision;
    SimulatedWorld m_world;
    NodeTiming m_timing;
    SteadyTime m_now;
    SteadyTime m_nextFast;
    SteadyTime m_nextFull;
    std::optional<SteadyTime> m_attemptEnd;
    std::optional<SteadyTime> m_lastFullSample;
    std::vector<std::vector<SteadyTime>> m_routeChanges;
    std::vector<SteadyTime> m_healthChanges;
    std::vector<ProbeAttempt> m_probeAttempts;
};

} // namespace anycast::logictest
