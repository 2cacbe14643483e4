#pragma once

#include "app/models/EventLog.h"
#include "app/models/FleetState.h"
#include "app/models/TimeSeriesStore.h"
#include "app/session/BackfillQueue.h"
#include "app/session/FleetFeed.h"
#include "app/session/NodeSession.h"

#include <QHash>
#include <QObject>

#include <chrono>
#include <memory>

namespace anycast {

class AgentTransport;
class FleetConnections;
class TransportBinding;
struct InventoryNode;

// The console's fleet in one place: the state the trees read, the charts' store, the event
// log, and per node a session bound to the transport that keeps its stream open. The
// transports come from the inventory (FleetConnections) or, for agents on this machine named
// directly (the benchmark, tests), from a LocalTransport owned here.
class ConsoleFleet final : public QObject
{
    Q_OBJECT

public:
    explicit ConsoleFleet(QObject *parent = nullptr);
    ConsoleFleet(NodeSession::Timings timings, QObject *parent = nullptr);
    ~ConsoleFleet() override;

    FleetState *state() { return &m_state; }
    TimeSeriesStore *store() { return &m_store; }
    // Every node's events merged by time, with the gaps where some may be missing.
    EventLog *events() { return &m_events; }
    // Null for an endpoint not in the fleet.
    NodeSession *session(const QString &endpoint) const;

    // Every node `connections` adds or removes (now and later) joins or leaves the fleet.
    void follow(FleetConnections *connections);
    // A node whose stream `transport` keeps (not owned: it may go before remove()).
    void add(const QString &endpoint, const QString &label, AgentTransport *transport);
    // Starts a transport of its own to the agent listening on `socketPath`; the endpoint is
    // "local:<socketPath>", as the inventory names such a node.
    void addLocalAgent(const QString &socketPath);
    void remove(const QString &endpoint);
    // A view is about to show these nodes `back` into the past: their older backfills go
    // ahead of the background ones. The store's coveredSince() moves back once each is in.
    // Unknown endpoints are ignored; an empty list asks for nothing.
    void ensureHistory(const QStringList &endpoints, std::chrono::seconds back);

private:
    struct Member;

    NodeSession::Timings m_timings;
    FleetState m_state;
    TimeSeriesStore m_store;
    EventLog m_events;
    FleetFeed m_feed{&m_state, &m_store, &m_events};
    BackfillQueue m_backfills;
    QHash<QString, std::shared_ptr<Member>> m_members;
};

} // namespace anycast
