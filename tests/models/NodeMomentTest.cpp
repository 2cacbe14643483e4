// A click on a chart opens the node as it was then: the bucket's values as the chart drew
// them, and the node's own last events up to the end of that bucket, never a later one and
// never another node's.
#include "app/models/NodeMoment.h"

#include "app/models/EventLog.h"

#include <gtest/gtest.h>

namespace anycast::modeltest {
namespace {

// A whole minute, so that every window's buckets start exactly here.
const QDateTime kStart(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC);
const QString kFra = QStringLiteral("ssh:fra-1");
const QString kAms = QStringLiteral("ssh:ams-1");

ServiceSample service(quint64 established, quint32 acceptQueue)
{
    ServiceSample sample;
    sample.stats.name = QStringLiteral("web");
    sample.stats.states[TcpState::Established] = established;
    sample.stats.states[TcpState::SynRecv] = 2;
    sample.stats.states[TcpState::CloseWait] = 4;
    ListenerStats listener;
    listener.acceptQueue = acceptQueue;
    listener.backlog = 10;
    sample.stats.listeners = {listener};
    sample.probe = SampleProbe{true, 2.5};
    return sample;
}

AgentEvent event(quint64 seq, int second, const QString &kind, const QString &message)
{
    return AgentEvent{seq, kStart.addSecs(second), kind, QStringLiteral("web"), message, {}};
}

class NodeMomentTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // fra-1: 10 ESTABLISHED for 20 s, then its queue fills and ESTABLISHED falls.
        QList<SamplePoint> samples;
        for (int second = 0; second < 40; ++second) {
            const bool stalled = second >= 20;
            samples.append(
                SamplePoint{kStart.addSecs(second), {service(stalled ? 3 : 10, stalled ? 9 : 0)}});
        }
        m_store.add(kFra, samples);
        m_log.add({kFra, QStringLiteral("fra-1"), QStringLiteral("fra")},
                  {event(1, 5, QStringLiteral("health"), QStringLiteral("healthy")),
                   event(2, 21, QStringLiteral("health"), QStringLiteral("degraded: queue")),
                   event(3, 22, QStringLiteral("route"), QStringLiteral("de-preferred")),
                   event(4, 35, QStringLiteral("route"), QStringLiteral("withdrawn LATER"))});
        m_log.add({kAms, QStringLiteral("ams-1"), QStringLiteral("ams")},
                  {event(1, 21, QStringLiteral("route"), QStringLiteral("AMS EVENT"))});
        m_log.flush();
    }

    QString at(int second, SeriesWindow window = SeriesWindow::FiveMinutes) const
    {
        return NodeMoment::describe(m_store, &m_log, kFra, QStringLiteral("fra-1"), window,
                                    kStart.addMSecs(second * 1000 + 400).toMSecsSinceEpoch());
    }

    TimeSeriesStore m_store;
    EventLog m_log;
};

TEST_F(NodeMomentTest, TheBucketsValuesAndTheEventsUpToItsEnd)
{
    const QString text = at(25);
    EXPECT_TRUE(text.startsWith(QStringLiteral("fra-1 from 12:00:25 to 12:00:26 UTC")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(
        QStringLiteral("ESTABLISHED 3, SYN_RECV 2, TIME_WAIT 0, CLOSE_WAIT 4, other 0")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(
        QStringLiteral("accept queue 90 % full, retransmissions n/a, probe latency 2.5 ms")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("probe latency 2.5 ms"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("12:00:21 health (web): degraded: queue")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("12:00:22 route (web): de-preferred")))
        << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("LATER"))) << "an event after the moment";
    EXPECT_FALSE(text.contains(QStringLiteral("AMS EVENT"))) << "another node's event";

    // Before the stall: the values then, and only the events until then.
    const QString before = at(10);
    EXPECT_TRUE(before.contains(QStringLiteral("ESTABLISHED 10,"))) << before.toStdString();
    EXPECT_TRUE(before.contains(QStringLiteral("accept queue 0 % full"))) << before.toStdString();
    EXPECT_TRUE(before.contains(QStringLiteral("healthy"))) << before.toStdString();
    EXPECT_FALSE(before.contains(QStringLiteral("degraded"))) << before.toStdString();
}

TEST_F(NodeMomentTest, ALongerWindowSpeaksOfItsWiderBucket)
{
    // 12 s buckets: 12:00:24 to 12:00:36 holds the stalled samples only, and the event at
    // 12:00:35 lies inside it.
    const QString text = at(25, SeriesWindow::SixtyMinutes);
    EXPECT_TRUE(text.startsWith(QStringLiteral("fra-1 from 12:00:24 to 12:00:36 UTC")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("ESTABLISHED 3,"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("withdrawn LATER"))) << text.toStdString();
}

TEST_F(NodeMomentTest, NoSampleAndNoEventAreSaidNotInvented)
{
    const QString text =
        NodeMoment::describe(m_store, &m_log, kFra, QStringLiteral("fra-1"),
                             SeriesWindow::FiveMinutes, kStart.addSecs(-60).toMSecsSinceEpoch());
    EXPECT_TRUE(text.contains(QStringLiteral("no sample of this node in that interval")))
        << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("ESTABLISHED"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("No event of this node held up to then.")))
        << text.toStdString();
}

TEST_F(NodeMomentTest, OnlyTheLastFewEventsAreListed)
{
    QList<AgentEvent> many;
    for (int i = 0; i < 20; ++i)
        many.append(event(10 + i, 26, QStringLiteral("probe"), QStringLiteral("probe %1").arg(i)));
    m_log.add({kFra, QStringLiteral("fra-1"), QStringLiteral("fra")}, many);
    m_log.flush();
    const QString text = at(26);
    EXPECT_EQ(text.count(QStringLiteral(" probe (web): ")), NodeMoment::kEventsShown)
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("probe 19"))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("probe 13\n"))) << text.toStdString();
}

} // namespace
} // namespace anycast::modeltest
