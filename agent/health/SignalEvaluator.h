#pragma once

#include "agent/health/HealthThresholds.h"
#include "common/SocketSample.h"

#include <QStringList>

#include <optional>

namespace anycast {

// Turns raw socket statistics into reasons, in plain words an engineer reads at 3 a.m.
// ("accept queue 91% of 4096 on :443"). Pure: no clock, no I/O.
//
// Host-wide counters are shared by every service on the node, so none of them is held
// against a service on its own: a listen drop counts only when this service's listeners show
// the cause, and retransmissions are judged from this service's own connections (tcp_info).
class SignalEvaluator
{
public:
    SignalEvaluator(QList<quint16> ports, HealthThresholds thresholds);

    // Hard signal: every configured port must have at least one listener.
    QStringList missingListeners(const QList<ListenerStats> &listeners) const;

    // Leading signals from one full sample, the previous one (for growth; null on the first)
    // and the seconds between them. `queuePeaks` holds the deepest each listener's accept
    // queue got since the previous sample (the fast path sees ten times more than the full
    // sample); null means the current sample's listeners.
    QStringList leadingSignals(const ServiceSocketStats &current,
                               const ServiceSocketStats *previous, double elapsedSeconds,
                               const HostCounters &host,
                               const QList<ListenerStats> *queuePeaks = nullptr) const;

    // Why a host-wide listen drop is this service's: a listener whose accept queue reached
    // (nearly) its backlog, or half-open connections piling up on its ports. Nullopt when its
    // own sockets show neither.
    std::optional<QString> listenDropEvidence(const ServiceSocketStats &current,
                                              const ServiceSocketStats *previous,
                                              const QList<ListenerStats> &queuePeaks) const;

private:
    void acceptQueueSignals(const ServiceSocketStats &current, QStringList &reasons) const;
    void stateSignals(const ServiceSocketStats &current, const ServiceSocketStats *previous,
                      double elapsedSeconds, QStringList &reasons) const;
    void listenDropSignal(const ServiceSocketStats &current, const ServiceSocketStats *previous,
                          const HostCounters &host, const QList<ListenerStats> &queuePeaks,
                          QStringList &reasons) const;
    void retransmissionSignal(const TcpInfoSummary &info, QStringList &reasons) const;

    QList<quint16> m_ports;
    HealthThresholds m_thresholds;
};

// A listener's queue at or within a tenth of its backlog: where the kernel starts dropping.
bool acceptQueueNearBacklog(quint32 depth, quint32 backlog);

// Half-open connections on a service's ports that grew at least this much between two checks
// mark it as the listener whose final ACKs the kernel drops (they stay in SYN_RECV and retry).
inline constexpr quint64 kSynRecvDropEvidenceGrowth = 4;

} // namespace anycast
