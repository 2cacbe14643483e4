#include "app/session/FleetFeed.h"

#include "app/models/EventLog.h"
#include "app/models/FleetState.h"
#include "app/models/TimeSeriesStore.h"
#include "app/session/NodeSession.h"

namespace anycast {

FleetFeed::FleetFeed(FleetState *fleet, TimeSeriesStore *store, EventLog *events, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_store(store)
    , m_events(events)
{
    m_eventFlush.setSingleShot(true);
    m_eventFlush.setInterval(kEventBatchMs);
    connect(&m_eventFlush, &QTimer::timeout, this, &FleetFeed::flushEvents);
}

void FleetFeed::flushEvents()
{
    m_events->flush();
    // A gap waits for the events after it; it is looked at again.
    if (m_events->hasPending())
        m_eventFlush.start();
}

void FleetFeed::connectEvents(NodeSession *session, QList<QMetaObject::Connection> &connections)
{
    if (!m_events)
        return;
    // Named as the fleet knows the node when the events arrive (hello comes first).
    const auto origin = [this](const QString &endpoint) {
        const NodeSnapshot *node = m_fleet->node(endpoint);
        return node ? EventOrigin{endpoint, node->name(), node->region()}
                    : EventOrigin{endpoint, endpoint, {}};
    };
    const auto later = [this] {
        if (!m_eventFlush.isActive())
            m_eventFlush.start();
    };
    connections += {
        connect(session, &NodeSession::eventsReceived, this,
                [this, origin, later](const QString &node, const QList<AgentEvent> &events) {
                    m_events->add(origin(node), events);
                    later();
                }),
        connect(session, &NodeSession::agentRestarted, this,
                [this, origin, later](const QString &node) {
                    m_events->addRestart(origin(node));
                    later();
                }),
        connect(session, &NodeSession::eventsLost, this,
                [this, origin, later](const QString &node, quint64 first, quint64 last) {
                    m_events->addLost(origin(node), first, last);
                    later();
                }),
    };
}

void FleetFeed::add(NodeSession *session, const QString &label)
{
    const QString endpoint = session->endpoint();
    remove(endpoint);
    m_fleet->addNode(endpoint, label);
    m_fleet->setLink(endpoint, session->link());
    if (session->hello()) {
        m_fleet->setHello(endpoint, *session->hello());
        m_store->setRegion(endpoint, session->hello()->region);
    }
    m_connections[endpoint] = {
        connect(session, &NodeSession::linkChanged, m_fleet, &FleetState::setLink),
        connect(session, &NodeSession::helloReceived, m_fleet,
                [this](const QString &node, const HelloReply &hello) {
                    m_store->setRegion(node, hello.region);
                    m_fleet->setHello(node, hello);
                }),
        connect(session, &NodeSession::statusReceived, m_fleet, &FleetState::setStatus),
        connect(session, &NodeSession::sampleReceived, m_fleet,
                [this](const QString &node, const SamplePoint &sample) {
                    m_fleet->addSamples(node, {sample});
                }),
        connect(session, &NodeSession::seriesReceived, m_fleet,
                [this](const QString &node, const QList<SamplePoint> &samples) {
                    m_store->add(node, samples);
                }),
        connect(session, &NodeSession::olderSeriesReceived, m_fleet,
                [this](const QString &node, const QList<SamplePoint> &samples) {
                    m_store->addOlder(node, samples);
                }),
        connect(session, &NodeSession::seriesCoverageChanged, m_fleet,
                [this](const QString &node, const QDateTime &since) {
                    m_store->setCoveredSince(node, since);
                }),
    };
    connectEvents(session, m_connections[endpoint]);
}

void FleetFeed::remove(const QString &endpoint)
{
    const auto connections = m_connections.take(endpoint);
    if (connections.isEmpty())
        return;
    for (const auto &connection : connections)
        disconnect(connection);
    m_fleet->removeNode(endpoint);
    m_store->removeNode(endpoint);
    if (m_events)
        m_events->removeNode(endpoint);
}

} // namespace anycast
