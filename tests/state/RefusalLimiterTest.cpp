#include "agent/state/RefusalLimiter.h"

#include <gtest/gtest.h>

namespace anycast {
namespace {

using namespace std::chrono_literals;
using Clock = RefusalLimiter::Clock;

const Clock::time_point kStart{};
const QDateTime kWallStart = QDateTime::fromMSecsSinceEpoch(1714566896000, Qt::UTC);

QDateTime wallAt(std::chrono::milliseconds offset)
{
    return kWallStart.addMSecs(offset.count());
}

class RefusalLimiterTest : public ::testing::Test
{
protected:
    bool refuse(quint32 uid, const char *action, std::chrono::milliseconds at)
    {
        return m_limiter.admit(uid, QStringLiteral("user%1").arg(uid), QLatin1String(action),
                               kStart + at, wallAt(at));
    }

    RefusalLimiter m_limiter{10s};
};

TEST_F(RefusalLimiterTest, AFloodCostsOneRecordNowAndOneSummaryAtTheWindowsEnd)
{
    EXPECT_TRUE(refuse(1000, "drain", 0ms));
    for (int i = 1; i < 300; ++i)
        EXPECT_FALSE(refuse(1000, "drain", std::chrono::milliseconds(i * 3))) << i;
    EXPECT_EQ(m_limiter.nextDue(), kStart + 10s);
    EXPECT_TRUE(m_limiter.takeDue(kStart + 10s - 1ms).isEmpty());

    const auto due = m_limiter.takeDue(kStart + 10s);
    ASSERT_EQ(due.size(), 1);
    EXPECT_EQ(due[0].uid, 1000u);
    EXPECT_EQ(due[0].who, QStringLiteral("user1000"));
    EXPECT_EQ(due[0].action, QStringLiteral("drain"));
    EXPECT_EQ(due[0].count, 299u);
    EXPECT_EQ(due[0].first, wallAt(3ms));
    EXPECT_EQ(due[0].last, wallAt(897ms));
    EXPECT_EQ(m_limiter.nextDue(), std::nullopt);
    // The window is over: the next refusal is written at once again.
    EXPECT_TRUE(refuse(1000, "drain", 10s + 1ms));
}

TEST_F(RefusalLimiterTest, EachCallerAndActionHasItsOwnWindow)
{
    const struct
    {
        quint32 uid;
        const char *action;
        std::chrono::milliseconds at;
        bool written;
    } table[] = {
        {1000, "drain", 0ms, true},     {1000, "drain", 1ms, false}, {1000, "undrain", 2ms, true},
        {1001, "drain", 3ms, true},     {1001, "drain", 4ms, false}, {1000, "undrain", 5ms, false},
        {1000, "drain", 9999ms, false}, {1000, "drain", 10s, false}, // ended, not yet summarised
    };
    for (const auto &row : table) {
        SCOPED_TRACE(testing::Message() << row.uid << " " << row.action << " " << row.at.count());
        EXPECT_EQ(refuse(row.uid, row.action, row.at), row.written);
    }
    const auto due = m_limiter.takeDue(kStart + 10s + 5ms);
    ASSERT_EQ(due.size(), 3);
    quint64 total = 0;
    for (const auto &summary : due)
        total += summary.count;
    EXPECT_EQ(total, 5u);
}

TEST_F(RefusalLimiterTest, AWindowWithOneRefusalNeedsNoSummary)
{
    EXPECT_TRUE(refuse(1000, "drain", 0ms));
    EXPECT_EQ(m_limiter.nextDue(), std::nullopt);
    EXPECT_TRUE(refuse(1000, "drain", 20s)); // the first window ended: a new one
    EXPECT_TRUE(m_limiter.takeDue(kStart + 1h).isEmpty());
    EXPECT_TRUE(refuse(1000, "drain", 1h + 1ms));
    EXPECT_TRUE(m_limiter.takeAll().isEmpty());
}

TEST_F(RefusalLimiterTest, TakeAllHandsOverWhatIsStillCounting)
{
    EXPECT_TRUE(refuse(1000, "drain", 0ms));
    EXPECT_FALSE(refuse(1000, "drain", 1s));
    EXPECT_FALSE(refuse(1000, "drain", 2s));
    const auto all = m_limiter.takeAll();
    ASSERT_EQ(all.size(), 1);
    EXPECT_EQ(all[0].count, 2u);
    EXPECT_EQ(m_limiter.nextDue(), std::nullopt);
    EXPECT_TRUE(refuse(1000, "drain", 3s));
}

} // namespace
} // namespace anycast
