#pragma once

#include "common/protocol/SamplePoint.h"

#include <array>
#include <cmath>
#include <limits>
#include <optional>

namespace anycast {

// What the charts draw, per node and service and sample.
enum class SeriesMetric
{
    Established,
    SynRecv,
    TimeWait,
    CloseWait,
    OtherStates,     // every other state but LISTEN
    AcceptQueueFill, // percent: the fullest listener's queue / backlog
    Retransmitting,  // sockets with unrecovered retransmissions at the sample
    RetransmitRate,  // retransmissions per second between two samples (a lower bound)
    ProbeLatency,    // ms, when the probe succeeded
    ProbeOk,         // 1 ok, 0 failed
};

inline constexpr int kSeriesMetricCount = 10;

// How a metric of several series (the services of a node, the nodes of a region) combines:
// counts and rates add up, a fill level takes the worst, a latency or success ratio averages.
enum class SeriesAggregation
{
    Sum,
    Max,
    Mean,
};

SeriesAggregation aggregationOf(SeriesMetric metric);

// One sample's values, NaN where the sample has nothing (no probe, no backlog known, no
// tcp_info, or no earlier sample for a rate).
using MetricValues = std::array<float, kSeriesMetricCount>;

inline constexpr float kNoValue = std::numeric_limits<float>::quiet_NaN();

// Turns a service's samples into MetricValues. Keeps the previous sample's lifetime
// retransmission total for the rate: rate = max(0, total - previous total) / seconds between
// them. The total sums tcpi_total_retrans over the service's sockets at each sample, so the
// retransmissions of a connection that closed in between are not in the newer total: the
// rate is a lower bound, and a drop (more closed than retransmitted) counts as 0, never as a
// negative rate.
class MetricExtractor
{
public:
    MetricValues operator()(const QDateTime &time, const ServiceSample &sample);

private:
    std::optional<std::pair<qint64, quint64>> m_previous; // time in ms, total retransmits
};

} // namespace anycast
