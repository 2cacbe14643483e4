#pragma once

#include "app/models/SeriesMetrics.h"

#include <QtGlobal>

#include <array>
#include <vector>

namespace anycast {

// Min, max and mean of each metric over one time bucket.
struct MetricBucket
{
    qint64 index = -1; // bucket number: time in ms / width; -1 = empty slot
    std::array<float, kSeriesMetricCount> min{};
    std::array<float, kSeriesMetricCount> max{};
    std::array<float, kSeriesMetricCount> sum{};
    std::array<quint16, kSeriesMetricCount> count{};

    bool has(int metric) const { return count[static_cast<std::size_t>(metric)] > 0; }
    float mean(int metric) const
    {
        return sum[static_cast<std::size_t>(metric)] / count[static_cast<std::size_t>(metric)];
    }
};

// A fixed number of time-aligned buckets of one width: the last `capacity` buckets of a
// series, allocated once. Buckets are aligned on multiples of the width since the epoch, so
// the buckets of different nodes line up and can be summed. A value lands in its bucket
// whatever the order of arrival, as long as the bucket is still within reach; older ones
// are dropped.
class BucketRing
{
public:
    BucketRing(qint64 widthMs, int capacity);

    void add(qint64 timeMs, const MetricValues &values);
    qint64 widthMs() const { return m_widthMs; }
    int capacity() const { return static_cast<int>(m_slots.size()); }
    // The newest bucket number holding data, or -1.
    qint64 newest() const { return m_newest; }
    // The bucket with this number, or null when it holds no data (or has been overwritten).
    const MetricBucket *at(qint64 index) const;
    std::size_t bytes() const { return m_slots.capacity() * sizeof(MetricBucket); }

private:
    qint64 m_widthMs;
    std::vector<MetricBucket> m_slots;
    qint64 m_newest = -1;
};

} // namespace anycast
