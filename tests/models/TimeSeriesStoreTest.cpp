// The charts' store: what a sample becomes, how buckets reduce it, how services and regions
// combine, and that its memory is fixed however long it runs.
#include "app/models/TimeSeriesStore.h"

#include <gtest/gtest.h>

#include <cmath>

namespace anycast::modeltest {
namespace {

// A whole minute, so that 3 s and 12 s buckets start exactly here.
const QDateTime kStart(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC);
const qreal kStartMs = static_cast<qreal>(kStart.toMSecsSinceEpoch());

ServiceSample service(const QString &name, quint64 established, quint64 totalRetransmits = 0)
{
    ServiceSample sample;
    sample.stats.name = name;
    sample.stats.states[TcpState::Established] = established;
    sample.stats.states[TcpState::SynRecv] = 2;
    sample.stats.states[TcpState::TimeWait] = 3;
    sample.stats.states[TcpState::CloseWait] = 4;
    sample.stats.states[TcpState::Listen] = 1;
    sample.stats.states[TcpState::FinWait1] = 5;
    sample.stats.states[TcpState::LastAck] = 1;
    ListenerStats listener;
    listener.acceptQueue = static_cast<quint32>(established % 10);
    listener.backlog = 10;
    sample.stats.listeners = {listener};
    sample.stats.tcpInfo.available = true;
    sample.stats.tcpInfo.retransmitting = 1;
    sample.stats.tcpInfo.totalRetransmits = totalRetransmits;
    sample.probe = SampleProbe{true, 2.5};
    return sample;
}

SamplePoint at(int secondsAfterStart, QList<ServiceSample> services)
{
    return SamplePoint{kStart.addSecs(secondsAfterStart), std::move(services)};
}

const SeriesKey kNode{SeriesKey::Scope::Node, QStringLiteral("fra-1"), {}};

TEST(MetricExtractor, StatesQueueRetransmissionsAndProbe)
{
    MetricExtractor extract;
    const auto first = extract(kStart, service(QStringLiteral("web"), 7, 100));
    const auto value = [&](const MetricValues &values, SeriesMetric metric) {
        return values[static_cast<std::size_t>(metric)];
    };
    EXPECT_EQ(value(first, SeriesMetric::Established), 7);
    EXPECT_EQ(value(first, SeriesMetric::SynRecv), 2);
    EXPECT_EQ(value(first, SeriesMetric::TimeWait), 3);
    EXPECT_EQ(value(first, SeriesMetric::CloseWait), 4);
    EXPECT_EQ(value(first, SeriesMetric::OtherStates), 6); // FIN_WAIT1 5 + LAST_ACK 1, no LISTEN
    EXPECT_FLOAT_EQ(value(first, SeriesMetric::AcceptQueueFill), 70);
    EXPECT_EQ(value(first, SeriesMetric::Retransmitting), 1);
    EXPECT_TRUE(std::isnan(value(first, SeriesMetric::RetransmitRate))); // no earlier sample
    EXPECT_FLOAT_EQ(value(first, SeriesMetric::ProbeLatency), 2.5);
    EXPECT_EQ(value(first, SeriesMetric::ProbeOk), 1);
    // 40 more retransmissions in 2 s: 20 per second.
    const auto second = extract(kStart.addSecs(2), service(QStringLiteral("web"), 7, 140));
    EXPECT_FLOAT_EQ(value(second, SeriesMetric::RetransmitRate), 20);
    // Connections closed and took their counts along: never negative.
    const auto third = extract(kStart.addSecs(3), service(QStringLiteral("web"), 7, 90));
    EXPECT_FLOAT_EQ(value(third, SeriesMetric::RetransmitRate), 0);
    ServiceSample failed = service(QStringLiteral("web"), 7, 90);
    failed.probe = SampleProbe{false, 0};
    failed.stats.listeners.first().backlog.reset();
    const auto fourth = extract(kStart.addSecs(4), failed);
    EXPECT_EQ(value(fourth, SeriesMetric::ProbeOk), 0);
    EXPECT_TRUE(std::isnan(value(fourth, SeriesMetric::ProbeLatency)));
    EXPECT_TRUE(std::isnan(value(fourth, SeriesMetric::AcceptQueueFill)));
}

struct BucketCase
{
    SeriesWindow window;
    QList<int> seconds; // samples at these offsets with ESTABLISHED = offset
    QList<qreal> xSeconds;
    QList<qreal> mins;
    QList<qreal> maxes;
    QList<qreal> means;
};

TEST(TimeSeriesStore, DownsamplesIntoMinMaxMeanBuckets)
{
    const BucketCase cases[] = {
        {SeriesWindow::FiveMinutes, {0, 1, 2}, {0, 1, 2}, {0, 1, 2}, {0, 1, 2}, {0, 1, 2}},
        {SeriesWindow::FifteenMinutes, {0, 1, 2, 3, 5}, {0, 3}, {0, 3}, {2, 5}, {1, 4}},
        {SeriesWindow::SixtyMinutes,
         {0, 6, 11, 12, 30},
         {0, 12, 24},
         {0, 12, 30},
         {11, 12, 30},
         {17.0 / 3, 12, 30}},
    };
    for (const BucketCase &c : cases) {
        SCOPED_TRACE(static_cast<int>(c.window));
        TimeSeriesStore store;
        for (int second : c.seconds)
            store.add(kNode.key, {at(second, {service(QStringLiteral("web"), second)})});
        const SeriesPoints points = store.query(kNode, SeriesMetric::Established, c.window);
        ASSERT_EQ(points.mean.size(), c.xSeconds.size());
        for (qsizetype i = 0; i < c.xSeconds.size(); ++i) {
            EXPECT_DOUBLE_EQ(points.mean[i].x(), kStartMs + c.xSeconds[i] * 1000);
            EXPECT_DOUBLE_EQ(points.min[i].y(), c.mins[i]);
            EXPECT_DOUBLE_EQ(points.max[i].y(), c.maxes[i]);
            EXPECT_NEAR(points.mean[i].y(), c.means[i], 1e-5);
        }
    }
}

TEST(TimeSeriesStore, KeepsTheLastBucketsOfEachWindowOnly)
{
    TimeSeriesStore store;
    // Two hours at 1 Hz: the 5 minute view holds its last 300 s, the hour view its last hour.
    for (int second = 0; second < 7200; ++second)
        store.add(kNode.key, {at(second, {service(QStringLiteral("web"), 1)})});
    const auto five = store.means(kNode, SeriesMetric::Established, SeriesWindow::FiveMinutes);
    ASSERT_EQ(five.size(), kBucketsPerWindow);
    EXPECT_DOUBLE_EQ(five.first().x(), kStartMs + (7200 - 300) * 1000.0);
    EXPECT_DOUBLE_EQ(five.last().x(), kStartMs + 7199 * 1000.0);
    const auto hour = store.means(kNode, SeriesMetric::Established, SeriesWindow::SixtyMinutes);
    ASSERT_EQ(hour.size(), kBucketsPerWindow);
    EXPECT_DOUBLE_EQ(hour.first().x(), kStartMs + 3600 * 1000.0);
}

TEST(TimeSeriesStore, AllServicesAndRegionsCombinePerMetric)
{
    TimeSeriesStore store;
    store.setRegion(QStringLiteral("fra-1"), QStringLiteral("fra"));
    store.setRegion(QStringLiteral("fra-2"), QStringLiteral("fra"));
    store.setRegion(QStringLiteral("ams-1"), QStringLiteral("ams"));
    ServiceSample slow = service(QStringLiteral("dns"), 3);
    slow.probe = SampleProbe{true, 7.5};
    store.add(QStringLiteral("fra-1"), {at(0, {service(QStringLiteral("web"), 10), slow})});
    store.add(QStringLiteral("fra-2"), {at(0, {service(QStringLiteral("web"), 5)})});
    store.add(QStringLiteral("ams-1"), {at(0, {service(QStringLiteral("web"), 100)})});
    const auto y = [&](const SeriesKey &key, SeriesMetric metric) {
        const auto points = store.means(key, metric, SeriesWindow::FiveMinutes);
        EXPECT_EQ(points.size(), 1);
        return points.isEmpty() ? -1.0 : points.first().y();
    };
    const SeriesKey fra{SeriesKey::Scope::Region, QStringLiteral("fra"), {}};
    const SeriesKey fraWeb{SeriesKey::Scope::Region, QStringLiteral("fra"), QStringLiteral("web")};
    const SeriesKey node{SeriesKey::Scope::Node, QStringLiteral("fra-1"), {}};
    EXPECT_DOUBLE_EQ(y(node, SeriesMetric::Established), 13);    // summed over services
    EXPECT_DOUBLE_EQ(y(fra, SeriesMetric::Established), 18);     // and over nodes
    EXPECT_DOUBLE_EQ(y(fraWeb, SeriesMetric::Established), 15);  // one service
    EXPECT_DOUBLE_EQ(y(fra, SeriesMetric::AcceptQueueFill), 50); // the fullest queue
    EXPECT_DOUBLE_EQ(y(fra, SeriesMetric::ProbeLatency), (2.5 * 2 + 7.5) / 3); // a mean
    EXPECT_EQ(store.nodesIn(QStringLiteral("fra")),
              (QStringList{QStringLiteral("fra-1"), QStringLiteral("fra-2")}));
}

TEST(TimeSeriesStore, RevisionsMoveOnlyForWhatChanged)
{
    TimeSeriesStore store;
    store.setRegion(QStringLiteral("fra-1"), QStringLiteral("fra"));
    store.setRegion(QStringLiteral("ams-1"), QStringLiteral("ams"));
    const SeriesKey fra{SeriesKey::Scope::Region, QStringLiteral("fra"), {}};
    const SeriesKey ams{SeriesKey::Scope::Region, QStringLiteral("ams"), {}};
    const SeriesKey fraNode{SeriesKey::Scope::Node, QStringLiteral("fra-1"), {}};
    const quint64 fraBefore = store.revision(fra);
    const quint64 amsBefore = store.revision(ams);
    const quint64 nodeBefore = store.revision(fraNode);
    store.add(QStringLiteral("fra-1"), {at(0, {service(QStringLiteral("web"), 1)})});
    EXPECT_NE(store.revision(fra), fraBefore);
    EXPECT_NE(store.revision(fraNode), nodeBefore);
    EXPECT_EQ(store.revision(ams), amsBefore);
    const quint64 amsNow = store.revision(ams);
    store.setRegion(QStringLiteral("fra-1"), QStringLiteral("ams")); // moved: both regions move
    EXPECT_NE(store.revision(ams), amsNow);
    store.removeNode(QStringLiteral("fra-1"));
    EXPECT_TRUE(
        store.means(fraNode, SeriesMetric::Established, SeriesWindow::FiveMinutes).isEmpty());
}

// The bound docs/DESIGN.md states: one node's service costs at most this much for the whole
// hour, allocated once.
constexpr std::size_t kDocumentedBytesPerServiceSeries = 140 * 1024;

TEST(TimeSeriesStore, MemoryIsFixedPerServiceSeriesAndWithinTheDocumentedBound)
{
    EXPECT_LE(TimeSeriesStore::bytesPerServiceSeries(), kDocumentedBytesPerServiceSeries);
    TimeSeriesStore store;
    EXPECT_EQ(store.bytesUsed(), 0u);
    const auto both = [](int second) {
        return at(second, {service(QStringLiteral("web"), 1), service(QStringLiteral("dns"), 2)});
    };
    store.add(kNode.key, {both(0)});
    const std::size_t afterOne = store.bytesUsed();
    EXPECT_GE(afterOne, 2 * TimeSeriesStore::bytesPerServiceSeries());
    EXPECT_LE(afterOne, 2 * kDocumentedBytesPerServiceSeries);
    // Two hours at 10 Hz, far more than any window holds: not one byte more.
    QList<SamplePoint> burst;
    for (int tenth = 1; tenth < 72000; ++tenth) {
        SamplePoint point = both(0);
        point.time = kStart.addMSecs(tenth * 100);
        burst.append(point);
    }
    store.add(kNode.key, burst);
    EXPECT_EQ(store.bytesUsed(), afterOne);
}

TEST(TimeSeriesStore, LateSamplesLandInTheirBucketAndTooOldOnesAreDropped)
{
    TimeSeriesStore store;
    store.add(kNode.key, {at(400, {service(QStringLiteral("web"), 4)})});
    store.add(kNode.key, {at(399, {service(QStringLiteral("web"), 2)})});
    store.add(kNode.key, {at(10, {service(QStringLiteral("web"), 99)})}); // out of the 5 min ring
    const auto five = store.means(kNode, SeriesMetric::Established, SeriesWindow::FiveMinutes);
    ASSERT_EQ(five.size(), 2);
    EXPECT_DOUBLE_EQ(five[0].y(), 2);
    EXPECT_DOUBLE_EQ(five[1].y(), 4);
    // The hour ring still reaches back that far.
    const auto hour = store.means(kNode, SeriesMetric::Established, SeriesWindow::SixtyMinutes);
    ASSERT_EQ(hour.size(), 2);
    EXPECT_DOUBLE_EQ(hour[0].y(), 99);
}

TEST(TimeSeriesStore, OlderSamplesAddedLaterGiveTheSameSeriesAsAllInOrder)
{
    QList<SamplePoint> samples;
    for (int second = 0; second < 900; ++second) {
        const auto retransmits = static_cast<quint64>(second * second % 97 + second * 3);
        samples.append(at(second, {service(QStringLiteral("web"), second % 13, retransmits),
                                   service(QStringLiteral("dns"), second % 5, retransmits / 2)}));
    }
    TimeSeriesStore inOrder;
    inOrder.add(QStringLiteral("fra-1"), samples);
    TimeSeriesStore newestFirst;
    newestFirst.add(QStringLiteral("fra-1"), samples.mid(600));
    newestFirst.add(QStringLiteral("fra-1"), {}); // nothing, and no harm
    newestFirst.addOlder(QStringLiteral("fra-1"), samples.mid(250, 350));
    newestFirst.addOlder(QStringLiteral("fra-1"), samples.mid(0, 250));
    for (int metric = 0; metric < kSeriesMetricCount; ++metric) {
        for (int window = 0; window < kSeriesWindowCount; ++window) {
            for (const QString &name : {QString(), QStringLiteral("web")}) {
                const SeriesKey key{SeriesKey::Scope::Node, QStringLiteral("fra-1"), name};
                const SeriesPoints expected =
                    inOrder.query(key, SeriesMetric(metric), SeriesWindow(window));
                const SeriesPoints got =
                    newestFirst.query(key, SeriesMetric(metric), SeriesWindow(window));
                ASSERT_FALSE(expected.mean.isEmpty());
                EXPECT_EQ(got.mean, expected.mean) << "metric " << metric << " window " << window;
                EXPECT_EQ(got.min, expected.min) << "metric " << metric << " window " << window;
                EXPECT_EQ(got.max, expected.max) << "metric " << metric << " window " << window;
            }
        }
    }
}

TEST(TimeSeriesStore, CoverageIsKeptPerNodeAndMovesTheRevision)
{
    TimeSeriesStore store;
    EXPECT_FALSE(store.coveredSince(QStringLiteral("fra-1")).has_value());
    const quint64 before = store.revision(kNode);
    store.setCoveredSince(QStringLiteral("fra-1"), kStart);
    EXPECT_EQ(store.coveredSince(QStringLiteral("fra-1")), std::optional<QDateTime>(kStart));
    EXPECT_GT(store.revision(kNode), before);
    EXPECT_FALSE(store.coveredSince(QStringLiteral("ams-1")).has_value());
    store.removeNode(QStringLiteral("fra-1"));
    EXPECT_FALSE(store.coveredSince(QStringLiteral("fra-1")).has_value());
}

} // namespace
} // namespace anycast::modeltest
