#pragma once

#include "AgentTransport.h"
#include "Inventory.h"

#include <QLabel>
#include <QTimer>

#include <map>

namespace anycast {

// One line per inventory node with its connection state, enough to see the transport work
// until the fleet tree (over FleetModel) replaces it.
class ConnectionListWidget final : public QLabel
{
    Q_OBJECT

public:
    explicit ConnectionListWidget(QWidget *parent = nullptr);

    void addNode(const InventoryNode &node, AgentTransport *transport);
    void removeNode(const InventoryNode &node);

private:
    void refresh();

    std::map<QString, std::pair<QString, AgentTransport *>> m_nodes; // endpoint -> name
    QTimer m_tick;
};

} // namespace anycast
