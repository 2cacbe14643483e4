#include "SignalEvaluator.h"

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
                                            double elapsedSeconds, const HostCounters &host) const
{
    const HealthThresholds &limits = m_thresholds;
    QStringList reasons;

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

    const quint64 synRecv = current.states[TcpState::SynRecv];
    if (synRecv >= limits.synRecv)
        reasons.append(
            QStringLiteral("SYN_RECV %1 (threshold %2)").arg(synRecv).arg(limits.synRecv));
    const quint64 closeWait = current.states[TcpState::CloseWait];
    if (closeWait >= limits.closeWait) {
        reasons.append(
            QStringLiteral("CLOSE_WAIT %1 (threshold %2)").arg(closeWait).arg(limits.closeWait));
    }
    if (previous) {
        const double synGrowth =
            growthPerSecond(synRecv, previous->states[TcpState::SynRecv], elapsedSeconds);
        if (synGrowth >= limits.synRecvGrowthPerSecond)
            reasons.append(QStringLiteral("SYN_RECV growing %1").arg(rate(synGrowth)));
        const double closeWaitGrowth =
            growthPerSecond(closeWait, previous->states[TcpState::CloseWait], elapsedSeconds);
        if (closeWaitGrowth >= limits.closeWaitGrowthPerSecond)
            reasons.append(QStringLiteral("CLOSE_WAIT growing %1").arg(rate(closeWaitGrowth)));
    }

    const auto &rates = host.ratesPerSecond;
    const double drops = std::max(rates.value(QStringLiteral("TcpExt.ListenOverflows")),
                                  rates.value(QStringLiteral("TcpExt.ListenDrops")));
    if (drops >= limits.listenDropsPerSecond)
        reasons.append(QStringLiteral("listen queue drops %1 (host)").arg(rate(drops)));
    const double outSegments = rates.value(QStringLiteral("Tcp.OutSegs"));
    const double retransmitted = rates.value(QStringLiteral("Tcp.RetransSegs"));
    if (outSegments >= limits.retransmitMinSegmentsPerSecond && outSegments > 0) {
        const double ratio = retransmitted / outSegments;
        if (ratio >= limits.retransmitRatio) {
            reasons.append(QStringLiteral("retransmissions %1% of segments (host)")
                               .arg(QString::number(ratio * 100, 'f', 1)));
        }
    }
    return reasons;
}

} // namespace anycast
