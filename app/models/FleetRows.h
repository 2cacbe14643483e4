#pragma once

#include "app/models/KeyedTreeModel.h"
#include "app/models/NodeFacts.h"
#include "app/models/NodeSnapshot.h"
#include "app/models/PrefixCensus.h"
#include "app/models/RegionRollup.h"

#include <QCoreApplication>
#include <QList>

namespace anycast {

// The fleet tree's columns.
enum class FleetColumn
{
    Name,
    State, // the glyph's routing state and observation in words
    Health,
    Operator,
    Announcing,
    Bgp,
    Established,
    AcceptQueue,
    Connection,
    LastSample,
};

inline constexpr int kFleetColumnCount = 10;

// What each row of the fleet tree shows, computed from the fleet's snapshots: display text,
// tooltips and raw roles. Pure: the model only decides which rows to rebuild.
class FleetRows
{
    Q_DECLARE_TR_FUNCTIONS(FleetRows)

public:
    using Clock = NodeSnapshot::Clock;

    static QStringList headers();
    static QList<ModelCell> region(const QString &region, const RegionRollup &rollup,
                                   const QList<const NodeSnapshot *> &nodes,
                                   const PrefixCensus &census, Clock::time_point now);
    static QList<ModelCell> node(const NodeSnapshot &node, const NodeFacts &facts,
                                 const QStringList &sameNodeAs, const PrefixCensus &census,
                                 Clock::time_point now);
    static QList<ModelCell> service(const NodeSnapshot &node, const QString &service,
                                    const PrefixCensus &census, Clock::time_point now);
    // The services a node row has children for: status's, else hello's; sorted.
    static QStringList services(const NodeSnapshot &node);
};

} // namespace anycast
