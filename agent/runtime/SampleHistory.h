#pragma once

#include "common/protocol/SamplePoint.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <chrono>
#include <deque>

namespace anycast {

// The last `span` of full samples: what a console that connects late backfills its charts
// with. Kept as values, not JSON, so an hour at 1 Hz stays around a megabyte per service.
class SampleHistory
{
public:
    explicit SampleHistory(std::chrono::milliseconds span);

    void append(SamplePoint point);
    // Points no older than `span` before the newest one, oldest first.
    QList<SamplePoint> last(std::chrono::milliseconds span) const;
    std::chrono::milliseconds span() const { return m_span; }
    qsizetype size() const { return static_cast<qsizetype>(m_points.size()); }

private:
    std::chrono::milliseconds m_span;
    std::deque<SamplePoint> m_points;
};

} // namespace anycast
