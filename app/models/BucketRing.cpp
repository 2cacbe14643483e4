#include "app/models/BucketRing.h"

#include <cmath>

namespace anycast {

BucketRing::BucketRing(qint64 widthMs, int capacity)
    : m_widthMs(widthMs)
    , m_slots(static_cast<std::size_t>(capacity))
{}

void BucketRing::add(qint64 timeMs, const MetricValues &values)
{
    if (timeMs < 0)
        return;
    const qint64 index = timeMs / m_widthMs;
    if (m_newest >= 0 && index <= m_newest - capacity())
        return; // older than anything the ring still covers
    MetricBucket &slot = m_slots[static_cast<std::size_t>(index) % m_slots.size()];
    if (slot.index != index) {
        if (slot.index > index)
            return; // the slot already holds a newer bucket
        slot = MetricBucket{};
        slot.index = index;
    }
    for (std::size_t metric = 0; metric < values.size(); ++metric) {
        const float value = values[metric];
        if (std::isnan(value))
            continue;
        if (slot.count[metric] == std::numeric_limits<quint16>::max())
            continue; // a bucket of 65535 samples is as good a mean as it gets
        if (slot.count[metric] == 0) {
            slot.min[metric] = value;
            slot.max[metric] = value;
        } else {
            slot.min[metric] = std::min(slot.min[metric], value);
            slot.max[metric] = std::max(slot.max[metric], value);
        }
        slot.sum[metric] += value;
        ++slot.count[metric];
    }
    m_newest = std::max(m_newest, index);
}

const MetricBucket *BucketRing::at(qint64 index) const
{
    if (index < 0)
        return nullptr;
    const MetricBucket &slot = m_slots[static_cast<std::size_t>(index) % m_slots.size()];
    return slot.index == index ? &slot : nullptr;
}

} // namespace anycast
