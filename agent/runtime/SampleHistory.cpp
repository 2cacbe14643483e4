#include "agent/runtime/SampleHistory.h"

namespace anycast {

SampleHistory::SampleHistory(std::chrono::milliseconds span)
    : m_span(span)
{}

void SampleHistory::append(SamplePoint point)
{
    const QDateTime oldest = point.time.addMSecs(-m_span.count());
    m_points.push_back(std::move(point));
    while (!m_points.empty() && m_points.front().time < oldest)
        m_points.pop_front();
}

QList<SamplePoint> SampleHistory::last(std::chrono::milliseconds span) const
{
    QList<SamplePoint> result;
    if (m_points.empty())
        return result;
    const QDateTime oldest = m_points.back().time.addMSecs(-span.count());
    for (auto it = m_points.rbegin(); it != m_points.rend() && it->time >= oldest; ++it)
        result.prepend(*it);
    return result;
}

} // namespace anycast
