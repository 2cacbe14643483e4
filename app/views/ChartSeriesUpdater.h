#pragma once

#include <QHash>
#include <QList>
#include <QPointF>

class QXYSeries;

namespace anycast {

// The one way the charts change a series: the whole point list at once with replace(), which
// costs one repaint, instead of one append per point, which costs one each. It counts the
// calls per series, so that a test and the benchmark can see the rule kept.
class ChartSeriesUpdater
{
public:
    void replace(QXYSeries *series, const QList<QPointF> &points);

    int replaceCount(const QXYSeries *series) const { return m_counts.value(series); }
    int totalReplaceCount() const { return m_total; }

private:
    QHash<const QXYSeries *, int> m_counts;
    int m_total = 0;
};

} // namespace anycast
