#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

class QDateTime;

namespace anycast {

class ChartsPage;
class EventLog;

// Keeps the charts' time-axis markers in step with the event log: the drains, undrains and
// route changes of the last hour (the longest chart window), handed over whole whenever the
// log gains rows, at most once a second. The charts pick those of the nodes they show.
class ChartMarkerFeed final : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    ChartMarkerFeed(const EventLog *events, ChartsPage *charts, Clock clock,
                    QObject *parent = nullptr);

    // Hands the markers over now (before a picture).
    void update();

private:
    const EventLog *m_events;
    ChartsPage *m_charts;
    Clock m_clock;
    QTimer m_coalesce;
};

} // namespace anycast
