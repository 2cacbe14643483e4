#include "agent/health/HealthEngine.h"

#include "common/protocol/ServiceStatus.h"

#include <algorithm>

namespace anycast {

HealthLabel HealthVerdict::label() const
{
    return {starting, health};
}

HealthEngine::HealthEngine(HealthConfig config, SteadyTime start)
    : m_config(std::move(config))
    , m_signals(m_config.ports, m_config.thresholds)
    , m_answerTimes(m_config.thresholds.unansweredAgeMin, m_config.thresholds.unansweredAge)
{
    m_verdict.since = start;
    m_lastAnswerProgress = start;
    m_verdict.reasons = {
        QStringLiteral("starting: not announced until %1 good checks").arg(m_config.rise)};
}

void HealthEngine::reconfigure(const HealthConfig &config)
{
    m_config = config;
    m_signals = SignalEvaluator(m_config.ports, m_config.thresholds);
    m_answerTimes.setBounds(m_config.thresholds.unansweredAgeMin,
                            m_config.thresholds.unansweredAge);
}

Milliseconds HealthEngine::unansweredAge(SteadyTime now) const
{
    return m_answerTimes.overdueAfter(now);
}

void HealthEngine::learnAnswer(Milliseconds took, SteadyTime now)
{
    // The pace of a healthy service only: an answer that comes once a hang is over (the
    // probe's request read when reading resumed, 800 ms late) says how long the hang
    // lasted, and learning it would blind the next hang for ten minutes.
    if (!m_verdict.starting && m_verdict.health == ServiceHealth::Healthy)
        m_answerTimes.answered(took, now);
}

void HealthEngine::onProbeStarted(SteadyTime now)
{
    m_probeRunSince = now;
    m_probeOverdueSeen.reset();
}

void HealthEngine::onProbeEnded(std::optional<Milliseconds> answeredIn, SteadyTime now)
{
    m_probeRunSince.reset();
    m_probeOverdueSeen.reset();
    if (answeredIn)
        learnAnswer(*answeredIn, now);
}

void HealthEngine::notePeaks(const QList<ListenerStats> &listeners)
{
    for (const ListenerStats &listener : listeners) {
        const auto same = std::find_if(
            m_queuePeaks.begin(), m_queuePeaks.end(), [&listener](const ListenerStats &peak) {
                return peak.port == listener.port && peak.address == listener.address;
            });
        if (same == m_queuePeaks.end())
            m_queuePeaks.append(listener);
        else if (listener.acceptQueue > same->acceptQueue)
            *same = listener;
    }
}

bool HealthEngine::onListeners(const QList<ListenerStats> &listeners, SteadyTime now)
{
    noteProbeRun(now);
    notePeaks(listeners);
    m_stalls.onListeners(listeners, now);
    const QStringList missing = m_signals.missingListeners(listeners);
    if (missing.isEmpty() || !m_config.listenerLossImmediate)
        return applyWindowed(now);
    QStringList reasons;
    for (const QString &reason : missing)
        reasons.append(reason + QStringLiteral(" (fast path)"));
    return downAtOnce(reasons, now);
}

namespace {

QString seconds(quint32 ms)
{
    return QString::number(ms / 1000.0, 'f', 1);
}

// "0.2 s", or "0.25 s" where one decimal would hide the learned bound.
QString boundInSeconds(Milliseconds bound)
{
    const auto ms = static_cast<double>(bound.count());
    return QString::number(ms / 1000.0, 'f', bound.count() % 100 == 0 ? 1 : 2);
}

// What the bound is made of, for a reason: "; answers here take up to 4 ms".
QString learnedFrom(std::optional<Milliseconds> slowest)
{
    return slowest ? QStringLiteral("; answers here take up to %1 ms").arg(slowest->count())
                   : QString();
}

} // namespace

bool HealthEngine::onConnections(const ConnectionActivity &activity, SteadyTime now)
{
    noteProbeRun(now);
    m_connectionReasons.clear();
    if (!activity.available)
        return false;
    m_stalls.onAccepted(activity.acceptedFromWaiting, now);
    const HealthThresholds &limits = m_config.thresholds;
    const auto unreadAge = static_cast<quint32>(limits.unreadAge.count());
    const quint64 unread = activity.unreadFor(unreadAge);
    if (limits.unreadConnections > 0 && unread >= limits.unreadConnections) {
        m_connectionReasons.append(
            QStringLiteral("%1 accepted connection%2 holding unread bytes for %3 s or more "
                           "(longest %4 s)")
                .arg(unread)
                .arg(unread == 1 ? QString() : QStringLiteral("s"))
                .arg(seconds(unreadAge), seconds(activity.unreadAgesMs.first())));
    }
    // A slow service answers some of what waited, a hung one none: only an unanswered set
    // that nobody has made progress on for the whole window is a hang.
    if (activity.unanswered == 0 || activity.answeredFromUnanswered > 0)
        m_lastAnswerProgress = now;
    if (activity.longestAnsweredWaitMs > 0)
        learnAnswer(Milliseconds{activity.longestAnsweredWaitMs}, now);
    const Milliseconds bound = unansweredAge(now);
    const auto boundMs = static_cast<quint32>(bound.count());
    const quint64 unanswered = activity.unansweredFor(boundMs);
    if (limits.unansweredConnections > 0 && unanswered >= limits.unansweredConnections &&
        now - m_lastAnswerProgress >= bound) {
        m_connectionReasons.append(
            QStringLiteral("%1 request%2 read and not answered for %3 s or more, none answered "
                           "meanwhile (longest %4 s%5)")
                .arg(unanswered)
                .arg(unanswered == 1 ? QString() : QStringLiteral("s"))
                .arg(boundInSeconds(bound), seconds(activity.unansweredAgesMs.first()),
                     learnedFrom(m_answerTimes.slowestAnswer(now))));
    }
    return applyWindowed(now);
}

HealthEngine::Windowed HealthEngine::windowedSignals(SteadyTime now) const
{
    Windowed result;
    const HealthThresholds &limits = m_config.thresholds;
    if (const auto stall = m_stalls.longest(now)) {
        const auto reached = [&stall](Milliseconds window) {
            return window.count() > 0 && stall->duration >= window;
        };
        const QString reason =
            QStringLiteral("accept queue stalled %1 s on :%2: %3 waiting, none accepted")
                .arg(QString::number(static_cast<double>(stall->duration.count()) / 1000, 'f', 1))
                .arg(stall->port)
                .arg(stall->waiting);
        if (reached(limits.acceptStallWithdraw))
            result.hard.append(reason);
        else if (reached(limits.acceptStall))
            result.soft.append(reason);
    }
    result.soft += m_connectionReasons;
    return result;
}

bool HealthEngine::probeRunPastBound(SteadyTime now) const
{
    // Only once answers were learned: otherwise the bound is unanswered_age, which the
    // probe's own timeout already covers.
    return m_probeRunSince && m_config.thresholds.unansweredConnections > 0 &&
           m_answerTimes.slowestAnswer(now) && now - *m_probeRunSince >= unansweredAge(now);
}

void HealthEngine::noteProbeRun(SteadyTime now)
{
    if (!m_probeOverdueSeen && probeRunPastBound(now))
        m_probeOverdueSeen = now;
}

std::optional<QString> HealthEngine::probeOverdue(SteadyTime now) const
{
    if (!m_probeOverdueSeen || *m_probeOverdueSeen >= now || !probeRunPastBound(now))
        return std::nullopt;
    const auto waited = std::chrono::duration_cast<Milliseconds>(now - *m_probeRunSince);
    return QStringLiteral("probe not answered for %1 s or more (%2 ms so far%3)")
        .arg(boundInSeconds(unansweredAge(now)))
        .arg(waited.count())
        .arg(learnedFrom(m_answerTimes.slowestAnswer(now)));
}

QStringList HealthEngine::probeSignals(SteadyTime now) const
{
    QStringList reasons;
    if (const auto overdue = probeOverdue(now))
        reasons.append(*overdue);
    if (!m_wrongAnswer.isEmpty())
        reasons.append(m_wrongAnswer);
    return reasons;
}

bool HealthEngine::socketsSayStalled(SteadyTime now) const
{
    const Windowed windowed = windowedSignals(now);
    return !windowed.soft.isEmpty() || !windowed.hard.isEmpty();
}

bool HealthEngine::applyWindowed(SteadyTime now)
{
    Windowed windowed = windowedSignals(now);
    // Once down, the checks keep the reasons (this one among them) complete.
    if (!windowed.hard.isEmpty())
        return m_verdict.health == ServiceHealth::Down ? false : downAtOnce(windowed.hard, now);
    // Not socket signals, so not in windowedSignals(): a probe failure must not corroborate
    // itself (socketsSayStalled), and the checks report a confirmed failure on their own.
    windowed.soft += probeSignals(now);
    if (windowed.soft.isEmpty() || m_verdict.health != ServiceHealth::Healthy || m_verdict.starting)
        return false;
    // De-prefer now: the window already proved the trouble lasts, a `fall` of checks on top
    // would only let clients time out meanwhile.
    m_healthyStreak = 0;
    m_degradedOrWorseStreak = std::max(m_degradedOrWorseStreak, m_config.fall);
    return moveTo(ServiceHealth::Degraded, windowed.soft, now);
}

bool HealthEngine::onWrongAnswer(const QString &detail, SteadyTime now)
{
    m_wrongAnswer = QStringLiteral("probe answered wrongly: %1").arg(detail);
    return applyWindowed(now);
}

bool HealthEngine::downAtOnce(const QStringList &reasons, SteadyTime now)
{
    // Whatever the streaks said, the service is not answering right now.
    m_healthyStreak = 0;
    m_notDownStreak = 0;
    m_downStreak = std::max(m_downStreak, m_config.fall);
    m_degradedOrWorseStreak = std::max(m_degradedOrWorseStreak, m_config.fall);
    if (m_verdict.health == ServiceHealth::Down) {
        if (!m_verdict.starting)
            m_verdict.reasons = reasons;
        m_verdict.pending.clear(); // any recovery under way starts over
        return false;
    }
    return moveTo(ServiceHealth::Down, reasons, now);
}

void HealthEngine::onProbe(bool ok, const QString &detail)
{
    m_wrongAnswer.clear(); // onWrongAnswer() follows when this outcome is one
    m_probeOk = ok;
    m_probeDetail = detail;
    m_probeOutcomeFresh = true;
}

void HealthEngine::count(Check check)
{
    const bool down = check == Check::Down;
    const bool healthy = check == Check::Healthy;
    m_downStreak = down ? m_downStreak + 1 : 0;
    m_degradedOrWorseStreak = healthy ? 0 : m_degradedOrWorseStreak + 1;
    m_notDownStreak = down ? 0 : m_notDownStreak + 1;
    m_healthyStreak = healthy ? m_healthyStreak + 1 : 0;
}

QString HealthEngine::progress(Check check) const
{
    switch (m_verdict.health) {
    case ServiceHealth::Healthy:
        if (check == Check::Healthy)
            return {};
        return QStringLiteral("%1 of %2 failing checks")
            .arg(m_degradedOrWorseStreak)
            .arg(m_config.fall);
    case ServiceHealth::Degraded:
        if (check == Check::Down)
            return QStringLiteral("%1 of %2 failing checks").arg(m_downStreak).arg(m_config.fall);
        if (check == Check::Healthy)
            return QStringLiteral("%1 of %2 good checks").arg(m_healthyStreak).arg(m_config.rise);
        return {};
    case ServiceHealth::Down:
        if (check == Check::Down)
            return {};
        return QStringLiteral("%1 of %2 good checks")
            .arg(check == Check::Healthy ? m_healthyStreak : m_notDownStreak)
            .arg(m_config.rise);
    }
    return {};
}

bool HealthEngine::onSample(const ServiceSocketStats &stats, const HostCounters &host,
                            SteadyTime now)
{
    noteProbeRun(now);
    const Windowed windowed = windowedSignals(now);
    QStringList hard = m_signals.missingListeners(stats.listeners) + windowed.hard;
    // A confirmed probe failure counts towards `fall` once. Until the next outcome arrives
    // (probes and checks run on their own clocks) the probe neither fails nor clears a
    // check: counting one failure twice would let a single unlucky probe cycle take a
    // healthy service down.
    const bool probeFailing = m_probeOk == false;
    const bool probeFailureIsNew = probeFailing && m_probeOutcomeFresh;
    m_probeOutcomeFresh = false;
    if (probeFailing)
        hard.append(QStringLiteral("probe failed: %1").arg(m_probeDetail));
    const double elapsed =
        m_previous ? std::chrono::duration<double>(now - m_previousTime).count() : 0.0;
    notePeaks(stats.listeners);
    QStringList soft = m_signals.leadingSignals(stats, m_previous ? &*m_previous : nullptr, elapsed,
                                                host, &m_queuePeaks) +
                       windowed.soft;
    // (A wrong answer is confirmed, so it is in `hard` already as a failed probe.)
    if (const auto overdue = probeOverdue(now))
        soft.append(*overdue);
    m_queuePeaks.clear();
    m_previous = stats;
    m_previousTime = now;

    const Check check = !hard.isEmpty()   ? Check::Down
                        : !soft.isEmpty() ? Check::Degraded
                                          : Check::Healthy;
    const bool onlyAStaleProbeFailure = probeFailing && !probeFailureIsNew && hard.size() == 1;
    if (onlyAStaleProbeFailure) {
        if (m_verdict.health == ServiceHealth::Down && !m_verdict.starting)
            m_verdict.reasons = hard + soft;
        return false; // this check holds the streaks as they are
    }
    count(check);
    QStringList reasons = hard + soft;
    if (check == Check::Degraded)
        m_lastSoftReasons = soft;

    bool changed = false;
    switch (m_verdict.health) {
    case ServiceHealth::Healthy:
        if (m_downStreak >= m_config.fall)
            changed = moveTo(ServiceHealth::Down, reasons, now);
        else if (m_degradedOrWorseStreak >= m_config.fall)
            changed = moveTo(ServiceHealth::Degraded, reasons, now);
        break;
    case ServiceHealth::Degraded:
        if (m_downStreak >= m_config.fall)
            changed = moveTo(ServiceHealth::Down, reasons, now);
        else if (m_healthyStreak >= m_config.rise)
            changed = moveTo(ServiceHealth::Healthy, {}, now);
        else if (check == Check::Degraded)
            m_verdict.reasons = reasons;
        break;
    case ServiceHealth::Down:
        if (m_healthyStreak >= m_config.rise)
            changed = moveTo(ServiceHealth::Healthy, {}, now);
        else if (m_notDownStreak >= m_config.rise)
            // Recovery that included soft checks: say which leading signals kept it degraded.
            changed =
                moveTo(ServiceHealth::Degraded, soft.isEmpty() ? m_lastSoftReasons : soft, now);
        else if (m_verdict.starting && m_downStreak >= m_config.fall)
            changed = moveTo(ServiceHealth::Down, reasons, now); // starting is over: it is down
        else if (check == Check::Down && !m_verdict.starting)
            m_verdict.reasons = reasons;
        break;
    }
    m_verdict.pending = progress(check);
    if (!m_verdict.pending.isEmpty() && !reasons.isEmpty() && check != Check::Healthy &&
        m_verdict.health == ServiceHealth::Healthy)
        m_verdict.pending += QStringLiteral(": ") + reasons.join(QStringLiteral("; "));
    return changed;
}

bool HealthEngine::moveTo(ServiceHealth health, const QStringList &reasons, SteadyTime now)
{
    const bool changed = health != m_verdict.health || m_verdict.starting;
    m_verdict.health = health;
    m_verdict.reasons = reasons;
    m_verdict.starting = false;
    m_verdict.pending.clear();
    if (changed)
        m_verdict.since = now;
    return changed;
}

} // namespace anycast
