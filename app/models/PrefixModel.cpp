#include "app/models/PrefixModel.h"

#include "app/models/ModelRoles.h"
#include "app/models/StateWords.h"

#include <QPointF>

namespace anycast {
namespace {

QStringList headers()
{
    return {PrefixModel::tr("Prefix"), PrefixModel::tr("State"), PrefixModel::tr("Announcing"),
            PrefixModel::tr("ESTABLISHED"), PrefixModel::tr("Detail")};
}

using Roles = QList<std::pair<int, QVariant>>;

ModelCell cell(QString display, QString toolTip, QVariant sort, Roles roles = {})
{
    return ModelCell{std::move(display), std::move(toolTip), std::move(sort), std::move(roles)};
}

ModelCell stateCell(PrefixPresence presence, const QString &toolTip = {})
{
    const QString word = StateWords::presence(presence);
    return cell(word, toolTip.isEmpty() ? word : toolTip, static_cast<int>(presence),
                {{ModelRole::RoutingRole, static_cast<int>(presence)}});
}

ModelCell tallyCell(const PrefixTally &tally, bool lostRedundancy)
{
    const QString text = StateWords::tally(tally);
    return cell(text, text, tally.announcing(),
                {{ModelRole::AnnouncingRole, tally.announcing()},
                 {ModelRole::AnnouncingTotalRole, tally.total},
                 {ModelRole::UnknownCountRole, tally.unknown()},
                 {ModelRole::LostRedundancyRole, lostRedundancy}});
}

ModelCell establishedCell(quint64 established)
{
    return cell(QString::number(established), {}, established,
                {{ModelRole::EstablishedRole, established}});
}

QVariant locationOf(const NodeSnapshot *node)
{
    if (!node || !node->hello || !node->hello->location)
        return {};
    return QPointF(node->hello->location->longitude, node->hello->location->latitude);
}

quint64 establishedOf(const NodeSnapshot *node, const PrefixHolder &holder)
{
    return node && node->reachable() ? node->established(holder.service) : 0;
}

// The same rule as RegionRollup's finding: some still announce, fewer than could.
} // namespace

PrefixModel::PrefixModel(FleetState *fleet, QObject *parent)
    : KeyedTreeModel(headers(), parent)
    , m_fleet(fleet)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushDelay);
    connect(&m_flushTimer, &QTimer::timeout, this, &PrefixModel::flush);
    const auto onChange = [this] {
        if (m_fleet->censusRevision() != m_censusRevision)
            schedule();
    };
    connect(fleet, &FleetState::nodeAdded, this, onChange);
    connect(fleet, &FleetState::nodeRemoved, this, onChange);
    connect(fleet, &FleetState::nodeChanged, this, onChange);
    schedule();
}

void PrefixModel::schedule()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void PrefixModel::tick()
{
    m_everything = true;
    schedule();
}

void PrefixModel::flush()
{
    m_flushTimer.stop();
    m_censusRevision = m_fleet->censusRevision();
    const PrefixCensus &census = m_fleet->census();
    const QStringList prefixes = census.prefixes();
    syncChildren(root(), prefixes, [this](const QString &prefix) { return prefixCells(prefix); });
    for (const QString &prefix : prefixes) {
        // A prefix whose holders and their routes did not move has nothing new to show but
        // ESTABLISHED, which moves on tick().
        if (!m_everything && m_shownCensus.holders(prefix) == census.holders(prefix))
            continue;
        Item *prefixItem = child(root(), prefix);
        setCells(prefixItem, prefixCells(prefix));
        const QStringList regions = census.regions(prefix);
        syncChildren(prefixItem, regions,
                     [&](const QString &region) { return regionCells(prefix, region); });
        for (const QString &region : regions)
            syncRegion(child(prefixItem, region), prefix, region);
    }
    m_shownCensus = census;
    m_everything = false;
}

void PrefixModel::syncRegion(Item *regionItem, const QString &prefix, const QString &region)
{
    setCells(regionItem, regionCells(prefix, region));
    QMap<QString, PrefixHolder> holders;
    for (const PrefixHolder &holder : m_fleet->census().holders(prefix)) {
        if (holder.region == region)
            holders.insert(holder.endpoint, holder);
    }
    const QStringList endpoints = holders.keys();
    syncChildren(regionItem, endpoints,
                 [&](const QString &endpoint) { return nodeCells(holders.value(endpoint)); });
    for (const QString &endpoint : endpoints)
        setCells(child(regionItem, endpoint), nodeCells(holders.value(endpoint)));
}

