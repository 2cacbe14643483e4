#pragma once

#include "app/inventory/Inventory.h"

#include <QList>

namespace anycast {

// What changes when the inventory file changes, node by node (by endpoint): connections to
// kept nodes stay up, removed ones close, added ones open.
struct InventoryDiff
{
    QList<InventoryNode> added;   // in the new file's order
    QList<InventoryNode> removed; // in the old file's order
    QList<InventoryNode> kept;    // as the new file has them (their line may have moved)

    bool isEmpty() const { return added.isEmpty() && removed.isEmpty(); }

    static InventoryDiff between(const QList<InventoryNode> &before,
                                 const QList<InventoryNode> &after);
};

} // namespace anycast
