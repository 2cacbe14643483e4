#pragma once

#include <QList>
#include <QPointF>

namespace anycast {

// Stacks layers for a stacked area chart: layer i of the result holds, at each x of any
// layer, the sum of layers 0..i there. An x one layer lacks counts as 0 for that layer (the
// other layers still stand on it). The result is sorted by x; every layer has the same xs,
// so a QAreaSeries can take layer i - 1 as its lower edge and layer i as its upper one.
QList<QList<QPointF>> stackLayers(const QList<QList<QPointF>> &layers);

// A round upper bound for an axis showing values up to `value`: 1, 2 or 5 times a power of
// ten, at least `floor`.
double roundAxisMaximum(double value, double floor);

} // namespace anycast
