#include "app/models/TimeSeriesStore.h"

#include <algorithm>
#include <cmath>

namespace anycast {

WindowSpec windowSpec(SeriesWindow window)
{
    switch (window) {
    case SeriesWindow::FiveMinutes:
        return {std::chrono::minutes(5), 1000};
    case SeriesWindow::FifteenMinutes:
        return {std::chrono::minutes(15), 3000};
    case SeriesWindow::SixtyMinutes:
        return {std::chrono::minutes(60), 12000};
    }
    return {std::chrono::minutes(5), 1000};
}

struct TimeSeriesStore::ServiceSeries
{
    ServiceSeries()
        : rings{BucketRing(windowSpec(SeriesWindow::FiveMinutes).bucketMs, kBucketsPerWindow),
                BucketRing(windowSpec(SeriesWindow::FifteenMinutes).bucketMs, kBucketsPerWindow),
                BucketRing(windowSpec(SeriesWindow::SixtyMinutes).bucketMs, kBucketsPerWindow)}
    {}

    void add(const QDateTime &time, const MetricValues &values)
    {
        const qint64 at = time.toMSecsSinceEpoch();
        for (BucketRing &ring : rings)
            ring.add(at, values);
    }

    std::array<BucketRing, kSeriesWindowCount> rings;
    MetricExtractor extract;
    // The oldest sample added: where older samples meet the ones already in (for its rate,
    // which needs the sample before it).
    QDateTime oldestTime;
    ServiceSample oldest;
};

struct TimeSeriesStore::NodeSeries
{
    QString region;
    quint64 revision = 0;
    std::optional<QDateTime> coveredSince;
    QHash<QString, std::shared_ptr<ServiceSeries>> services;
};

TimeSeriesStore::TimeSeriesStore() = default;
TimeSeriesStore::~TimeSeriesStore() = default;

void TimeSeriesStore::bumpRegion(const QString &region)
{
    ++m_regionRevisions[region];
}

void TimeSeriesStore::setRegion(const QString &endpoint, const QString &region)
{
    NodeSeries &series = *node(endpoint);
    if (series.region == region)
        return;
    bumpRegion(series.region);
    series.region = region;
    touched(series);
}

std::shared_ptr<TimeSeriesStore::NodeSeries> &TimeSeriesStore::node(const QString &endpoint)
{
    auto &node = m_nodes[endpoint];
    if (!node)
        node = std::make_shared<NodeSeries>();
    return node;
}

void TimeSeriesStore::touched(NodeSeries &node)
{
    ++node.revision;
    bumpRegion(node.region);
}

void TimeSeriesStore::add(const QString &endpoint, const QList<SamplePoint> &samples)
{
    if (samples.isEmpty())
        return;
    NodeSeries &into = *node(endpoint);
    for (const SamplePoint &sample : samples) {
        for (const ServiceSample &service : sample.services) {
            auto &series = into.services[service.stats.name];
            if (!series) {
                series = std::make_shared<ServiceSeries>();
                series->oldestTime = sample.time;
                series->oldest = service;
            }
            series->add(sample.time, series->extract(sample.time, service));
        }
    }
    touched(into);
}

void TimeSeriesStore::addOlder(const QString &endpoint, const QList<SamplePoint> &samples)
{
    if (samples.isEmpty())
        return;
    NodeSeries &into = *node(endpoint);
    // A fresh extractor per service walks the older samples in time order, then the oldest
    // sample already held, whose rate had no sample before it until now.
    QHash<QString, MetricExtractor> extractors;
    QHash<QString, std::pair<QDateTime, ServiceSample>> oldestAdded;
    for (const SamplePoint &sample : samples) {
        for (const ServiceSample &service : sample.services) {
            auto &series = into.services[service.stats.name];
            if (!series)
                series = std::make_shared<ServiceSeries>();
            MetricExtractor &extract = extractors[service.stats.name];
            series->add(sample.time, extract(sample.time, service));
            if (!oldestAdded.contains(service.stats.name))
                oldestAdded.insert(service.stats.name, {sample.time, service});
        }
    }
    for (auto it = extractors.begin(); it != extractors.end(); ++it) {
        ServiceSeries &series = *into.services.value(it.key());
        if (series.oldestTime.isValid()) {
            const MetricValues seam = it.value()(series.oldestTime, series.oldest);
            MetricValues rateOnly;
            rateOnly.fill(kNoValue);
            const auto rate = static_cast<std::size_t>(SeriesMetric::RetransmitRate);
            rateOnly[rate] = seam[rate];
            series.add(series.oldestTime, rateOnly);
        }
        const auto &[time, sample] = oldestAdded.value(it.key());
        series.oldestTime = time;
        series.oldest = sample;
    }
    touched(into);
}

void TimeSeriesStore::setCoveredSince(const QString &endpoint, const QDateTime &since)
{
    NodeSeries &series = *node(endpoint);
    if (series.coveredSince == since)
        return;
    series.coveredSince = since;
    touched(series);
}

std::optional<QDateTime> TimeSeriesStore::coveredSince(const QString &endpoint) const
{
    const auto node = m_nodes.value(endpoint);
    return node ? node->coveredSince : std::nullopt;
}

void TimeSeriesStore::removeNode(const QString &endpoint)
{
    const auto node = m_nodes.take(endpoint);
    if (node)
        bumpRegion(node->region);
}

QList<const TimeSeriesStore::ServiceSeries *> TimeSeriesStore::select(const SeriesKey &key) const
{
    QList<const ServiceSeries *> chosen;
    const auto take = [&](const NodeSeries &node) {
        for (auto it = node.services.cbegin(); it != node.services.cend(); ++it) {
            if (key.service.isEmpty() || it.key() == key.service)
                chosen.append(it.value().get());
        }
    };
    if (key.scope == SeriesKey::Scope::Node) {
        if (const auto node = m_nodes.value(key.key))
            take(*node);
        return chosen;
    }
    for (const auto &node : m_nodes) {
        if (node->region == key.key)
            take(*node);
    }
    return chosen;
}

SeriesPoints TimeSeriesStore::query(const SeriesKey &key, SeriesMetric metric,
                                    SeriesWindow window) const
{
    SeriesPoints points;
    const QList<const ServiceSeries *> series = select(key);
    const auto tier = static_cast<std::size_t>(window);
    qint64 newest = -1;
    for (const ServiceSeries *one : series)
        newest = std::max(newest, one->rings[tier].newest());
    if (newest < 0)
        return points;
    const qint64 width = windowSpec(window).bucketMs;
    const int m = static_cast<int>(metric);
    const SeriesAggregation aggregation = aggregationOf(metric);
    points.mean.reserve(kBucketsPerWindow);
    points.min.reserve(kBucketsPerWindow);
    points.max.reserve(kBucketsPerWindow);
    for (qint64 index = std::max<qint64>(0, newest - kBucketsPerWindow + 1); index <= newest;
         ++index) {
        int found = 0;
        double mean = 0;
        double low = 0;
        double high = 0;
        for (const ServiceSeries *one : series) {
            const MetricBucket *bucket = one->rings[tier].at(index);
            if (!bucket || !bucket->has(m))
                continue;
            const double bucketMean = bucket->mean(m);
            const double bucketMin = bucket->min[static_cast<std::size_t>(m)];
            const double bucketMax = bucket->max[static_cast<std::size_t>(m)];
            if (found == 0) {
                mean = bucketMean;
                low = bucketMin;
                high = bucketMax;
            } else if (aggregation == SeriesAggregation::Sum) {
                mean += bucketMean;
                low += bucketMin;
                high += bucketMax;
            } else if (aggregation == SeriesAggregation::Max) {
                mean = std::max(mean, bucketMean);
                low = std::max(low, bucketMin);
                high = std::max(high, bucketMax);
            } else {
                mean += bucketMean;
                low = std::min(low, bucketMin);
                high = std::max(high, bucketMax);
            }
            ++found;
        }
        if (found == 0)
            continue;
        if (aggregation == SeriesAggregation::Mean)
            mean /= found;
        const auto x = static_cast<qreal>(index * width);
        points.mean.append(QPointF(x, mean));
        points.min.append(QPointF(x, low));
        points.max.append(QPointF(x, high));
    }
    return points;
}

quint64 TimeSeriesStore::revision(const SeriesKey &key) const
{
    if (key.scope == SeriesKey::Scope::Region)
        return m_regionRevisions.value(key.key);
    const auto node = m_nodes.value(key.key);
    return node ? node->revision : 0;
}

QStringList TimeSeriesStore::services(const QString &endpoint) const
{
    const auto node = m_nodes.value(endpoint);
    if (!node)
        return {};
    QStringList names = node->services.keys();
    names.sort();
    return names;
}

QStringList TimeSeriesStore::nodesIn(const QString &region) const
{
    QStringList endpoints;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        if (it.value()->region == region)
            endpoints.append(it.key());
    }
    endpoints.sort();
    return endpoints;
}

std::size_t TimeSeriesStore::bytesPerServiceSeries()
{
    static const std::size_t bytes = [] {
        const ServiceSeries series;
        std::size_t total = sizeof(ServiceSeries);
        for (const BucketRing &ring : series.rings)
            total += ring.bytes();
        return total;
    }();
    return bytes;
}

std::size_t TimeSeriesStore::bytesUsed() const
{
    std::size_t total = 0;
    for (const auto &node : m_nodes) {
        total += sizeof(NodeSeries);
        for (const auto &series : node->services) {
            total += sizeof(ServiceSeries);
            for (const BucketRing &ring : series->rings)
                total += ring.bytes();
        }
    }
    return total;
}

} // namespace anycast
