#pragma once

#include "app/models/TimeSeriesStore.h"

#include <QCoreApplication>
#include <QString>

namespace anycast {

class EventLog;

// What the console knew of one node at one moment on its charts, in words: the bucket's
// socket states, accept-queue fill, retransmission rate and probe latency (as the chart
// drew them, at the chart's resolution), and the node's last events up to that moment.
// The answer to a click on a chart; pure, read from the store and the log.
class NodeMoment
{
    Q_DECLARE_TR_FUNCTIONS(NodeMoment)

public:
    static constexpr int kEventsShown = 6;

    // `name` is how the node is called (its agent's name); `events` may be null.
    static QString describe(const TimeSeriesStore &store, const EventLog *events,
                            const QString &endpoint, const QString &name, SeriesWindow window,
                            qint64 timeMs);
};

} // namespace anycast
