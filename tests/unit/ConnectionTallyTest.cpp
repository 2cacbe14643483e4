#include "ConnectionTally.h"

#include <gtest/gtest.h>

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
    ASSERT_EQ(activity.unreadAgesMs.size(), ConnectionActivity::kMaxUnreadAges);
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

} // namespace
} // namespace anycast
