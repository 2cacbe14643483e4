#include "SampleHistory.h"

#include <QJsonArray>

namespace anycast {

QJsonObject HistoryPoint::toJson() const
{
    QJsonArray serviceArray;
    for (const ServiceHistoryPoint &service : services) {
        QJsonObject object = service.stats.toJson();
        object.insert(QStringLiteral("health"), service.health);
        object.insert(QStringLiteral("operator_state"), operatorStateName(service.operatorState));
        serviceArray.append(object);
    }
    return {{QStringLiteral("time"), time.toString(Qt::ISODateWithMs)},
            {QStringLiteral("services"), serviceArray}};
}

SampleHistory::SampleHistory(std::chrono::milliseconds span)
    : m_span(span)
{}

void SampleHistory::append(HistoryPoint point)
{
    const QDateTime oldest = point.time.addMSecs(-m_span.count());
    m_points.push_back(std::move(point));
    while (!m_points.empty() && m_points.front().time < oldest)
        m_points.pop_front();
}

QList<HistoryPoint> SampleHistory::last(std::chrono::milliseconds span) const
{
    QList<HistoryPoint> result;
    if (m_points.empty())
        return result;
    const QDateTime oldest = m_points.back().time.addMSecs(-span.count());
    for (auto it = m_points.rbegin(); it != m_points.rend() && it->time >= oldest; ++it)
        result.prepend(*it);
    return result;
}

} // namespace anycast
