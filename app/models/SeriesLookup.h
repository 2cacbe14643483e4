#pragma once

#include "app/models/TimeSeriesStore.h"

#include <QList>
#include <QPointF>
#include <QString>

#include <optional>

namespace anycast {

// The value of the bucket holding `timeMs` (buckets `bucketMs` wide, points at their start,
// oldest first), or nullopt when that bucket has no point.
std::optional<double> valueAt(const QList<QPointF> &points, qint64 timeMs, qint64 bucketMs);

// The node of `region` whose `metric` is largest in the bucket holding `timeMs`; empty when
// no node of the region has a value there. Ties go to the first endpoint in sorted order, so
// the answer does not depend on hash order.
QString largestContributor(const TimeSeriesStore &store, const QString &region, SeriesMetric metric,
                           SeriesWindow window, qint64 timeMs);

} // namespace anycast
