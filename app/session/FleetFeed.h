#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace anycast {

class EventLog;
class FleetState;
class NodeSession;
class TimeSeriesStore;

// Plugs node sessions into what the views read: the fleet's state (hello, status, samples,
// link), the charts' store (samples, region) and the event log (events and the gaps between
// them, flushed a moment after they arrive so that a burst lands as one batch). One feed for
// the whole fleet; sessions come and go with the inventory.
class FleetFeed final : public QObject
{
    Q_OBJECT

public:
    // `events` may be null: no event log is kept.
    FleetFeed(FleetState *fleet, TimeSeriesStore *store, EventLog *events = nullptr,
              QObject *parent = nullptr);

    // The session's endpoint joins the fleet now (as "connecting" until it says more);
    // `label` names it for people until hello does.
    void add(NodeSession *session, const QString &label = {});
    // The endpoint left the inventory: its rows and series go.
    void remove(const QString &endpoint);

    // How long events wait in the log's inbox before they join it.
    static constexpr int kEventBatchMs = 250;

private:
    void connectEvents(NodeSession *session, QList<QMetaObject::Connection> &connections);
    void flushEvents();

    FleetState *m_fleet;
    TimeSeriesStore *m_store;
    EventLog *m_events;
    QTimer m_eventFlush;
    QHash<QString, QList<QMetaObject::Connection>> m_connections;
};

} // namespace anycast
