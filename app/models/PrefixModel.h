#pragma once

#include "app/models/FleetState.h"
#include "app/models/KeyedTreeModel.h"

#include <QTimer>

#include <chrono>

namespace anycast {

enum class PrefixColumn
{
    Name,        // prefix, region or node
    State,       // the route: announced, de-preferred, draining, withdrawn, unknown
    Announcing,  // "N of M announcing"
    Established, // ESTABLISHED connections of the services that hold the prefix
    Detail,      // per region tallies, or the agent's reason for a node's route
};

inline constexpr int kPrefixColumnCount = 5;

// Where each prefix is announced: prefix > region > node, from the fleet's prefix census
// (the same one the fleet tree's "N of M" reads). Region rows carry what the map draws: the
// region's best route (RoutingRole), whether redundancy is lost, "N of M", the mean
// location of its nodes and their ESTABLISHED count. A prefix's rows are rebuilt when its
// holders or their routes change (coalesced), and every prefix on tick() for ESTABLISHED
// (the map's owner calls it every few seconds); the tree emits only what changed.
class PrefixModel final : public KeyedTreeModel
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kFlushDelay{100};

    explicit PrefixModel(FleetState *fleet, QObject *parent = nullptr);

    void flush();
    void tick();

private:
    void schedule();
    QList<ModelCell> prefixCells(const QString &prefix) const;
    QList<ModelCell> regionCells(const QString &prefix, const QString &region) const;
    QList<ModelCell> nodeCells(const PrefixHolder &holder) const;
    void syncRegion(Item *regionItem, const QString &prefix, const QString &region);

    FleetState *m_fleet;
    QTimer m_flushTimer;
    quint64 m_censusRevision = ~quint64(0);
    PrefixCensus m_shownCensus;
    bool m_everything = true; // rebuild every prefix, not only those whose holders moved
};

} // namespace anycast
