#pragma once

#include "agent/metrics/MetricsSnapshot.h"

#include <QByteArray>

namespace anycast {

// The Content-Type of the Prometheus text exposition format that renderMetrics() writes.
inline const QByteArray kMetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

// The snapshot in the Prometheus text format (version 0.0.4), every metric named anycast_*.
QByteArray renderMetrics(const MetricsSnapshot &snapshot);

} // namespace anycast
