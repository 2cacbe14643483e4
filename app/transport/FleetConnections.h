#pragma once

#include "app/inventory/Inventory.h"
#include "app/inventory/InventoryDiff.h"
#include "app/transport/AgentTransport.h"

#include <QObject>

#include <map>
#include <memory>

namespace anycast {

class SshNetwork;

// One started transport per inventory node, kept in step with the inventory: a diff opens
// the added nodes and closes the removed ones; kept nodes keep their connection.
class FleetConnections final : public QObject
{
    Q_OBJECT

public:
    explicit FleetConnections(SshNetwork &network, QObject *parent = nullptr);
    ~FleetConnections() override;

    void apply(const InventoryDiff &diff);
    // By InventoryNode::endpoint(); null if the node is not in the inventory.
    AgentTransport *transport(const QString &endpoint) const;
    QList<InventoryNode> nodes() const;

signals:
    void nodeAdded(const anycast::InventoryNode &node, anycast::AgentTransport *transport);
    void nodeRemoved(const anycast::InventoryNode &node);

private:
    struct Entry
    {
        InventoryNode node;
        std::unique_ptr<AgentTransport> transport;
    };

    SshNetwork &m_network;
    std::map<QString, Entry> m_entries;
};

} // namespace anycast
