#include "app/views/FleetIconProxy.h"

#include "app/models/FleetRows.h"
#include "app/models/ModelRoles.h"
#include "app/style/StateIconEngine.h"

namespace anycast {

FleetIconProxy::FleetIconProxy(QObject *parent)
    : QIdentityProxyModel(parent)
{}

QVariant FleetIconProxy::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DecorationRole ||
        (index.column() != int(FleetColumn::Name) && index.column() != int(FleetColumn::State)))
        return QIdentityProxyModel::data(index, role);
    const QVariant routing = QIdentityProxyModel::data(index, ModelRole::RoutingStateRole);
    const QVariant observation = QIdentityProxyModel::data(index, ModelRole::ObservationRole);
    if (!routing.isValid() || !observation.isValid())
        return QIdentityProxyModel::data(index, role);
    return StateIconEngine::icon(static_cast<Observation>(observation.toInt()),
                                 static_cast<RoutingState>(routing.toInt()));
}

} // namespace anycast
