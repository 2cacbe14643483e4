#include "app/models/FleetModel.h"

namespace anycast {

FleetModel::FleetModel(FleetState *fleet, QObject *parent)
    : KeyedTreeModel(FleetRows::headers(), parent)
    , m_fleet(fleet)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushDelay);
    connect(&m_flushTimer, &QTimer::timeout, this, &FleetModel::flush);
    connect(fleet, &FleetState::nodeAdded, this, &FleetModel::markNode);
    connect(fleet, &FleetState::nodeChanged, this,
            [this](const QString &endpoint) { markNode(endpoint); });
    connect(fleet, &FleetState::nodeRemoved, this,
            [this](const QString &endpoint, const QString &region) {
                m_dirtyNodes.remove(endpoint);
                markRegion(region);
                markRegion(m_shownRegion.take(endpoint));
                for (const QString &other : m_shownDuplicates.take(endpoint))
                    markNode(other);
            });
    for (const QString &endpoint : fleet->endpoints())
        markNode(endpoint);
}

void FleetModel::schedule()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void FleetModel::markNode(const QString &endpoint)
{
    m_dirtyNodes.insert(endpoint);
    schedule();
}

void FleetModel::markRegion(const QString &region)
{
    m_dirtyRegions.insert(region);
    schedule();
}

void FleetModel::tick()
{
    // A node that samples every second is rebuilt by its samples; the clock only moves what
    // nothing else does: countdowns, and the age of nodes gone quiet.
    const auto now = m_fleet->now();
    for (const QString &endpoint : m_fleet->endpoints()) {
        const NodeSnapshot *node = m_fleet->node(endpoint);
        if (!node->link.isConnected() || !node->lastSampleAt ||
            now - *node->lastSampleAt > kQuietAfter)
            m_dirtyNodes.insert(endpoint);
    }
    schedule();
}

void FleetModel::markCensusChanges()
{
    const PrefixCensus &census = m_fleet->census();
    if (census == m_shownCensus)
        return;
    // "N of M" is on every row that holds a prefix: when a prefix's fleet-wide count moves,
    // every holder's rows are rebuilt (the diff keeps the signals to what really changed).
    // A route that changes state but not the count only changes its own node's rows.
    const QStringList shown = m_shownCensus.prefixes();
    QSet<QString> prefixes(shown.begin(), shown.end());
    for (const QString &prefix : census.prefixes())
        prefixes.insert(prefix);
    for (const QString &prefix : std::as_const(prefixes)) {
        const PrefixTally before = m_shownCensus.tally(prefix);
        const PrefixTally after = census.tally(prefix);
        if (before.announcing() == after.announcing() && before.total == after.total &&
            before.unknown() == after.unknown())
            continue;
        for (const PrefixCensus *side :
             {static_cast<const PrefixCensus *>(&m_shownCensus), &census}) {
            for (const PrefixHolder &holder : side->holders(prefix))
                m_dirtyNodes.insert(holder.endpoint);
        }
    }
    m_shownCensus = census;
}

void FleetModel::flush()
{
    m_flushTimer.stop();
    if (m_fleet->censusRevision() != m_censusRevision) {
        m_censusRevision = m_fleet->censusRevision();
        markCensusChanges();
    }
    // A node that joins or leaves a pair of endpoints reaching one agent changes the flag
    // on the other one's row too.
    const QSet<QString> changed = m_dirtyNodes;
    for (const QString &endpoint : changed) {
        for (const QString &other : m_fleet->sameNodeAs(endpoint))
            m_dirtyNodes.insert(other);
        for (const QString &other : m_shownDuplicates.value(endpoint))
            m_dirtyNodes.insert(other);
    }
    for (const QString &endpoint : std::as_const(m_dirtyNodes)) {
        const NodeSnapshot *node = m_fleet->node(endpoint);
        if (!node)
            continue;
        const QString region = node->region();
        m_dirtyRegions.insert(region);
        const auto shown = m_shownRegion.constFind(endpoint);
        if (shown != m_shownRegion.cend() && *shown != region)
            m_dirtyRegions.insert(*shown);
    }
    syncChildren(root(), m_fleet->regions(), [this](const QString &region) {
        return regionCells(region, m_fleet->endpointsIn(region));
    });
    for (const QString &region : std::as_const(m_dirtyRegions)) {
        if (child(root(), region))
            rebuildRegion(region);
    }
    m_dirtyNodes.clear();
    m_dirtyRegions.clear();
}

QList<ModelCell> FleetModel::regionCells(const QString &region, const QStringList &endpoints)
{
    QList<const NodeSnapshot *> nodes;
    for (const QString &endpoint : endpoints)
        nodes.append(m_fleet->node(endpoint));
    return FleetRows::region(region, RegionRollup::of(m_fleet->factsIn(region)), nodes,
                             m_fleet->census(), m_fleet->now());
}

QList<ModelCell> FleetModel::nodeCells(const QString &endpoint)
{
    QStringList duplicates = m_fleet->sameNodeAs(endpoint);
    m_shownDuplicates.insert(endpoint, duplicates);
    return FleetRows::node(*m_fleet->node(endpoint), *m_fleet->facts(endpoint), duplicates,
                           m_fleet->census(), m_fleet->now());
}

void FleetModel::syncServices(Item *nodeItem, const NodeSnapshot &node)
{
    const auto make = [&](const QString &service) {
        return FleetRows::service(node, service, m_fleet->census(), m_fleet->now());
    };
    const QStringList services = FleetRows::services(node);
    QSet<QString> inserted;
    syncChildren(nodeItem, services, [&](const QString &service) {
        inserted.insert(service);
        return make(service);
    });
    for (const QString &service : services) {
        if (!inserted.contains(service))
            setCells(child(nodeItem, service), make(service));
    }
}

void FleetModel::rebuildRegion(const QString &region)
{
    Item *regionItem = child(root(), region);
    const QStringList endpoints = m_fleet->endpointsIn(region);
    QSet<QString> inserted;
    syncChildren(regionItem, endpoints, [&](const QString &endpoint) {
        inserted.insert(endpoint);
        return nodeCells(endpoint);
    });
    for (const QString &endpoint : endpoints) {
        m_shownRegion.insert(endpoint, region);
        const bool isNew = inserted.contains(endpoint);
        if (!isNew && !m_dirtyNodes.contains(endpoint))
            continue;
        Item *nodeItem = child(regionItem, endpoint);
        if (!isNew)
            setCells(nodeItem, nodeCells(endpoint));
        syncServices(nodeItem, *m_fleet->node(endpoint));
    }
    setCells(regionItem, regionCells(region, endpoints));
}

} // namespace anycast
