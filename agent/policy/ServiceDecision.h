#pragma once

#include "agent/health/HealthEngine.h"
#include "agent/health/ProbeSchedule.h"
#include "agent/policy/ProbeOutcome.h"
#include "agent/policy/RoutePolicy.h"

#include <QList>
#include <QString>

#include <optional>

namespace anycast {

// One prefix's route before and after a decision.
struct RouteChange
{
    PrefixDecision before;
    PrefixDecision after;
};

// What one input changed, for the caller to publish in this order: health, then routes.
struct DecisionChanges
{
    // Set when the verdict changed: the health label before ("starting" or a health name).
    std::optional<QString> healthBefore;
    QList<RouteChange> routes;
    // For a probe run: the outcome ProbeSchedule passed on (nullopt: awaiting its retry).
    std::optional<bool> probeConfirmed;
};

// An operator's drain as the policy needs it (the durable record lives in DrainState).
struct DrainOrder
{
    bool immediate = false;
    bool forceWithdraw = false;
    SteadyTime started{};
};

// One service's decisions, from its inputs to its routes: the health engine, the probe
// schedule that gates probe outcomes, the route policy, the undrain gate (`rise` healthy
// checks before a withdrawn prefix comes back), the drain and the shared-fault input. The
// running agent (ServiceMonitor), `--once` (OnceEvaluation) and the logic simulations all
// decide through it, so a rule lives in one place.
//
// When routes are decided: at every full sample (time-driven rules such as the drain grace
// and the flap budget are taken there), and at once whenever the health changes, on the fast
// path, the connection watch or a wrong answer. Pure and clock-injected.
class ServiceDecision
{
public:
    ServiceDecision(const HealthConfig &health, RoutePolicy policy, SteadyTime start,
                    Milliseconds probeInterval = Milliseconds{1000},
                    Milliseconds probeRetryDelay = Milliseconds{200});

    const HealthVerdict &verdict() const { return m_engine.verdict(); }
    // "starting" until the first verdict, then the health's name.
    QString healthLabel() const;
    const QList<PrefixDecision> &routes() const { return m_policy.current(); }
    // active, draining (a drain with a prefix still announced) or drained.
    OperatorState operatorState() const;
    // Down only because the probe fails while listeners are up: the one case where the
    // fleet's cross-check may call it a shared fault.
    bool probeOnlyDown() const;
    bool socketsSayStalled(SteadyTime now) const { return m_engine.socketsSayStalled(now); }
    int undrainChecksNeeded() const { return m_undrainChecksNeeded; }
    int undrainChecksSeen() const { return m_undrainChecksSeen; }
    // The last full sample's sockets (what status, metrics and the history report).
    const ServiceSocketStats &lastStats() const { return m_lastStats; }

    DecisionChanges onListeners(const QList<ListenerStats> &listeners, SteadyTime now);
    DecisionChanges onConnections(const ConnectionActivity &activity, SteadyTime now);
    // One check: also counts towards the undrain gate, and always decides.
    DecisionChanges onSample(const ServiceSocketStats &stats, const HostCounters &host,
                             SteadyTime now);

    // The probe's timing: when a run is due, and that one started.
    bool probeDue(SteadyTime now) const { return m_schedule.due(now); }
    SteadyTime nextProbeRun() const { return m_schedule.nextRun(); }
    void probeStarted(SteadyTime now);
    // A finished run: ProbeSchedule decides whether it counts yet (a failure is retried
    // unless the sockets already say the service hangs), then onConfirmedProbe.
    DecisionChanges onProbeRun(const ProbeOutcome &outcome, SteadyTime now);
    // An outcome that counts as it is (`--once` runs each probe once): at the next check;
    // a wrong answer de-prefers at once.
    DecisionChanges onConfirmedProbe(const ProbeOutcome &outcome, SteadyTime now);
    // A new probe or probe timing: the schedule and the last outcome start afresh.
    void resetProbe(Milliseconds interval, Milliseconds retryDelay);

    // Drain (an order) or undrain (nullopt); takes effect at once.
    DecisionChanges setDrain(std::optional<DrainOrder> order, SteadyTime now);
    // A config reload: health, routes and drains carry over.
    DecisionChanges reconfigure(const HealthConfig &health, const PolicyConfig &policy,
                                SteadyTime now);
    void setFleet(FleetLookup fleet) { m_fleet = std::move(fleet); }
    void setSharedFault(QString reason) { m_sharedFault = std::move(reason); }

private:
    // Routes after a health change (or none), as one DecisionChanges.
    DecisionChanges afterEngine(const QString &before, bool changed, SteadyTime now);
    QList<RouteChange> decide(SteadyTime now);

    HealthEngine m_engine;
    RoutePolicy m_policy;
    ProbeSchedule m_schedule;
    std::optional<bool> m_lastProbeOk; // the latest run's own outcome, confirmed or not
    ServiceSocketStats m_lastStats;
    bool m_listening = false; // also follows the fast path, between full samples
    std::optional<DrainOrder> m_drain;
    int m_undrainChecksNeeded = 0;
    int m_undrainChecksSeen = 0;
    FleetLookup m_fleet;
    QString m_sharedFault;
};

} // namespace anycast
