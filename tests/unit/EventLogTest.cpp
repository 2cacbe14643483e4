#include "agent/runtime/EventLog.h"

#include <gtest/gtest.h>

// The agent's bounded event log behind the API's `events` and `subscribe`: numbered, capped,
// read back oldest first within a limit.
namespace anycast {
namespace {

QDateTime at(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(1'700'000'000 + seconds, Qt::UTC);
}

TEST(EventLog, NumbersEventsAndKeepsOnlyTheNewest)
{
    EventLog log(3);
    for (int i = 1; i <= 5; ++i)
        log.append(at(i), QStringLiteral("health"), QStringLiteral("web"), QString::number(i));
    EXPECT_EQ(log.size(), 3);
    EXPECT_EQ(log.lastSeq(), 5u);
    const QList<AgentEvent> all = log.since(0, 100);
    ASSERT_EQ(all.size(), 3);
    EXPECT_EQ(all.first().seq, 3u);
    EXPECT_EQ(all.last().message, QStringLiteral("5"));
}

TEST(EventLog, SinceReturnsTheNewestWithinTheLimitOldestFirst)
{
    EventLog log(100);
    for (int i = 1; i <= 10; ++i)
        log.append(at(i), QStringLiteral("route"), {}, QString::number(i));
    const QList<AgentEvent> after = log.since(6, 100);
    ASSERT_EQ(after.size(), 4);
    EXPECT_EQ(after.first().seq, 7u);
    const QList<AgentEvent> limited = log.since(0, 2);
    ASSERT_EQ(limited.size(), 2);
    EXPECT_EQ(limited.first().seq, 9u);
    EXPECT_EQ(limited.last().seq, 10u);
    EXPECT_TRUE(log.since(10, 100).isEmpty());
    EXPECT_EQ(after.first().toJson().value(QStringLiteral("time")).toString(),
              QStringLiteral("2023-11-14T22:13:27.000Z"));
}

} // namespace
} // namespace anycast
