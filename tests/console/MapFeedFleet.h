#pragma once

#include "tests/models/FleetBuilders.h"

#include <memory>

class QAbstractItemModel;

namespace anycast {
class FleetState;
}

namespace anycast::modeltest {

// A fleet fed by hand and the two models the map reads, behind a header that names neither
// model: the drawing's headers, which the map's tests include, cannot sit beside the models'
// in one file.
class MapFeedFleet
{
public:
    MapFeedFleet();
    ~MapFeedFleet();

    // Connected, with hello, status and a sample from `spec`.
    void connect(const QString &endpoint, const NodeSpec &spec);
    // New status and sample: routes, drains, health.
    void report(const QString &endpoint, const NodeSpec &spec);
    // Known to the inventory, never connected.
    void addUnconnected(const QString &endpoint, const QString &label);
    // Both models apply what is pending now.
    void flush();

    const FleetState *fleet() const;
    const QAbstractItemModel *prefixModel() const;
    const QAbstractItemModel *fleetModel() const;

private:
    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

} // namespace anycast::modeltest
