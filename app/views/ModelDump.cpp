#include "app/views/ModelDump.h"

#include "app/models/FleetRows.h"
#include "app/models/ModelRoles.h"
#include "app/models/PrefixModel.h"
#include "app/session/LinkStatus.h"

#include <QJsonArray>

namespace anycast {
namespace {

QString routeWord(const QVariant &routing)
{
    switch (static_cast<PrefixPresence>(routing.toInt())) {
    case PrefixPresence::Announced:
        return QStringLiteral("announced");
    case PrefixPresence::DePreferred:
        return QStringLiteral("degraded");
    case PrefixPresence::Draining:
        return QStringLiteral("draining");
    case PrefixPresence::Withdrawn:
        return QStringLiteral("withdrawn");
    case PrefixPresence::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QJsonArray nodes(const QAbstractItemModel &fleetModel)
{
    QJsonArray nodes;
    for (int regionRow = 0; regionRow < fleetModel.rowCount(); ++regionRow) {
        const QModelIndex region = fleetModel.index(regionRow, 0);
        for (int row = 0; row < fleetModel.rowCount(region); ++row) {
            const QModelIndex name = fleetModel.index(row, int(FleetColumn::Name), region);
            const QModelIndex link = fleetModel.index(row, int(FleetColumn::Connection), region);
            nodes.append(QJsonObject{
                {QStringLiteral("endpoint"), name.data(ModelRole::EndpointRole).toString()},
                {QStringLiteral("name"), name.data(ModelRole::SortRole).toString()},
                {QStringLiteral("region"), region.data(ModelRole::KeyRole).toString()},
                {QStringLiteral("connected"), link.data(ModelRole::LinkPhaseRole).toInt() ==
                                                  static_cast<int>(LinkPhase::Connected)},
            });
        }
    }
    return nodes;
}

QJsonObject prefixes(const QAbstractItemModel &prefixModel)
{
    QJsonObject prefixes;
    for (int prefixRow = 0; prefixRow < prefixModel.rowCount(); ++prefixRow) {
        const QModelIndex prefix = prefixModel.index(prefixRow, 0);
        QJsonObject routes;
        for (int regionRow = 0; regionRow < prefixModel.rowCount(prefix); ++regionRow) {
            const QModelIndex region = prefixModel.index(regionRow, 0, prefix);
            for (int row = 0; row < prefixModel.rowCount(region); ++row) {
                const QModelIndex node = prefixModel.index(row, int(PrefixColumn::Name), region);
                routes.insert(node.data(Qt::DisplayRole).toString(),
                              routeWord(node.data(ModelRole::RoutingRole)));
            }
        }
        prefixes.insert(prefix.data(ModelRole::KeyRole).toString(), routes);
    }
    return prefixes;
}

} // namespace

QJsonObject ModelDump::of(const QAbstractItemModel &fleetModel,
                          const QAbstractItemModel &prefixModel)
{
    return QJsonObject{{QStringLiteral("nodes"), nodes(fleetModel)},
                       {QStringLiteral("prefixes"), prefixes(prefixModel)}};
}

} // namespace anycast
