#include "FleetFeed.h"

#include "NodeSession.h"
#include "models/FleetState.h"
#include "models/TimeSeriesStore.h"

namespace anycast {

FleetFeed::FleetFeed(FleetState *fleet, TimeSeriesStore *store, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_store(store)
{}

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
}

} // namespace anycast
