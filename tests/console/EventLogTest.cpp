// The event log's rules, with events made by hand and a clock the test moves: merged by
// time, one insert per batch, gaps placed where events may be missing, the caps and their
// count, the chart markers; the table model and its filters over it, checked by
// QAbstractItemModelTester as rows come and go.
#include "app/models/EventLog.h"

#include "app/models/EventFilterProxy.h"
#include "app/models/EventLogModel.h"
#include "app/models/ModelRoles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

namespace anycast {
namespace {

const QDateTime kStart = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
const EventOrigin kFra{QStringLiteral("ssh:fra-1"), QStringLiteral("fra-1"), QStringLiteral("fra")};
const EventOrigin kAms{QStringLiteral("ssh:ams-1"), QStringLiteral("ams-1"), QStringLiteral("ams")};

AgentEvent event(quint64 seq, int second, const QString &kind, const QString &message = {},
                 const QString &service = QStringLiteral("web"))
{
    return AgentEvent{seq,
                      kStart.addSecs(second),
                      kind,
                      service,
                      message.isEmpty() ? QStringLiteral("%1 %2").arg(kind).arg(seq) : message,
                      {}};
}

class EventLogTest : public ::testing::Test
{
protected:
    EventLog::Clock clock()
    {
        return [this] { return m_now; };
    }

    QStringList messages() const
    {
        QStringList result;
        for (const EventEntry &entry : m_log->entries())
            result.append(entry.isGap() ? QStringLiteral("gap:") + entry.origin.node
                                        : entry.event.message);
        return result;
    }

