#pragma once

#include "HealthStates.h"
#include "ServiceSocketStats.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <chrono>
#include <deque>

namespace anycast {

// One service at one full sample, as charts need it.
struct ServiceHistoryPoint
{
    QString health; // healthy | degraded | down | starting
    OperatorState operatorState = OperatorState::Active;
    ServiceSocketStats stats; // shares name and ports with the other points (Qt's COW)
};

struct HistoryPoint
{
    QDateTime time; // UTC
    QList<ServiceHistoryPoint> services;

    // The `sample` notification and each element of `history`.
    QJsonObject toJson() const;
};

// The last `span` of full samples: what a console that connects late backfills its charts
// with. Kept as values, not JSON, so an hour at 1 Hz stays around a megabyte per service.
class SampleHistory
{
public:
    explicit SampleHistory(std::chrono::milliseconds span);

    void append(HistoryPoint point);
    // Points no older than `span` before the newest one, oldest first.
    QList<HistoryPoint> last(std::chrono::milliseconds span) const;
    std::chrono::milliseconds span() const { return m_span; }
    qsizetype size() const { return static_cast<qsizetype>(m_points.size()); }

private:
    std::chrono::milliseconds m_span;
    std::deque<HistoryPoint> m_points;
};

} // namespace anycast
