#pragma once

#include "HealthThresholds.h"
#include "SocketSample.h"

#include <QStringList>

namespace anycast {

// Turns raw socket statistics into reasons, in plain words an engineer reads at 3 a.m.
// ("accept queue 91% of 4096 on :443"). Pure: no clock, no I/O.
class SignalEvaluator
{
public:
    SignalEvaluator(QList<quint16> ports, HealthThresholds thresholds);

    // Hard signal: every configured port must have at least one listener.
    QStringList missingListeners(const QList<ListenerStats> &listeners) const;

    // Leading signals from one full sample, the previous one (for growth; null on the first)
    // and the seconds between them.
    QStringList leadingSignals(const ServiceSocketStats &current,
                               const ServiceSocketStats *previous, double elapsedSeconds,
                               const HostCounters &host) const;

private:
    QList<quint16> m_ports;
    HealthThresholds m_thresholds;
};

} // namespace anycast