    void make(EventLog::Limits limits = {})
    {
        m_log = std::make_unique<EventLog>(clock(), limits);
        m_model = std::make_unique<EventLogModel>(m_log.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }

    QDateTime m_now = kStart.addSecs(100);
    std::unique_ptr<EventLog> m_log;
    std::unique_ptr<EventLogModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

TEST_F(EventLogTest, TwoNodesEventsAreMergedByTimeAndABurstIsOneInsert)
{
    make();
    QSignalSpy inserts(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_log->add(kFra, {event(1, 1, QStringLiteral("health")), event(2, 5, QStringLiteral("route"))});
    m_log->add(kAms, {event(1, 3, QStringLiteral("health")), event(2, 7, QStringLiteral("probe"))});
    EXPECT_EQ(m_model->rowCount(), 0) << "nothing joins before flush()";
    m_log->flush();
    EXPECT_EQ(messages(), (QStringList{"health 1", "health 1", "route 2", "probe 2"}));
    EXPECT_EQ(m_log->entries()[1].origin.region, QStringLiteral("ams"));
    // Interleaved by time: each new row between old ones is its own run; a fresh log is one.
    EXPECT_EQ(inserts.count(), 1);

    inserts.clear();
    m_log->add(kFra, {event(3, 10, QStringLiteral("drain")), event(4, 11, QStringLiteral("route")),
                      event(5, 12, QStringLiteral("route"))});
    m_log->flush();
    ASSERT_EQ(inserts.count(), 1);
    EXPECT_EQ(inserts[0][1].toInt(), 4);
    EXPECT_EQ(inserts[0][2].toInt(), 6);

    // A node that was away delivers older events later: they land where their time says.
    inserts.clear();
    m_log->add(kAms, {event(3, 8, QStringLiteral("config")), event(4, 9, QStringLiteral("fleet"))});
    m_log->flush();
    EXPECT_EQ(inserts.count(), 1);
    EXPECT_EQ(messages()[4], QStringLiteral("config 3"));
    EXPECT_EQ(messages()[5], QStringLiteral("fleet 4"));
    for (qsizetype i = 1; i < m_log->entries().size(); ++i)
        EXPECT_LE(m_log->entries()[i - 1].time, m_log->entries()[i].time);
    const QModelIndex first = m_model->index(0, static_cast<int>(EventColumn::Kind));
    EXPECT_EQ(first.data().toString(), QStringLiteral("Health"));
    EXPECT_EQ(first.data(EventRole::KindRole).toString(), QStringLiteral("health"));
    EXPECT_EQ(first.data(EventRole::TimeRole).toDateTime(), kStart.addSecs(1));
    const QModelIndex time = m_model->index(0, static_cast<int>(EventColumn::Time));
    EXPECT_EQ(time.data().toString(),
              kStart.addSecs(1).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    EXPECT_TRUE(time.data(Qt::ToolTipRole).toString().endsWith(QStringLiteral(" UTC")));
}

TEST_F(EventLogTest, ARestartGapSitsJustBeforeTheNewRunsFirstEvent)
{
    make();
    m_log->add(kFra, {event(1, 1, QStringLiteral("health")), event(2, 2, QStringLiteral("route"))});
    m_log->flush();
    m_log->addRestart(kFra);
    m_log->flush();
    EXPECT_TRUE(m_log->hasPending()) << "the gap waits for the events after it";
    EXPECT_EQ(m_log->entries().size(), 2);
    m_log->add(kFra,
               {event(1, 50, QStringLiteral("config")), event(2, 51, QStringLiteral("health"))});
    m_log->flush();
    EXPECT_FALSE(m_log->hasPending());
    EXPECT_EQ(messages(),
              (QStringList{"health 1", "route 2", "gap:fra-1", "config 1", "health 2"}));
    const EventEntry &gap = m_log->entries()[2];
    EXPECT_EQ(gap.type, EventEntry::Type::AgentRestarted);
    EXPECT_EQ(gap.time, kStart.addSecs(50));
    const QModelIndex kind = m_model->index(2, static_cast<int>(EventColumn::Kind));
    EXPECT_EQ(kind.data().toString(), QStringLiteral("Gap"));
    EXPECT_EQ(kind.data(EventRole::EntryTypeRole).toInt(),
              static_cast<int>(EventEntry::Type::AgentRestarted));
    EXPECT_TRUE(m_model->index(2, static_cast<int>(EventColumn::Message))
                    .data()
                    .toString()
                    .contains(QStringLiteral("restarted")));
}

TEST_F(EventLogTest, AGapWithNoEventAfterItIsPlacedWhenNoticedOnceItHasWaited)
{
    make();
    m_log->add(kAms, {event(1, 1, QStringLiteral("health"))});
    m_log->addLost(kAms, 2, 40);
    m_log->flush();
    EXPECT_EQ(m_log->entries().size(), 1);
    m_now = m_now.addMSecs(EventLog::kGapWaitMs);
    m_log->flush();
    ASSERT_EQ(m_log->entries().size(), 2);
    const EventEntry &gap = m_log->entries()[1];
    EXPECT_EQ(gap.type, EventEntry::Type::EventsLost);
    EXPECT_EQ(gap.time, kStart.addSecs(100));
    EXPECT_EQ(m_model->index(1, static_cast<int>(EventColumn::Message)).data().toString(),
              QStringLiteral("Events 2 to 40 are missing: the agent no longer kept them."));
}

TEST_F(EventLogTest, CapsDropTheOldestRowsPerNodeAndFleetWideAndCountThem)
{
    make(EventLog::Limits{3, 5, 100});
    QSignalSpy dropped(m_log.get(), &EventLog::droppedChanged);
    QList<AgentEvent> fra;
    for (int i = 1; i <= 5; ++i)
        fra.append(event(static_cast<quint64>(i), i * 2, QStringLiteral("route")));
    m_log->add(kFra, fra);
    m_log->flush();
    EXPECT_EQ(messages(), (QStringList{"route 3", "route 4", "route 5"}));
    EXPECT_EQ(m_log->dropped(), 2u);
    EXPECT_EQ(m_log->droppedOf(kFra.endpoint), 2u);
    EXPECT_EQ(dropped.count(), 1);

    m_log->add(kAms, {event(1, 1, QStringLiteral("health")), event(2, 7, QStringLiteral("health")),
                      event(3, 11, QStringLiteral("health"))});
    m_log->flush();
    // Six rows for a fleet cap of five: the oldest of all goes (ams's first, at 1 s).
    EXPECT_EQ(m_model->rowCount(), 5);
    EXPECT_EQ(messages(), (QStringList{"route 3", "health 2", "route 4", "route 5", "health 3"}));
    EXPECT_EQ(m_log->dropped(), 3u);
    EXPECT_EQ(m_log->droppedOf(kAms.endpoint), 1u);
}

TEST_F(EventLogTest, OperatorActionsOutliveTheCapsAndMarkersAreDrainsUndrainsAndRoutes)
{
    make(EventLog::Limits{2, 10, 100});
    m_log->add(kFra,
               {event(1, 1, QStringLiteral("drain")), event(2, 2, QStringLiteral("route")),
                event(3, 3, QStringLiteral("health")), event(4, 4, QStringLiteral("undrain"))});
    m_log->add(kAms, {event(1, 2, QStringLiteral("route"))});
    m_log->flush();
    EXPECT_EQ(m_log->entries().size(), 3);
    ASSERT_EQ(m_log->operatorActions().size(), 2);
    EXPECT_EQ(m_log->operatorActions()[0].event.kind, QStringLiteral("drain"));

    const auto node = m_log->markersOfNode(kFra.endpoint, kStart, kStart.addSecs(10));
    ASSERT_EQ(node.size(), 1); // the drain and the route left the log with the cap
    EXPECT_EQ(node[0].kind, QStringLiteral("undrain"));
    EXPECT_EQ(node[0].endpoint, kFra.endpoint);
    const auto region = m_log->markersOfRegion(QStringLiteral("ams"), kStart, kStart.addSecs(2));
    ASSERT_EQ(region.size(), 1);
    EXPECT_EQ(region[0].label, QStringLiteral("route 1"));
    EXPECT_EQ(region[0].time, kStart.addSecs(2));
    EXPECT_TRUE(m_log->markersOfRegion(QStringLiteral("ams"), kStart.addSecs(3), kStart.addSecs(9))
                    .isEmpty());

    m_log->removeNode(kFra.endpoint);
    EXPECT_EQ(m_model->rowCount(), 1);
    EXPECT_TRUE(m_log->operatorActions().isEmpty());
}

TEST_F(EventLogTest, TheFilterNarrowsByNodeRegionKindAndTextAndKeepsGaps)
{
    make();
    EventFilterProxy proxy;
    proxy.setSourceModel(m_model.get());
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_log->add(kFra,
               {event(1, 1, QStringLiteral("drain"), QStringLiteral("web: draining")),
                event(2, 2, QStringLiteral("route"), QStringLiteral("192.0.2.1/32 withdrawn"))});
    m_log->add(kAms,
               {event(1, 3, QStringLiteral("health"), QStringLiteral("starting -> healthy"))});
    m_log->addRestart(kAms);
    m_log->add(kAms, {event(1, 9, QStringLiteral("config"), QStringLiteral("reloaded x"))});
    m_log->flush();
    ASSERT_EQ(proxy.rowCount(), 5);

    const auto column = [&](int role) {
        QStringList values;
        for (int row = 0; row < proxy.rowCount(); ++row)
            values.append(proxy.index(row, 0).data(role).toString());
        return values;
    };
    proxy.setNode(kFra.endpoint);
    EXPECT_EQ(column(EventRole::NodeRole), (QStringList{"fra-1", "fra-1"}));
    proxy.setNode({});
    proxy.setRegion(QStringLiteral("ams"));
    EXPECT_EQ(column(EventRole::RegionRole), (QStringList{"ams", "ams", "ams"}));
    proxy.setRegion({});
    proxy.setKinds({QStringLiteral("drain")});
    // The gap stays: events of any kind may be missing there.
    EXPECT_EQ(column(EventRole::KindRole), (QStringList{"drain", ""}));
    proxy.setKinds({});
    proxy.setText(QStringLiteral("WITHDRAWN"));
    EXPECT_EQ(column(EventRole::MessageRole), (QStringList{"192.0.2.1/32 withdrawn", ""}));
    proxy.setText(QStringLiteral("Health")); // the kind's word counts as text too
    EXPECT_EQ(column(EventRole::KindRole), (QStringList{"health", ""}));
    proxy.setText({});
    EXPECT_EQ(proxy.rowCount(), 5);
}

} // namespace
} // namespace anycast
