// The session's pure bookkeeping: which live events and samples are new, what to ask the
// agent after a reconnect, what a catch-up delivers, and when `status` goes out.
#include "app/session/BackfillQueue.h"
#include "app/session/CoalescedCall.h"
#include "app/session/EventSequence.h"
#include "app/session/SampleSequence.h"

#include <gtest/gtest.h>

namespace anycast::modeltest {
namespace {

const QDateTime kStart(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC);

AgentEvent event(quint64 seq, const QString &message = {})
{
    AgentEvent e;
    e.seq = seq;
    e.time = kStart.addSecs(static_cast<qint64>(seq));
    e.kind = QStringLiteral("route");
    e.message = message.isEmpty() ? QStringLiteral("event %1").arg(seq) : message;
    return e;
}

EventsReply reply(quint64 lastSeq, std::initializer_list<AgentEvent> events)
{
    return EventsReply{lastSeq, QList<AgentEvent>(events)};
}

QList<quint64> seqs(const QList<AgentEvent> &events)
{
    QList<quint64> result;
    for (const AgentEvent &e : events)
        result.append(e.seq);
    return result;
}

// Brings a sequence to "last seen = seq" through a first load.
void seen(EventSequence &sequence, quint64 seq)
{
    sequence.beginCatchUp();
    sequence.finishCatchUp(reply(seq, {event(seq)}));
}

TEST(EventSequence, LiveEventsInOrderAreDeliveredRepeatsDroppedAGapAsksForACatchUp)
{
    EventSequence sequence;
    seen(sequence, 5);
    EXPECT_EQ(sequence.live(event(6)), EventSequence::Live::Deliver);
    EXPECT_EQ(sequence.live(event(6)), EventSequence::Live::Duplicate);
    EXPECT_EQ(sequence.live(event(4)), EventSequence::Live::Duplicate);
    EXPECT_EQ(sequence.live(event(9)), EventSequence::Live::Gap);
    // The gap's catch-up returns 7..9 after the anchor 6, and the held 9 once only.
    const auto query = sequence.beginCatchUp();
    EXPECT_EQ(query.after, std::optional<quint64>(5));
    const auto caughtUp =
        sequence.finishCatchUp(reply(9, {event(6), event(7), event(8), event(9)}));
    EXPECT_EQ(seqs(caughtUp.deliver), (QList<quint64>{7, 8, 9}));
    EXPECT_FALSE(caughtUp.agentRestarted);
    EXPECT_FALSE(caughtUp.lost.has_value());
}

TEST(EventSequence, AFirstLoadAsksForEverythingAndDeliversItInOrder)
{
    EventSequence sequence;
    const auto query = sequence.beginCatchUp();
    EXPECT_FALSE(query.after.has_value());
    EXPECT_EQ(query.limit, EventSequence::kPageLimit);
    const auto caughtUp = sequence.finishCatchUp(reply(3, {event(2), event(1), event(3)}));
    EXPECT_EQ(seqs(caughtUp.deliver), (QList<quint64>{1, 2, 3}));
    EXPECT_EQ(sequence.lastSeq(), std::optional<quint64>(3));
}

// After a reconnect: what the agent answers, and what the console must conclude. A restart
// delivers nothing from the first answer (it only reaches back to the old numbers) and asks
// again for everything.
struct CatchUpCase
{
    const char *name;
    quint64 lastSeen;
    EventsReply answer;
    QList<AgentEvent> liveWhileWaiting;
    QList<quint64> delivered;
    std::optional<std::pair<quint64, quint64>> lost;
};

TEST(EventSequence, CatchUpAfterAReconnect)
{
    const CatchUpCase cases[] = {
        {"nothing happened: only the anchor comes back", 5, reply(5, {event(5)}), {}, {}, {}},
        {"two events while down", 5, reply(7, {event(5), event(6), event(7)}), {}, {6, 7}, {}},
        {"a live event raced the reply: once, in order",
         5,
         reply(7, {event(5), event(6), event(7)}),
         {event(7), event(8)},
         {6, 7, 8},
         {}},
        {"more happened than the agent keeps: the lost seqs are named",
         5,
         reply(2000, {event(1001), event(1002)}),
         {},
         {1001, 1002},
         std::make_pair(quint64(6), quint64(1000))},
    };
    for (const CatchUpCase &c : cases) {
        SCOPED_TRACE(c.name);
        EventSequence sequence;
        seen(sequence, c.lastSeen);
        const auto query = sequence.beginCatchUp();
        EXPECT_EQ(query.after, std::optional<quint64>(c.lastSeen - 1));
        for (const AgentEvent &e : c.liveWhileWaiting)
            EXPECT_EQ(sequence.live(e), EventSequence::Live::Held);
        const auto caughtUp = sequence.finishCatchUp(c.answer);
        EXPECT_EQ(seqs(caughtUp.deliver), c.delivered);
        EXPECT_FALSE(caughtUp.agentRestarted);
        EXPECT_EQ(caughtUp.lost, c.lost);
        EXPECT_FALSE(sequence.catchingUp());
    }
}

struct RestartCase
{
    const char *name;
    quint64 lastSeen;
    EventsReply answer; // to "after lastSeen - 1"
    QList<AgentEvent> liveWhileWaiting;
    EventsReply reload; // to "everything"
    QList<quint64> delivered;
};

TEST(EventSequence, ARestartedAgentIsReloadedFromItsFirstEvent)
{
    const RestartCase cases[] = {
        {"fewer events than we had seen: last_seq went backwards",
         5,
         reply(2, {}),
         {},
         reply(2, {event(1, QStringLiteral("new run")), event(2, QStringLiteral("new run 2"))}),
         {1, 2}},
        {"already more events: the anchor is another event",
         2,
         reply(3, {event(2, QStringLiteral("another event")), event(3)}),
         {},
         reply(3, {event(1, QStringLiteral("new run")), event(2, QStringLiteral("another event")),
                   event(3)}),
         {1, 2, 3}},
        {"live events of the new run are news, not repeats, and wait for the reload",
         5,
         reply(1, {}),
         {event(2, QStringLiteral("new run 2")), event(3, QStringLiteral("new run 3"))},
         reply(2, {event(1, QStringLiteral("new run")), event(2, QStringLiteral("new run 2"))}),
         {1, 2, 3}},
    };
    for (const RestartCase &c : cases) {
        SCOPED_TRACE(c.name);
        EventSequence sequence;
        seen(sequence, c.lastSeen);
        sequence.beginCatchUp();
        for (const AgentEvent &e : c.liveWhileWaiting)
            EXPECT_EQ(sequence.live(e), EventSequence::Live::Held);
        const auto first = sequence.finishCatchUp(c.answer);
        EXPECT_TRUE(first.agentRestarted);
        EXPECT_TRUE(first.deliver.isEmpty());
        EXPECT_TRUE(sequence.catchingUp());
        const auto again = sequence.beginCatchUp();
        EXPECT_FALSE(again.after.has_value());
        const auto reloaded = sequence.finishCatchUp(c.reload);
        EXPECT_FALSE(reloaded.agentRestarted);
        EXPECT_EQ(seqs(reloaded.deliver), c.delivered);
        EXPECT_FALSE(sequence.catchingUp());
    }
}

TEST(EventSequence, AnAbortedCatchUpDropsHeldEventsSoTheNextOneFetchesThem)
{
    EventSequence sequence;
    seen(sequence, 5);
    sequence.beginCatchUp();
    EXPECT_EQ(sequence.live(event(6)), EventSequence::Live::Held);
    sequence.abortCatchUp();
    EXPECT_EQ(sequence.lastSeq(), std::optional<quint64>(5));
    const auto query = sequence.beginCatchUp();
    EXPECT_EQ(query.after, std::optional<quint64>(4));
}

SamplePoint sample(int second)
{
    SamplePoint point;
    point.time = kStart.addSecs(second);
    return point;
}

QList<int> seconds(const QList<SamplePoint> &samples)
{
    QList<int> result;
    for (const SamplePoint &s : samples)
        result.append(static_cast<int>(kStart.secsTo(s.time)));
    return result;
}

TEST(SampleSequence, FirstConnectAsksForEverythingAndKeepsTheWindow)
{
    SampleSequence sequence(std::chrono::seconds(60));
    sequence.beginCatchUp();
    EXPECT_FALSE(sequence.historySeconds(kStart.addSecs(200)).has_value());
    HistoryReply history{1000, 3600, {sample(100), sample(130), sample(139), sample(140)}};
    EXPECT_EQ(sequence.live(sample(141)), SampleSequence::Live::Held);
    EXPECT_EQ(seconds(sequence.finishCatchUp(history)), (QList<int>{100, 130, 139, 140, 141}));
}

TEST(SampleSequence, TheWindowIsCountedFromTheNewestHistorySample)
{
    SampleSequence sequence(std::chrono::seconds(30));
    sequence.beginCatchUp();
    HistoryReply history{1000, 3600, {sample(0), sample(20), sample(31), sample(50)}};
    EXPECT_EQ(seconds(sequence.finishCatchUp(history)), (QList<int>{20, 31, 50}));
}

TEST(SampleSequence, AReconnectAsksForTheGapPlusTheSkewMarginAndDropsWhatItHas)
{
    SampleSequence sequence(std::chrono::seconds(3600));
    sequence.beginCatchUp();
    sequence.finishCatchUp(HistoryReply{1000, 3600, {sample(0), sample(1)}});
    EXPECT_EQ(sequence.live(sample(2)), SampleSequence::Live::Deliver);
    EXPECT_EQ(sequence.live(sample(2)), SampleSequence::Live::Stale);
    // Down from 2 s to 62 s by the console's clock.
    sequence.beginCatchUp();
    const auto asked = sequence.historySeconds(kStart.addSecs(62));
    ASSERT_TRUE(asked.has_value());
    EXPECT_EQ(*asked, 60 + SampleSequence::kClockSkewMargin.count() + 1);
    EXPECT_EQ(sequence.live(sample(63)), SampleSequence::Live::Held);
    const HistoryReply history{
        1000, 3600, {sample(1), sample(2), sample(3), sample(62), sample(63)}};
    EXPECT_EQ(seconds(sequence.finishCatchUp(history)), (QList<int>{3, 62, 63}));
}

TEST(SampleSequence, AGapLongerThanTheAgentKeepsAsksForEverything)
{
    SampleSequence sequence(std::chrono::seconds(3600));
    sequence.beginCatchUp();
    sequence.finishCatchUp(HistoryReply{1000, 600, {sample(0)}});
    sequence.beginCatchUp();
    EXPECT_FALSE(sequence.historySeconds(kStart.addSecs(900)).has_value());
}

TEST(SampleSequence, AFirstLookThenTheOlderRestMeetWithNoGapAndNoRepeat)
{
    SampleSequence sequence(std::chrono::seconds(600), std::chrono::seconds(60));
    sequence.beginCatchUp();
    ASSERT_EQ(sequence.historySeconds(kStart.addSecs(1000)), std::optional<int>(60));
    EXPECT_FALSE(sequence.needsOlder());
    const HistoryReply firstLook{1000, 3600, {sample(940), sample(970), sample(1000)}};
    EXPECT_EQ(sequence.live(sample(1001)), SampleSequence::Live::Held);
    EXPECT_EQ(seconds(sequence.finishCatchUp(firstLook, 60)), (QList<int>{940, 970, 1000, 1001}));
    EXPECT_EQ(sequence.coveredSince(), std::optional<QDateTime>(kStart.addSecs(940)));
    EXPECT_TRUE(sequence.covers(std::chrono::seconds(60)));
    EXPECT_FALSE(sequence.covers(std::chrono::seconds(300)));
    ASSERT_TRUE(sequence.needsOlder());
    EXPECT_EQ(sequence.olderSeconds(), std::optional<int>(600)); // the window, less than the span
    // Live samples go on while the older backfill is out; the reply overlaps the first look
    // and reaches past the window.
    EXPECT_EQ(sequence.live(sample(1002)), SampleSequence::Live::Deliver);
    const HistoryReply older{
        1000,
        3600,
        {sample(300), sample(402), sample(500), sample(939), sample(940), sample(1002)}};
    EXPECT_EQ(seconds(sequence.finishOlder(older, 600)), (QList<int>{402, 500, 939}));
    EXPECT_EQ(sequence.firstTime(), std::optional<QDateTime>(kStart.addSecs(402)));
    EXPECT_EQ(sequence.coveredSince(), std::optional<QDateTime>(kStart.addSecs(402)));
    EXPECT_FALSE(sequence.needsOlder());
    EXPECT_TRUE(sequence.covers(std::chrono::seconds(600)));
    EXPECT_EQ(sequence.live(sample(1002)), SampleSequence::Live::Stale);
}

TEST(SampleSequence, AnAgentKeepingLessThanTheWindowIsAskedForAllOfIt)
{
    SampleSequence sequence(std::chrono::seconds(3600), std::chrono::seconds(300));
    sequence.beginCatchUp();
    sequence.finishCatchUp(HistoryReply{1000, 900, {sample(700), sample(1000)}}, 300);
    ASSERT_TRUE(sequence.needsOlder());
    EXPECT_FALSE(sequence.olderSeconds().has_value());
    EXPECT_EQ(seconds(sequence.finishOlder(HistoryReply{1000, 900, {sample(100), sample(700)}},
                                           std::nullopt)),
              QList<int>{100});
    // All the agent keeps: its span back from the reply's newest sample.
    EXPECT_EQ(sequence.coveredSince(), std::optional<QDateTime>(kStart.addSecs(700 - 900)));
    EXPECT_FALSE(sequence.needsOlder());
}

TEST(SampleSequence, AFirstLookAtAnAgentWithNothingYetNeedsNothingOlder)
{
    SampleSequence sequence(std::chrono::seconds(3600), std::chrono::seconds(300));
    sequence.beginCatchUp();
    EXPECT_TRUE(sequence.finishCatchUp(HistoryReply{1000, 3600, {}}, 300).isEmpty());
    EXPECT_EQ(sequence.live(sample(1)), SampleSequence::Live::Deliver);
    EXPECT_FALSE(sequence.needsOlder());
    EXPECT_TRUE(sequence.covers(std::chrono::seconds(3600)));
}

TEST(SampleSequence, ARestartedAgentStartsWithAFirstLookAgain)
{
    SampleSequence sequence(std::chrono::seconds(3600), std::chrono::seconds(300));
    sequence.beginCatchUp();
    sequence.finishCatchUp(HistoryReply{1000, 3600, {sample(700), sample(1000)}}, 300);
    sequence.reset();
    EXPECT_FALSE(sequence.needsOlder());
    EXPECT_FALSE(sequence.coveredSince().has_value());
    EXPECT_EQ(sequence.historySeconds(kStart.addSecs(2000)), std::optional<int>(300));
}

TEST(CoalescedCall, ABurstCostsOneCallInFlightAndOneQueued)
{
    CoalescedCall call;
    EXPECT_TRUE(call.request());
    EXPECT_FALSE(call.request());
    EXPECT_FALSE(call.request());
    EXPECT_TRUE(call.queued());
    EXPECT_TRUE(call.finished()); // the queued one goes out
    EXPECT_FALSE(call.queued());
    EXPECT_TRUE(call.inFlight());
    EXPECT_FALSE(call.finished()); // nothing queued behind it
    EXPECT_FALSE(call.inFlight());
    EXPECT_TRUE(call.request());
    call.reset();
    EXPECT_FALSE(call.inFlight());
    EXPECT_TRUE(call.request());
}

TEST(BackfillQueue, AtMostTheLimitRunAndTheRestStartInOrderAsSlotsFree)
{
    BackfillQueue queue(2);
    QList<int> started;
    QList<BackfillQueue::Ticket> tickets;
    for (int i = 0; i < 5; ++i)
        tickets.append(queue.enqueue([&started, i] { started.append(i); }));
    EXPECT_EQ(started, (QList<int>{0, 1}));
    EXPECT_EQ(queue.running(), 2);
    EXPECT_EQ(queue.waiting(), 3);
    queue.finish(tickets[3]); // its session went away while it waited
    EXPECT_EQ(queue.waiting(), 2);
    queue.finish(tickets[0]);
    EXPECT_EQ(started, (QList<int>{0, 1, 2}));
    queue.finish(tickets[1]);
    queue.finish(tickets[2]);
    EXPECT_EQ(started, (QList<int>{0, 1, 2, 4}));
    queue.finish(tickets[4]);
    queue.finish(tickets[4]); // twice is harmless
    EXPECT_EQ(queue.running(), 0);
    EXPECT_EQ(queue.waiting(), 0);
}

} // namespace
} // namespace anycast::modeltest

