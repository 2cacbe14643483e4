#include "app/views/ChartSeriesUpdater.h"

#include <QXYSeries>

namespace anycast {

void ChartSeriesUpdater::replace(QXYSeries *series, const QList<QPointF> &points)
{
    series->replace(points);
    ++m_counts[series];
    ++m_total;
}

} // namespace anycast
