#pragma once

#include <QIdentityProxyModel>

namespace anycast {

// The fleet tree's glyphs: the Name and State columns of every row that has a routing state
// get a StateIconEngine icon (shape = ObservationRole, fill = RoutingStateRole) as their
// decoration. Everything else passes through, so sorting and filtering read raw values.
class FleetIconProxy final : public QIdentityProxyModel
{
    Q_OBJECT

public:
    explicit FleetIconProxy(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role) const override;
};

} // namespace anycast
