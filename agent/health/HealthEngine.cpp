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

} // namespace

bool HealthEngine::onConnections(const ConnectionActivity &activity, SteadyTime now)
{
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
    const auto unansweredAge = static_cast<quint32>(limits.unansweredAge.count());
    const quint64 unanswered = activity.unansweredFor(unansweredAge);
    if (limits.unansweredConnections > 0 && unanswered >= limits.unansweredConnections &&
        now - m_lastAnswerProgress >= limits.unansweredAge) {
        m_connectionReasons.append(
            QStringLiteral("%1 request%2 read and not answered for %3 s or more, none answered "
                           "meanwhile (longest %4 s)")
                .arg(unanswered)
                .arg(unanswered == 1 ? QString() : QStringLiteral("s"))
                .arg(seconds(unansweredAge), seconds(activity.unansweredAgesMs.first())));
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
    // Not a socket signal, so not in windowedSignals(): the checks report the probe failure.
    if (!m_wrongAnswer.isEmpty())
        windowed.soft.append(m_wrongAnswer);
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
    const QStringList soft = m_signals.leadingSignals(stats, m_previous ? &*m_previous : nullptr,
                                                      elapsed, host, &m_queuePeaks) +
                             windowed.soft;
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
