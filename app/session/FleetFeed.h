#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

namespace anycast {

class FleetState;
class NodeSession;
class TimeSeriesStore;

// Plugs node sessions into what the views read: the fleet's state (hello, status, samples,
// link) and the charts' store (samples, region). One feed for the whole fleet; sessions come
// and go with the inventory.
class FleetFeed final : public QObject
{
    Q_OBJECT

public:
    FleetFeed(FleetState *fleet, TimeSeriesStore *store, QObject *parent = nullptr);

    // The session's endpoint joins the fleet now (as "connecting" until it says more);
    // `label` names it for people until hello does.
    void add(NodeSession *session, const QString &label = {});
    // The endpoint left the inventory: its rows and series go.
    void remove(const QString &endpoint);

private:
    FleetState *m_fleet;
    TimeSeriesStore *m_store;
    QHash<QString, QList<QMetaObject::Connection>> m_connections;
};

} // namespace anycast
