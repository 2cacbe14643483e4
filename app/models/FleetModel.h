#pragma once

#include "app/models/FleetRows.h"
#include "app/models/FleetState.h"
#include "app/models/KeyedTreeModel.h"

#include <QHash>
#include <QSet>
#include <QTimer>

#include <chrono>

namespace anycast {

// The fleet as a tree: region > node > service, with the columns of FleetColumn and the raw
// values of ModelRole. Updates from FleetState are coalesced (at most one rebuild per
// kFlushDelay) and rebuild only the nodes that changed and their regions; the tree then
// emits exactly the rows inserted, removed and changed. Ages and retry countdowns move on
// tick(), which the owner calls once a second.
class FleetModel final : public KeyedTreeModel
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kFlushDelay{100};
    // A connected node whose last sample is older than this gets its age moved by tick().
    static constexpr std::chrono::seconds kQuietAfter{2};

    explicit FleetModel(FleetState *fleet, QObject *parent = nullptr);

    // Applies every pending change now (tests; otherwise the flush timer does it).
    void flush();
    // Time moved on: "reconnecting in N s" and the age of quiet nodes' last sample.
    void tick();

private:
    void markNode(const QString &endpoint);
    void markRegion(const QString &region);
    void markCensusChanges();
    void schedule();
    void rebuildRegion(const QString &region);
    QList<ModelCell> regionCells(const QString &region, const QStringList &endpoints);
    QList<ModelCell> nodeCells(const QString &endpoint);
    void syncServices(Item *nodeItem, const NodeSnapshot &node);

    FleetState *m_fleet;
    QSet<QString> m_dirtyNodes;
    QSet<QString> m_dirtyRegions;
    QHash<QString, QString> m_shownRegion;         // endpoint -> the region row it is under
    QHash<QString, QStringList> m_shownDuplicates; // endpoint -> the same node elsewhere
    quint64 m_censusRevision = 0;
    PrefixCensus m_shownCensus;
    QTimer m_flushTimer;
};

} // namespace anycast