namespace anycast::modeltest {
namespace {

TEST(BackfillQueue, DemandsGoFirstThenConnectsAndBackgroundLeavesASlotFree)
{
    BackfillQueue queue(3);
    QList<QString> started;
    const auto start = [&started](const QString &name) {
        return [&started, name] { started.append(name); };
    };
    const auto b1 = queue.enqueue(start(QStringLiteral("b1")), BackfillQueue::Priority::Background);
    const auto b2 = queue.enqueue(start(QStringLiteral("b2")), BackfillQueue::Priority::Background);
    const auto b3 = queue.enqueue(start(QStringLiteral("b3")), BackfillQueue::Priority::Background);
    EXPECT_EQ(started, (QList<QString>{QStringLiteral("b1"), QStringLiteral("b2")}));
    // The slot background work leaves free goes to a new node at once.
    const auto c1 = queue.enqueue(start(QStringLiteral("c1")), BackfillQueue::Priority::Connect);
    const auto c2 = queue.enqueue(start(QStringLiteral("c2")), BackfillQueue::Priority::Connect);
    EXPECT_EQ(started.last(), QStringLiteral("c1"));
    EXPECT_EQ(queue.waiting(), 2);
    // A view asks for b3's node: it goes ahead of c2.
    queue.raise(b3, BackfillQueue::Priority::Demand);
    queue.raise(b3, BackfillQueue::Priority::Background); // never down
    queue.finish(b1);
    EXPECT_EQ(started.last(), QStringLiteral("b3"));
    queue.finish(b2);
    EXPECT_EQ(started.last(), QStringLiteral("c2"));
    EXPECT_EQ(queue.running(), 3);
    EXPECT_EQ(queue.waiting(), 0);
    for (const auto ticket : {c1, c2, b3})
        queue.finish(ticket);
    EXPECT_EQ(queue.running(), 0);
}

} // namespace
} // namespace anycast::modeltest
