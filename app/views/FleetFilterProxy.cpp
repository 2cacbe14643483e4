#include "app/views/FleetFilterProxy.h"

#include "app/models/FleetRows.h"
#include "app/models/ModelRoles.h"

#include <algorithm>

namespace anycast {

FleetFilterProxy::FleetFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ModelRole::SortRole);
    setDynamicSortFilter(true);
    setRecursiveFilteringEnabled(true);
}

void FleetFilterProxy::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

void FleetFilterProxy::setStateFilter(const FleetStateFilter &filter)
{
    if (filter == m_state)
        return;
    m_state = filter;
    invalidateRowsFilter();
}

bool FleetFilterProxy::textMatches(const QModelIndex &name) const
{
    const auto has = [this](const QString &value) {
        return value.contains(m_text, Qt::CaseInsensitive);
    };
    if (has(name.data().toString()) || has(name.data(ModelRole::KeyRole).toString()) ||
        has(name.data(ModelRole::EndpointRole).toString()))
        return true;
    const QModelIndex announcing = name.siblingAtColumn(int(FleetColumn::Announcing));
    const auto prefixes = announcing.data(ModelRole::PrefixesRole).value<QList<PrefixShown>>();
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&has](const PrefixShown &shown) { return has(shown.prefix); });
}

bool FleetFilterProxy::stateMatches(const QModelIndex &name) const
{
    if (m_state.kind == FleetStateFilter::Kind::All)
        return true;
    const QVariant routing = name.data(ModelRole::RoutingStateRole);
    if (!routing.isValid())
        return false;
    const auto state = static_cast<RoutingState>(routing.toInt());
    if (m_state.kind == FleetStateFilter::Kind::Routing)
        return state == m_state.routing;
    return state != RoutingState::Announced ||
           static_cast<Observation>(name.data(ModelRole::ObservationRole).toInt()) !=
               Observation::Reporting;
}

bool FleetFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex name = sourceModel()->index(sourceRow, int(FleetColumn::Name), sourceParent);
    if (!stateMatches(name))
        return false;
    if (m_text.isEmpty())
        return true;
    for (QModelIndex row = name; row.isValid(); row = row.parent()) {
        if (textMatches(row))
            return true;
    }
    return false;
}

} // namespace anycast
