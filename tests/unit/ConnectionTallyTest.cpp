#include "agent/sampler/ConnectionTally.h"

#include <gtest/gtest.h>

#include <vector>

namespace anycast {
namespace {

QList<ServicePorts> twoServices()
{
    return {{QStringLiteral("web"), {443}}, {QStringLiteral("dns"), {53}}};
}

ConnectionFields waitingFor(std::uint64_t cookie, std::uint32_t ms)
{
    ConnectionFields fields;
    fields.cookie = cookie;
    fields.timesKnown = true;
    fields.sinceDataSentMs = ms;
    return fields;
}

ConnectionFields accepted(std::uint64_t cookie, std::uint32_t unreadBytes = 0,
                          std::uint32_t sinceDataReceivedMs = 0,
                          TcpState state = TcpState::Established)
{
    ConnectionFields fields;
    fields.state = state;
    fields.accepted = true;
    fields.cookie = cookie;
    fields.unreadBytes = unreadBytes;
    fields.timesKnown = true;
    fields.sinceDataReceivedMs = sinceDataReceivedMs;
    return fields;
}

// An accepted connection whose data segments in and out are known.
ConnectionFields withSegments(std::uint64_t cookie, std::uint32_t in, std::uint32_t out,
                              std::uint32_t sinceDataReceivedMs,
                              TcpState state = TcpState::Established)
{
    ConnectionFields fields = accepted(cookie, 0, sinceDataReceivedMs, state);
    fields.segmentCountsKnown = true;
    fields.dataSegmentsIn = in;
    fields.dataSegmentsOut = out;
    return fields;
}

TEST(ConnectionTally, WaitingConnectionsAndTheOldest)
{
    ConnectionTally tally(twoServices());
    tally.reset();
    tally.add(0, waitingFor(1, 120));
    tally.add(0, waitingFor(2, 900));
    tally.add(0, waitingFor(3, 40));
    ConnectionFields closeWait = waitingFor(4, 300);
    closeWait.state = TcpState::CloseWait; // the client gave up; still in the queue
    tally.add(0, closeWait);
    const QList<ConnectionActivity> activity = tally.finish();
    ASSERT_EQ(activity.size(), 2);
    EXPECT_EQ(activity[0].service, QStringLiteral("web"));
    EXPECT_TRUE(activity[0].available);
    EXPECT_EQ(activity[0].waiting, 4u);
    EXPECT_EQ(activity[0].oldestWaitingMs, 900u);
    EXPECT_EQ(activity[0].unread, 0u);
    EXPECT_EQ(activity[1].service, QStringLiteral("dns"));
    EXPECT_EQ(activity[1].waiting, 0u);
}

TEST(ConnectionTally, AcceptedFromWaitingComparesWithThePreviousLook)
{
    ConnectionTally tally(twoServices());
    tally.reset();
    tally.add(0, waitingFor(10, 100));
    tally.add(0, waitingFor(11, 100));
    tally.add(0, waitingFor(12, 100));
    tally.add(1, waitingFor(20, 100));
    EXPECT_EQ(tally.finish()[0].acceptedFromWaiting, 0u);

    tally.reset();
    tally.add(0, accepted(10));                           // accepted, open
    tally.add(0, accepted(11, 0, 0, TcpState::FinWait1)); // accepted and closed
    tally.add(0, waitingFor(12, 200));                    // still waiting
    tally.add(0, accepted(99));                           // never seen waiting
    tally.add(1, accepted(10));                           // another service's
    ConnectionFields timeWait;
    timeWait.state = TcpState::TimeWait; // no inode any more: closed by its process
    timeWait.cookie = 20;
    tally.add(1, timeWait);
    const QList<ConnectionActivity> second = tally.finish();
    EXPECT_EQ(second[0].acceptedFromWaiting, 2u);
    EXPECT_EQ(second[0].waiting, 1u);
    EXPECT_EQ(second[1].acceptedFromWaiting, 1u);

    // Counted once: the look after has nothing new to say.
    tally.reset();
    tally.add(0, accepted(10));
    tally.add(0, accepted(12));
    EXPECT_EQ(tally.finish()[0].acceptedFromWaiting, 1u) << "12 was waiting at the last look";
    tally.reset();
    tally.add(0, accepted(10));
    tally.add(0, accepted(12));
    EXPECT_EQ(tally.finish()[0].acceptedFromWaiting, 0u);
}

TEST(ConnectionTally, AConnectionThatVanishedIsNoEvidenceOfAccepting)
{
    // A reset client takes its connection out of the table without any accept(): only a
    // connection seen again, held or closed by its process, counts.
    ConnectionTally tally(twoServices());
    tally.reset();
    tally.add(0, waitingFor(1, 100));
    tally.finish();
    tally.reset();
    EXPECT_EQ(tally.finish()[0].acceptedFromWaiting, 0u);
}

TEST(ConnectionTally, UnreadBytesLongestFirstAndCapped)
{
    ConnectionTally tally(twoServices());
    tally.reset();
    for (std::uint32_t i = 0; i < 40; ++i)
        tally.add(0, accepted(i, 10, i * 10));
    tally.add(0, accepted(100));          // nothing unread
    tally.add(0, accepted(101, 0, 5000)); // idle for long, but nothing unread
    ConnectionFields closeWait = accepted(102, 7, 2000, TcpState::CloseWait);
    tally.add(0, closeWait); // the client gave up on a request nobody read
    const ConnectionActivity activity = tally.finish()[0];
    EXPECT_EQ(activity.unread, 41u);
    ASSERT_EQ(activity.unreadAgesMs.size(), ConnectionActivity::kMaxAgesKept);
    EXPECT_EQ(activity.unreadAgesMs.first(), 2000u);
    EXPECT_EQ(activity.unreadAgesMs[1], 390u);
    EXPECT_TRUE(std::is_sorted(activity.unreadAgesMs.rbegin(), activity.unreadAgesMs.rend()));
    EXPECT_EQ(activity.unreadFor(300), 11u); // 2000, 390 .. 300
    EXPECT_EQ(activity.unreadFor(3000), 0u);
}

TEST(ConnectionTally, TheFinOfAClientThatLeftIsNotUnreadData)
{
    ConnectionTally tally(twoServices());
    tally.reset();
    // The client gave up and closed; the service has read the request but not the FIN yet.
    tally.add(0, accepted(1, 1, 900, TcpState::CloseWait));
    // Another left with its request still unread: 40 bytes and the FIN.
    tally.add(0, accepted(2, 41, 700, TcpState::CloseWait));
    const ConnectionActivity activity = tally.finish()[0];
    EXPECT_EQ(activity.unread, 1u);
    EXPECT_EQ(activity.unreadAgesMs, QList<quint32>{700});
}

TEST(ConnectionTally, EachLookStartsAfresh)
{
    ConnectionTally tally(twoServices());
    tally.reset();
    tally.add(0, accepted(1, 10, 700));
    tally.add(0, waitingFor(2, 100));
    tally.finish();
    tally.reset();
    const ConnectionActivity activity = tally.finish()[0];
    EXPECT_EQ(activity.unread, 0u);
    EXPECT_TRUE(activity.unreadAgesMs.isEmpty());
    EXPECT_EQ(activity.waiting, 0u);
    EXPECT_EQ(activity.oldestWaitingMs, 0u);
}

TEST(ConnectionTally, UnansweredIsARequestReadAndNothingEverSentBack)
{
    struct Row
    {
        const char *what;
        ConnectionFields fields;
        bool unanswered;
    };
    ConnectionFields unread = withSegments(7, 1, 0, 900);
    unread.unreadBytes = 40; // not read yet: counted as unread, not as unanswered
    ConnectionFields oldKernel = withSegments(8, 1, 0, 900);
    oldKernel.segmentCountsKnown = false; // a tcp_info without the segment counts
    const Row rows[] = {
        {"request read, nothing sent", withSegments(1, 1, 0, 900), true},
        {"request in three segments, nothing sent", withSegments(2, 3, 0, 40), true},
        {"answered", withSegments(3, 1, 1, 900), false},
        {"idle kept-alive connection, the client's last bytes after the answer",
         withSegments(4, 5, 4, 60000), false},
        {"connected, no request yet", withSegments(5, 0, 0, 3000), false},
        {"a server that speaks first (a banner) and waits", withSegments(6, 0, 1, 3000), false},
        {"bytes not read yet", unread, false},
        {"segment counts unknown", oldKernel, false},
        {"client gave up after its request was read",
         withSegments(9, 1, 0, 3100, TcpState::CloseWait), true},
        {"the service closed it without an answer", withSegments(10, 1, 0, 900, TcpState::FinWait1),
         false},
    };
    for (const Row &row : rows) {
        ConnectionTally tally(twoServices());
        tally.reset();
        tally.add(0, row.fields);
        const ConnectionActivity activity = tally.finish()[0];
        EXPECT_EQ(activity.unanswered, row.unanswered ? 1u : 0u) << row.what;
        if (row.unanswered) {
            EXPECT_EQ(activity.unansweredAgesMs, QList<quint32>{row.fields.sinceDataReceivedMs})
                << row.what;
        }
    }
}

TEST(ConnectionTally, UnansweredAgesLongestFirstAndCapped)
{
    ConnectionTally tally(twoServices());
    tally.reset();
    for (std::uint32_t i = 0; i < 40; ++i)
        tally.add(0, withSegments(i, 1, 0, i * 100));
    tally.add(1, withSegments(100, 1, 0, 9000)); // another service's
    const QList<ConnectionActivity> activity = tally.finish();
    EXPECT_EQ(activity[0].unanswered, 40u);
    ASSERT_EQ(activity[0].unansweredAgesMs.size(), ConnectionActivity::kMaxAgesKept);
    EXPECT_EQ(activity[0].unansweredAgesMs.first(), 3900u);
    EXPECT_EQ(activity[0].unansweredFor(3000), 10u); // 3900 .. 3000
    EXPECT_EQ(activity[0].unread, 0u);
    EXPECT_EQ(activity[1].unanswered, 1u);
}

TEST(ConnectionTally, AnsweredFromUnansweredComparesWithThePreviousLook)
{
    ConnectionTally tally(twoServices());
    tally.reset();
    tally.add(0, withSegments(1, 1, 0, 100));
    tally.add(0, withSegments(2, 1, 0, 100));
    tally.add(0, withSegments(3, 1, 0, 100));
    tally.add(0, waitingFor(4, 100));
    EXPECT_EQ(tally.finish()[0].answeredFromUnanswered, 0u);

    tally.reset();
    tally.add(0, withSegments(1, 1, 2, 10));                     // answered
    tally.add(0, withSegments(2, 1, 0, 10, TcpState::FinWait1)); // closed by its process
    tally.add(0, withSegments(3, 1, 0, 200));                    // still waiting
    tally.add(0, withSegments(4, 1, 0, 10));                     // accepted, request read
    tally.add(0, withSegments(99, 1, 1, 10));                    // never seen unanswered
    const ConnectionActivity second = tally.finish()[0];
    EXPECT_EQ(second.answeredFromUnanswered, 2u);
    EXPECT_EQ(second.unanswered, 2u);
    EXPECT_EQ(second.acceptedFromWaiting, 1u) << "an unanswered connection was still accepted";

    // A connection that vanished (a client's reset) is no answer.
    tally.reset();
    EXPECT_EQ(tally.finish()[0].answeredFromUnanswered, 0u);
}

TEST(ConnectionTally, LongestAnsweredWaitIsTheWaitSeenAtThePreviousLook)
{
    // Each row: the connections at one look, then at the next. A request seen waiting and
    // answered by the next look took at least as long as it had waited then.
    struct Row
    {
        const char *what;
        std::vector<ConnectionFields> before;
        std::vector<ConnectionFields> now;
        quint32 longestAnsweredWaitMs;
        quint64 answeredFromUnanswered;
    };
    const Row rows[] = {
        {"answered after waiting 300 ms",
         {withSegments(1, 1, 0, 300)},
         {withSegments(1, 1, 1, 20)},
         300,
         1},
        {"closed by its process without an answer: no answer time",
         {withSegments(2, 1, 0, 300)},
         {withSegments(2, 1, 0, 20, TcpState::FinWait1)},
         0,
         1},
        {"answered, then closed by its process",
         {withSegments(3, 1, 0, 300)},
         {withSegments(3, 1, 1, 20, TcpState::FinWait2)},
         300,
         1},
        {"a new connection answered, never seen unanswered", {}, {withSegments(4, 1, 1, 20)}, 0, 0},
        {"still unanswered", {withSegments(5, 1, 0, 300)}, {withSegments(5, 1, 0, 400)}, 0, 0},
        {"two answered: the longer wait, whichever comes first",
         {withSegments(6, 1, 0, 300), withSegments(7, 1, 0, 700), withSegments(8, 1, 0, 900)},
         {withSegments(7, 1, 2, 20), withSegments(6, 1, 1, 20), withSegments(8, 1, 0, 1000)},
         700,
         2},
    };
    for (const Row &row : rows) {
        ConnectionTally tally(twoServices());
        tally.reset();
        for (const ConnectionFields &fields : row.before)
            tally.add(0, fields);
        EXPECT_EQ(tally.finish()[0].longestAnsweredWaitMs, 0u) << row.what;
        tally.reset();
        for (const ConnectionFields &fields : row.now)
            tally.add(0, fields);
        const ConnectionActivity activity = tally.finish()[0];
        EXPECT_EQ(activity.longestAnsweredWaitMs, row.longestAnsweredWaitMs) << row.what;
        EXPECT_EQ(activity.answeredFromUnanswered, row.answeredFromUnanswered) << row.what;
        // The next look has nothing new to say.
        tally.reset();
        for (const ConnectionFields &fields : row.now)
            tally.add(0, fields);
        EXPECT_EQ(tally.finish()[0].longestAnsweredWaitMs, 0u) << row.what << ": counted once";
    }
}

TEST(ConnectionTally, AnotherServicesAnswerTimeIsItsOwn)
{
    ConnectionTally tally(twoServices());
    tally.reset();
    tally.add(0, withSegments(1, 1, 0, 300));
    tally.add(1, withSegments(2, 1, 0, 900));
    tally.finish();
    tally.reset();
    tally.add(0, withSegments(1, 1, 1, 10));
    tally.add(1, withSegments(2, 1, 1, 10));
    const QList<ConnectionActivity> activity = tally.finish();
    EXPECT_EQ(activity[0].longestAnsweredWaitMs, 300u);
    EXPECT_EQ(activity[1].longestAnsweredWaitMs, 900u);
}

} // namespace
} // namespace anycast