QList<ModelCell> PrefixModel::prefixCells(const QString &prefix) const
{
    const PrefixCensus &census = m_fleet->census();
    const PrefixTally tally = census.tally(prefix);
    QStringList regions;
    quint64 established = 0;
    for (const QString &region : census.regions(prefix)) {
        const QString name = region.isEmpty() ? PrefixModel::tr("(region not yet known)") : region;
        regions.append(
            PrefixModel::tr("%1 %2").arg(name, StateWords::tally(census.tally(prefix, region))));
    }
    for (const PrefixHolder &holder : census.holders(prefix))
        established += establishedOf(m_fleet->node(holder.endpoint), holder);
    QList<ModelCell> cells(kPrefixColumnCount);
    cells[int(PrefixColumn::Name)] =
        cell(prefix, prefix, prefix, {{ModelRole::RowKindRole, static_cast<int>(RowKind::Prefix)}});
    cells[int(PrefixColumn::State)] = stateCell(tally.best());
    cells[int(PrefixColumn::Announcing)] = tallyCell(tally, tally.lostRedundancy());
    cells[int(PrefixColumn::Established)] = establishedCell(established);
    cells[int(PrefixColumn::Detail)] =
        cell(regions.join(QStringLiteral("; ")), regions.join(QLatin1Char('\n')), {});
    return cells;
}

QList<ModelCell> PrefixModel::regionCells(const QString &prefix, const QString &region) const
{
    const PrefixCensus &census = m_fleet->census();
    const PrefixTally tally = census.tally(prefix, region);
    double latitude = 0;
    double longitude = 0;
    int located = 0;
    quint64 established = 0;
    QStringList unlocated;
    for (const PrefixHolder &holder : census.holders(prefix)) {
        if (holder.region != region)
            continue;
        const NodeSnapshot *node = m_fleet->node(holder.endpoint);
        established += establishedOf(node, holder);
        const QVariant where = locationOf(node);
        if (!where.isValid()) {
            unlocated.append(holder.node);
            continue;
        }
        longitude += where.toPointF().x();
        latitude += where.toPointF().y();
        ++located;
    }
    const QString name = region.isEmpty() ? PrefixModel::tr("(region not yet known)") : region;
    const QVariant location =
        located > 0 ? QVariant(QPointF(longitude / located, latitude / located)) : QVariant();
    QString detail;
    if (!unlocated.isEmpty())
        detail = PrefixModel::tr("no location: %1").arg(unlocated.join(QStringLiteral(", ")));
    QList<ModelCell> cells(kPrefixColumnCount);
    cells[int(PrefixColumn::Name)] =
        cell(name, name, region,
             {{ModelRole::RowKindRole, static_cast<int>(RowKind::Region)},
              {ModelRole::RoutingRole, static_cast<int>(tally.best())},
              {ModelRole::LocationRole, location}});
    const QString stateTip =
        tally.lostRedundancy()
            ? PrefixModel::tr("%1, lost redundancy").arg(StateWords::presence(tally.best()))
            : StateWords::presence(tally.best());
    cells[int(PrefixColumn::State)] = stateCell(tally.best(), stateTip);
    cells[int(PrefixColumn::Announcing)] = tallyCell(tally, tally.lostRedundancy());
    cells[int(PrefixColumn::Established)] = establishedCell(established);
    cells[int(PrefixColumn::Detail)] = cell(detail, detail, {});
    return cells;
}

QList<ModelCell> PrefixModel::nodeCells(const PrefixHolder &holder) const
{
    const NodeSnapshot *node = m_fleet->node(holder.endpoint);
    const NodeFacts *facts = m_fleet->facts(holder.endpoint);
    const Observation observation = facts ? facts->observation() : Observation::NoData;
    QList<ModelCell> cells(kPrefixColumnCount);
    cells[int(PrefixColumn::Name)] = cell(
        holder.node, PrefixModel::tr("%1 at %2").arg(holder.node, holder.endpoint), holder.node,
        {{ModelRole::RowKindRole, static_cast<int>(RowKind::Node)},
         {ModelRole::EndpointRole, holder.endpoint},
         {ModelRole::ObservationRole, static_cast<int>(observation)},
         {ModelRole::RoutingRole, static_cast<int>(holder.presence)},
         {ModelRole::LocationRole, locationOf(node)}});
    cells[int(PrefixColumn::State)] = stateCell(holder.presence);
    cells[int(PrefixColumn::Established)] = establishedCell(establishedOf(node, holder));
    const QString detail = holder.reason.isEmpty()
                               ? holder.service
                               : PrefixModel::tr("%1: %2").arg(holder.service, holder.reason);
    cells[int(PrefixColumn::Detail)] =
        cell(detail, detail, holder.reason, {{ModelRole::ReasonRole, holder.reason}});
    return cells;
}

} // namespace anycast
