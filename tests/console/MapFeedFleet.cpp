#include "tests/console/MapFeedFleet.h"

#include "app/models/FleetModel.h"
#include "app/models/PrefixModel.h"
#include "tests/models/ModelTestSupport.h"

namespace anycast::modeltest {

struct MapFeedFleet::Parts
{
    TestFleet fleet;
    FleetModel fleetModel{&fleet.state};
    PrefixModel prefixModel{&fleet.state};
};

MapFeedFleet::MapFeedFleet()
    : m_parts(std::make_unique<Parts>())
{}

MapFeedFleet::~MapFeedFleet() = default;

void MapFeedFleet::connect(const QString &endpoint, const NodeSpec &spec)
{
    m_parts->fleet.connect(endpoint, spec);
}

void MapFeedFleet::report(const QString &endpoint, const NodeSpec &spec)
{
    m_parts->fleet.report(endpoint, spec);
}

void MapFeedFleet::addUnconnected(const QString &endpoint, const QString &label)
{
    m_parts->fleet.state.addNode(endpoint, label);
}

void MapFeedFleet::flush()
{
    m_parts->fleetModel.flush();
    m_parts->prefixModel.flush();
}

const FleetState *MapFeedFleet::fleet() const
{
    return &m_parts->fleet.state;
}

const QAbstractItemModel *MapFeedFleet::prefixModel() const
{
    return &m_parts->prefixModel;
}

const QAbstractItemModel *MapFeedFleet::fleetModel() const
{
    return &m_parts->fleetModel;
}

} // namespace anycast::modeltest
