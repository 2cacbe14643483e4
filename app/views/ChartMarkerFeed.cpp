#include "app/views/ChartMarkerFeed.h"

#include "app/models/EventLog.h"
#include "app/views/ChartMarker.h"
#include "app/views/ChartsPage.h"

#include <QDateTime>

#include <optional>

namespace anycast {

namespace {

constexpr qint64 kLongestWindowSeconds = 3600;

std::optional<ChartMarker::Kind> chartKind(const QString &kind)
{
    if (kind == QLatin1String("drain"))
        return ChartMarker::Kind::Drain;
    if (kind == QLatin1String("undrain"))
        return ChartMarker::Kind::Undrain;
    if (kind == QLatin1String("route"))
        return ChartMarker::Kind::Route;
    return std::nullopt;
}

} // namespace

ChartMarkerFeed::ChartMarkerFeed(const EventLog *events, ChartsPage *charts, Clock clock,
                                 QObject *parent)
    : QObject(parent)
    , m_events(events)
    , m_charts(charts)
    , m_clock(std::move(clock))
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(1000);
    connect(&m_coalesce, &QTimer::timeout, this, &ChartMarkerFeed::update);
    const auto schedule = [this] {
        if (!m_coalesce.isActive())
            m_coalesce.start();
    };
    connect(m_events, &EventLog::rowsInserted, this, schedule);
    connect(m_events, &EventLog::rowsRemoved, this, schedule);
}

void ChartMarkerFeed::update()
{
    m_coalesce.stop();
    const QDateTime now = m_clock();
    QList<ChartMarker> markers;
    for (const EventMarker &marker :
         m_events->markersBetween(now.addSecs(-kLongestWindowSeconds), now)) {
        if (const auto kind = chartKind(marker.kind))
            markers.append({marker.time, *kind, marker.label, marker.endpoint});
    }
    m_charts->setMarkers(markers);
}

} // namespace anycast
