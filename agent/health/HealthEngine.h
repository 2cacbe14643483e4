#pragma once

#include "agent/health/AcceptStallTracker.h"
#include "agent/health/AnswerTimeLearner.h"
#include "agent/health/HealthThresholds.h"
#include "agent/health/SignalEvaluator.h"
#include "agent/support/SteadyTime.h"
#include "common/ConnectionActivity.h"
#include "common/HealthStates.h"

#include <optional>

namespace anycast {

struct HealthConfig
{
    QList<quint16> ports;
    int rise = 3;
    int fall = 2;
    // A listener that disappears is unambiguous: go down on the fast path at once.
    bool listenerLossImmediate = true;
    HealthThresholds thresholds;
};

struct HealthLabel; // common/protocol/ServiceStatus.h

struct HealthVerdict
{
    ServiceHealth health = ServiceHealth::Down;
    QStringList reasons; // why the service is in this state
    QString pending;     // a transition under way: "2 of 3 good checks"
    SteadyTime since{};
    bool starting = true; // no verdict reached since start: down until `rise` good checks

    // What status, history and events call it ("starting" until the first verdict).
    HealthLabel label() const;
};

// One service's health: hard signals (no listener, probe failing) lead to down after `fall`
// consecutive checks (a vanished listener at once, on the fast path), leading signals to
// degraded after `fall` checks, recovery after `rise` good ones. A check is one full sample.
// Hangs are judged as they happen, on the fast path and the connection watch: a stalled
// accept queue and unread or unanswered requests carry their own time window, so they
// degrade at once (and a queue stalled past its withdraw window takes the service down at
// once); while they last every check counts as degraded (or down), so recovery still takes
// `rise` good checks. So does the probe's own request once it waits longer than this
// service's answers ever take (AnswerTimeLearner), the bound unanswered requests are held to
// as well; the probe's timeout still decides its failure.
// Pure and clock-injected: every input carries its time.
class HealthEngine
{
public:
    HealthEngine(HealthConfig config, SteadyTime start);

    // The fast path's listeners. Returns true when the health changed.
    bool onListeners(const QList<ListenerStats> &listeners, SteadyTime now);
    // What the service's connections show (the connection watch, or a full sample's).
    // Returns true when the health changed.
    bool onConnections(const ConnectionActivity &activity, SteadyTime now);
    // One check: a full sample plus the latest confirmed probe outcome. True when changed.
    bool onSample(const ServiceSocketStats &stats, const HostCounters &host, SteadyTime now);
    // A confirmed probe outcome (see ProbeSchedule); it counts at the next check, and a
    // failure counts once.
    void onProbe(bool ok, const QString &detail);
    // A confirmed failure in which the service itself answered, wrongly (HTTP 500): the
    // probe's luck is not in doubt, so it de-prefers at once, as the hang signals do; `fall`
    // checks still decide down. The next passing probe clears it. True when health changed.
    bool onWrongAnswer(const QString &detail, SteadyTime now);
    // A probe run started; it ended, the service having answered after `answeredIn` (none:
    // no answer, or the run was dropped). Runs end before the next starts.
    void onProbeStarted(SteadyTime now);
    void onProbeEnded(std::optional<Milliseconds> answeredIn, SteadyTime now);
    // How long a request may wait for its answer now: learned, between unanswered_age_min
    // and unanswered_age.
    Milliseconds unansweredAge(SteadyTime now) const;

    // New thresholds, rise and fall (a config reload): the verdict and the streaks behind it
    // stay, so a healthy service stays healthy. The ports must be the same.
    void reconfigure(const HealthConfig &config);

    // The sockets show a hang right now (an accept queue stalled past its window, requests
    // unread or unanswered): a failing probe agrees with them, and needs no retry to be
    // believed.
    bool socketsSayStalled(SteadyTime now) const;

    const HealthVerdict &verdict() const { return m_verdict; }
    const HealthConfig &config() const { return m_config; }

private:
    enum class Check
    {
        Healthy,
        Degraded,
        Down
    };

    struct Windowed
    {
        QStringList soft; // degraded at once
        QStringList hard; // down at once
    };

    void count(Check check);
    Windowed windowedSignals(SteadyTime now) const;
    // Moves at once on what the windowed signals say now. True when the health changed.
    bool applyWindowed(SteadyTime now);
    bool downAtOnce(const QStringList &reasons, SteadyTime now);
    // The probe's own evidence that is no socket signal: its run overdue, a wrong answer.
    QStringList probeSignals(SteadyTime now) const;
    std::optional<QString> probeOverdue(SteadyTime now) const;
    bool probeRunPastBound(SteadyTime now) const;
    // Evidence for AnswerTimeLearner, taken while the service is healthy.
    void learnAnswer(Milliseconds took, SteadyTime now);
    // Every periodic input first notes whether the probe's run is past its bound.
    void noteProbeRun(SteadyTime now);
    // Keeps the deepest accept queue each listener showed since the last check.
    void notePeaks(const QList<ListenerStats> &listeners);
    bool moveTo(ServiceHealth health, const QStringList &reasons, SteadyTime now);
    QString progress(Check check) const;

    HealthConfig m_config;
    SignalEvaluator m_signals;
    HealthVerdict m_verdict;
    std::optional<ServiceSocketStats> m_previous;
    QList<ListenerStats> m_queuePeaks; // since the last check, fast path included
    AcceptStallTracker m_stalls;
    QStringList m_connectionReasons;   // unread or unanswered, from the latest look
    SteadyTime m_lastAnswerProgress{}; // nothing unanswered, or something answered
    SteadyTime m_previousTime{};
    std::optional<bool> m_probeOk;
    QString m_probeDetail;
    QString m_wrongAnswer; // the reason, while the latest confirmed outcome is one
    AnswerTimeLearner m_answerTimes;
    std::optional<SteadyTime> m_probeRunSince; // a probe run in flight
    // When an input first found that run overdue. Only a later input believes it: after a
    // stall of the agent's own loop the tick can come before the answer that arrived
    // meanwhile has been read, and the next tick comes after it.
    std::optional<SteadyTime> m_probeOverdueSeen;
    bool m_probeOutcomeFresh = false;
    QStringList m_lastSoftReasons;
    int m_downStreak = 0;
    int m_degradedOrWorseStreak = 0;
    int m_notDownStreak = 0;
    int m_healthyStreak = 0;
};

} // namespace anycast
