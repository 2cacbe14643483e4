#include "app/inventory/InventoryDiff.h"

#include <QSet>

namespace anycast {

InventoryDiff InventoryDiff::between(const QList<InventoryNode> &before,
                                     const QList<InventoryNode> &after)
{
    QSet<QString> beforeEndpoints;
    for (const InventoryNode &node : before)
        beforeEndpoints.insert(node.endpoint());
    QSet<QString> afterEndpoints;
    for (const InventoryNode &node : after)
        afterEndpoints.insert(node.endpoint());

    InventoryDiff diff;
    for (const InventoryNode &node : after)
        (beforeEndpoints.contains(node.endpoint()) ? diff.kept : diff.added).append(node);
    for (const InventoryNode &node : before) {
        if (!afterEndpoints.contains(node.endpoint()))
            diff.removed.append(node);
    }
    return diff;
}

} // namespace anycast
