#include "agent/health/SignalEvaluator.h"

#include <algorithm>

namespace anycast {
namespace {

QString rate(double perSecond)
{
    return QString::number(perSecond, 'f', perSecond < 10 ? 1 : 0) + QStringLiteral("/s");
}

double growthPerSecond(quint64 now, quint64 before, double elapsedSeconds)
{
    if (elapsedSeconds <= 0 || now <= before)
        return 0;
    return static_cast<double>(now - before) / elapsedSeconds;
}

} // namespace

bool acceptQueueNearBacklog(quint32 depth, quint32 backlog)
{
    return backlog > 0 && depth >= backlog - backlog / 10;
}

SignalEvaluator::SignalEvaluator(QList<quint16> ports, HealthThresholds thresholds)
    : m_ports(std::move(ports))
    , m_thresholds(thresholds)
{}

QStringList SignalEvaluator::missingListeners(const QList<ListenerStats> &listeners) const
{
    QStringList reasons;
    for (const quint16 port : m_ports) {
        const bool listening =
            std::any_of(listeners.begin(), listeners.end(),
                        [port](const ListenerStats &l) { return l.port == port; });
        if (!listening)
            reasons.append(QStringLiteral("no listener on :%1").arg(port));
    }
    return reasons;
}

QStringList SignalEvaluator::leadingSignals(const ServiceSocketStats &current,
                                            const ServiceSocketStats *previous,
                                            double elapsedSeconds, const HostCounters &host,
                                            const QList<ListenerStats> *queuePeaks) const
{
    QStringList reasons;
    acceptQueueSignals(current, reasons);
    stateSignals(current, previous, elapsedSeconds, reasons);
    listenDropSignal(current, previous, host, queuePeaks ? *queuePeaks : current.listeners,
                     reasons);
    retransmissionSignal(current.tcpInfo, reasons);
    return reasons;
}

void SignalEvaluator::acceptQueueSignals(const ServiceSocketStats &current,
                                         QStringList &reasons) const
{
    const HealthThresholds &limits = m_thresholds;
    for (const ListenerStats &listener : current.listeners) {
        if (listener.backlog && *listener.backlog > 0) {
            const double fill = static_cast<double>(listener.acceptQueue) / *listener.backlog;
            if (fill >= limits.acceptQueueRatio) {
                reasons.append(QStringLiteral("accept queue %1% of %2 on :%3")
                                   .arg(qRound(fill * 100))
                                   .arg(*listener.backlog)
                                   .arg(listener.port));
                continue;
            }
        }
        if (limits.acceptQueueDepth > 0 && listener.acceptQueue >= limits.acceptQueueDepth) {
            reasons.append(QStringLiteral("accept queue %1 waiting on :%2")
                               .arg(listener.acceptQueue)
                               .arg(listener.port));
        }
    }
}

void SignalEvaluator::stateSignals(const ServiceSocketStats &current,
                                   const ServiceSocketStats *previous, double elapsedSeconds,
                                   QStringList &reasons) const
{
    const HealthThresholds &limits = m_thresholds;
    const quint64 synRecv = current.states[TcpState::SynRecv];
    if (synRecv >= limits.synRecv)
        reasons.append(
            QStringLiteral("SYN_RECV %1 (threshold %2)").arg(synRecv).arg(limits.synRecv));
    const quint64 closeWait = current.states[TcpState::CloseWait];
    if (closeWait >= limits.closeWait) {
        reasons.append(
            QStringLiteral("CLOSE_WAIT %1 (threshold %2)").arg(closeWait).arg(limits.closeWait));
    }
    if (!previous)
        return;
    const double synGrowth =
        growthPerSecond(synRecv, previous->states[TcpState::SynRecv], elapsedSeconds);
    if (synGrowth >= limits.synRecvGrowthPerSecond)
        reasons.append(QStringLiteral("SYN_RECV growing %1").arg(rate(synGrowth)));
    const double closeWaitGrowth =
        growthPerSecond(closeWait, previous->states[TcpState::CloseWait], elapsedSeconds);
    if (closeWaitGrowth >= limits.closeWaitGrowthPerSecond)
        reasons.append(QStringLiteral("CLOSE_WAIT growing %1").arg(rate(closeWaitGrowth)));
}

std::optional<QString>
SignalEvaluator::listenDropEvidence(const ServiceSocketStats &current,
                                    const ServiceSocketStats *previous,
                                    const QList<ListenerStats> &queuePeaks) const
{
    for (const ListenerStats &listener : queuePeaks) {
        if (listener.backlog && *listener.backlog > 0) {
            if (acceptQueueNearBacklog(listener.acceptQueue, *listener.backlog)) {
                return QStringLiteral("accept queue reached %1 of %2 on :%3")
                    .arg(listener.acceptQueue)
                    .arg(*listener.backlog)
                    .arg(listener.port);
            }
        } else if (m_thresholds.acceptQueueDepth > 0 &&
                   listener.acceptQueue >= m_thresholds.acceptQueueDepth) {
            // No backlog known (the /proc fallback): the configured depth stands in for it.
            return QStringLiteral("accept queue reached %1 on :%2")
                .arg(listener.acceptQueue)
                .arg(listener.port);
        }
    }
    if (previous) {
        const quint64 now = current.states[TcpState::SynRecv];
        const quint64 before = previous->states[TcpState::SynRecv];
        if (now >= before + kSynRecvDropEvidenceGrowth)
            return QStringLiteral("SYN_RECV up from %1 to %2").arg(before).arg(now);
    }
    return std::nullopt;
}

void SignalEvaluator::listenDropSignal(const ServiceSocketStats &current,
                                       const ServiceSocketStats *previous, const HostCounters &host,
                                       const QList<ListenerStats> &queuePeaks,
                                       QStringList &reasons) const
{
    const auto &rates = host.ratesPerSecond;
    const double drops = std::max(rates.value(QStringLiteral("TcpExt.ListenOverflows")),
                                  rates.value(QStringLiteral("TcpExt.ListenDrops")));
    if (drops < m_thresholds.listenDropsPerSecond)
        return;
    // Another daemon's overflowing listener, a scraper or a test client must not de-prefer
    // this service's prefixes: the counter is the host's, the evidence has to be ours.
    if (const auto evidence = listenDropEvidence(current, previous, queuePeaks)) {
        reasons.append(QStringLiteral("listen queue drops %1 (host), this service's: %2")
                           .arg(rate(drops), *evidence));
    }
}

void SignalEvaluator::retransmissionSignal(const TcpInfoSummary &info, QStringList &reasons) const
{
    // The share of this service's in-flight segments that are retransmissions, right now:
    // its own connections' tcp_info, so a neighbour's lossy bulk transfer does not count.
    if (!info.available || info.unacked == 0 || info.unacked < m_thresholds.retransmitMinInFlight)
        return;
    const double ratio =
        static_cast<double>(info.retransmittedInFlight) / static_cast<double>(info.unacked);
    if (ratio < m_thresholds.retransmitRatio)
        return;
    reasons.append(QStringLiteral("retransmissions %1% of %2 segments in flight (tcp_info of %3 "
                                  "connections)")
                       .arg(QString::number(ratio * 100, 'f', 1))
                       .arg(info.unacked)
                       .arg(info.sockets));
}

} // namespace anycast
