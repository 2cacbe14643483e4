#include "app/transport/FleetConnections.h"

#include "app/transport/TransportFactory.h"

namespace anycast {

FleetConnections::FleetConnections(SshNetwork &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

FleetConnections::~FleetConnections() = default;

void FleetConnections::apply(const InventoryDiff &diff)
{
    for (const InventoryNode &node : diff.removed) {
        const auto found = m_entries.find(node.endpoint());
        if (found == m_entries.end())
            continue;
        found->second.transport->stop();
        m_entries.erase(found);
        emit nodeRemoved(node);
    }
    for (const InventoryNode &node : diff.kept) {
        if (const auto found = m_entries.find(node.endpoint()); found != m_entries.end())
            found->second.node = node;
    }
    for (const InventoryNode &node : diff.added) {
        if (m_entries.contains(node.endpoint()))
            continue;
        Entry entry{node, makeTransport(node, m_network)};
        AgentTransport *transport = entry.transport.get();
        m_entries.emplace(node.endpoint(), std::move(entry));
        emit nodeAdded(node, transport);
        transport->start();
    }
}

AgentTransport *FleetConnections::transport(const QString &endpoint) const
{
    const auto found = m_entries.find(endpoint);
    return found == m_entries.end() ? nullptr : found->second.transport.get();
}

QList<InventoryNode> FleetConnections::nodes() const
{
    QList<InventoryNode> nodes;
    for (const auto &[endpoint, entry] : m_entries)
        nodes.append(entry.node);
    return nodes;
}

} // namespace anycast
