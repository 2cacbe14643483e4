#include "app/models/EventFilterProxy.h"

#include "app/models/EventLogModel.h"
#include "app/models/ModelRoles.h"

namespace anycast {

EventFilterProxy::EventFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // The source is in time order already; sorting would only cost.
    setDynamicSortFilter(true);
}

template <typename T> void EventFilterProxy::change(T &member, const T &value)
{
    if (member == value)
        return;
    // Qt 6.4 has no begin/endFilterChange: invalidateFilter() re-runs the filter.
    member = value;
    invalidateFilter();
}

void EventFilterProxy::setNode(const QString &endpoint)
{
    change(m_node, endpoint);
}

void EventFilterProxy::setRegion(const QString &region)
{
    change(m_region, region);
}

void EventFilterProxy::setKinds(const QSet<QString> &kinds)
{
    change(m_kinds, kinds);
}

void EventFilterProxy::setText(const QString &text)
{
    change(m_text, text.trimmed());
}

bool EventFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *source = sourceModel();
    const QModelIndex row = source->index(sourceRow, 0, sourceParent);
    if (!m_node.isEmpty() && row.data(EventRole::EndpointRole).toString() != m_node)
        return false;
    if (!m_region.isEmpty() && row.data(EventRole::RegionRole).toString() != m_region)
        return false;
    const bool gap =
        row.data(EventRole::EntryTypeRole).toInt() != static_cast<int>(EventEntry::Type::Event);
    if (gap)
        return true;
    if (!m_kinds.isEmpty() && !m_kinds.contains(row.data(EventRole::KindRole).toString()))
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column = 0; column < kEventColumnCount; ++column) {
        if (column == static_cast<int>(EventColumn::Time))
            continue;
        if (source->index(sourceRow, column, sourceParent)
                .data()
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace anycast
