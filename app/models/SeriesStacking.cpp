#include "app/models/SeriesStacking.h"

#include <QMap>

#include <cmath>

namespace anycast {

QList<QList<QPointF>> stackLayers(const QList<QList<QPointF>> &layers)
{
    // x -> running total per layer; QMap keeps the xs sorted.
    QMap<qreal, QList<qreal>> columns;
    const qsizetype count = layers.size();
    for (qsizetype layer = 0; layer < count; ++layer) {
        for (const QPointF &point : layers[layer]) {
            QList<qreal> &column = columns[point.x()];
            if (column.isEmpty())
                column.resize(count, 0.0);
            column[layer] += point.y();
        }
    }
    QList<QList<QPointF>> stacked(count);
    for (QList<QPointF> &layer : stacked)
        layer.reserve(columns.size());
    for (auto it = columns.cbegin(); it != columns.cend(); ++it) {
        qreal total = 0;
        for (qsizetype layer = 0; layer < count; ++layer) {
            total += it.value()[layer];
            stacked[layer].append(QPointF(it.key(), total));
        }
    }
    return stacked;
}

double roundAxisMaximum(double value, double floor)
{
    if (!(value > floor))
        return floor;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 5.0, 10.0}) {
        if (value <= step * power)
            return step * power;
    }
    return 10.0 * power;
}

} // namespace anycast
