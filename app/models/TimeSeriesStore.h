#pragma once

#include "app/models/BucketRing.h"
#include "app/models/SeriesMetrics.h"
#include "common/protocol/SamplePoint.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>

#include <array>
#include <chrono>
#include <memory>
#include <optional>

namespace anycast {

// The charts' time windows. Each holds kBucketsPerWindow buckets, so every view draws about
// the same number of points whatever its span.
enum class SeriesWindow
{
    FiveMinutes,    // 1 s buckets
    FifteenMinutes, // 3 s buckets
    SixtyMinutes,   // 12 s buckets
};

inline constexpr int kSeriesWindowCount = 3;
inline constexpr int kBucketsPerWindow = 300;

struct WindowSpec
{
    std::chrono::minutes span;
    qint64 bucketMs;
};

WindowSpec windowSpec(SeriesWindow window);

// What to draw: one node or a region (its nodes summed), one service or all of them.
struct SeriesKey
{
    enum class Scope
    {
        Node,
        Region,
    };
    Scope scope = Scope::Node;
    QString key;     // an endpoint or a region name
    QString service; // empty: every service
};

// A series ready for a chart: x = the bucket's start in ms since the epoch (UTC), one point
// per bucket that has data, oldest first. For several series combined (services of a node,
// nodes of a region) by SeriesAggregation: summed means, with the sums of the minima and of
// the maxima as the band around them (bounds, not the true extremes of the sum); for Max,
// the largest of each; for Mean, the mean of the means and the overall extremes.
struct SeriesPoints
{
    QList<QPointF> mean;
    QList<QPointF> min;
    QList<QPointF> max;
};

// The charts' memory: per node and service, the last hour of samples reduced to min, max and
// mean per bucket, in three fixed rings (one per window), fed by the node sessions (history
// backfill, then live samples, in time order). Memory is fixed per service series and
// allocated on its first sample: bytesPerServiceSeries(), whatever the sample rate or how
// long the console runs. Views ask for a key's revision first and skip work when it has not
// moved since their last draw.
class TimeSeriesStore
{
public:
    TimeSeriesStore();
    ~TimeSeriesStore();
    TimeSeriesStore(const TimeSeriesStore &) = delete;
    TimeSeriesStore &operator=(const TimeSeriesStore &) = delete;

    // The node's region (from hello): region queries sum its series from now on.
    void setRegion(const QString &endpoint, const QString &region);
    // Samples newer than any added for the node, oldest first.
    void add(const QString &endpoint, const QList<SamplePoint> &samples);
    // Samples older than any added for the node, oldest first (the rest of a backfill that
    // began with the newest minutes). Rates are counted across the seam as if the samples
    // had come in time order.
    void addOlder(const QString &endpoint, const QList<SamplePoint> &samples);
    // The node's series hold everything its agent kept since `since` (the agent's clock);
    // a view wanting more asks the fleet (ConsoleFleet::ensureHistory) and waits for this to
    // move back.
    void setCoveredSince(const QString &endpoint, const QDateTime &since);
    std::optional<QDateTime> coveredSince(const QString &endpoint) const;
    void removeNode(const QString &endpoint);

    SeriesPoints query(const SeriesKey &key, SeriesMetric metric, SeriesWindow window) const;
    QList<QPointF> means(const SeriesKey &key, SeriesMetric metric, SeriesWindow window) const
    {
        return query(key, metric, window).mean;
    }
    // Moves whenever something a query of this key reads may have changed.
    quint64 revision(const SeriesKey &key) const;

    QStringList services(const QString &endpoint) const;
    QStringList nodesIn(const QString &region) const;
    // The buffers held now, and what one service of one node costs (fixed).
    std::size_t bytesUsed() const;
    static std::size_t bytesPerServiceSeries();

private:
    struct ServiceSeries;
    struct NodeSeries;

    QList<const ServiceSeries *> select(const SeriesKey &key) const;
    std::shared_ptr<NodeSeries> &node(const QString &endpoint);
    void touched(NodeSeries &node);
    void bumpRegion(const QString &region);

    QHash<QString, std::shared_ptr<NodeSeries>> m_nodes;
    QHash<QString, quint64> m_regionRevisions;
};

} // namespace anycast
