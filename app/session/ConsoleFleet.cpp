#include "app/session/ConsoleFleet.h"

#include "app/session/TransportBinding.h"
#include "app/transport/FleetConnections.h"
#include "app/transport/LocalTransport.h"

namespace anycast {

struct ConsoleFleet::Member
{
    std::unique_ptr<AgentTransport> ownTransport; // local agents named directly
    std::unique_ptr<NodeSession> session;
    std::unique_ptr<TransportBinding> binding;

    ~Member()
    {
        // The binding goes first: it leaves the session and the transport alone afterwards.
        binding.reset();
        if (ownTransport)
            ownTransport->stop();
    }
};

ConsoleFleet::ConsoleFleet(QObject *parent)
    : ConsoleFleet(NodeSession::Timings{}, parent)
{}

ConsoleFleet::ConsoleFleet(NodeSession::Timings timings, QObject *parent)
    : QObject(parent)
    , m_timings(timings)
{}

ConsoleFleet::~ConsoleFleet()
{
    const QStringList endpoints = m_members.keys();
    for (const QString &endpoint : endpoints)
        remove(endpoint);
}

NodeSession *ConsoleFleet::session(const QString &endpoint) const
{
    const auto member = m_members.value(endpoint);
    return member ? member->session.get() : nullptr;
}

void ConsoleFleet::follow(FleetConnections *connections)
{
    connect(connections, &FleetConnections::nodeAdded, this,
            [this](const InventoryNode &node, AgentTransport *transport) {
                add(node.endpoint(), node.displayName(), transport);
            });
    connect(connections, &FleetConnections::nodeRemoved, this,
            [this](const InventoryNode &node) { remove(node.endpoint()); });
    for (const InventoryNode &node : connections->nodes())
        add(node.endpoint(), node.displayName(), connections->transport(node.endpoint()));
}

void ConsoleFleet::add(const QString &endpoint, const QString &label, AgentTransport *transport)
{
    remove(endpoint);
    auto member = std::make_shared<Member>();
    member->session = std::make_unique<NodeSession>(endpoint, m_timings);
    member->session->setBackfillQueue(&m_backfills);
    m_feed.add(member->session.get(), label);
    member->binding = std::make_unique<TransportBinding>(transport, member->session.get());
    m_members.insert(endpoint, member);
}

void ConsoleFleet::addLocalAgent(const QString &socketPath)
{
    auto transport = std::make_unique<LocalTransport>(socketPath);
    AgentTransport *stream = transport.get();
    const QString endpoint = QStringLiteral("local:") + socketPath;
    add(endpoint, QStringLiteral("local %1").arg(socketPath), stream);
    m_members.value(endpoint)->ownTransport = std::move(transport);
    stream->start();
}

void ConsoleFleet::remove(const QString &endpoint)
{
    const auto member = m_members.take(endpoint);
    if (!member)
        return;
    m_feed.remove(endpoint);
}

void ConsoleFleet::ensureHistory(const QStringList &endpoints, std::chrono::seconds back)
{
    for (const QString &endpoint : endpoints) {
        if (NodeSession *member = session(endpoint))
            member->ensureHistory(back);
    }
}

} // namespace anycast
