#include "app/models/SeriesLookup.h"

#include <algorithm>

namespace anycast {

std::optional<double> valueAt(const QList<QPointF> &points, qint64 timeMs, qint64 bucketMs)
{
    if (bucketMs <= 0)
        return std::nullopt;
    const qint64 start = timeMs - (((timeMs % bucketMs) + bucketMs) % bucketMs);
    const auto found =
        std::lower_bound(points.cbegin(), points.cend(), start,
                         [](const QPointF &point, qint64 x) { return point.x() < qreal(x); });
    if (found == points.cend() || static_cast<qint64>(found->x()) != start)
        return std::nullopt;
    return found->y();
}

QString largestContributor(const TimeSeriesStore &store, const QString &region, SeriesMetric metric,
                           SeriesWindow window, qint64 timeMs)
{
    const qint64 bucketMs = windowSpec(window).bucketMs;
    QString best;
    double bestValue = 0;
    for (const QString &endpoint : store.nodesIn(region)) {
        const auto value = valueAt(
            store.means({SeriesKey::Scope::Node, endpoint, {}}, metric, window), timeMs, bucketMs);
        if (value && (best.isEmpty() || *value > bestValue)) {
            best = endpoint;
            bestValue = *value;
        }
    }
    return best;
}

} // namespace anycast
