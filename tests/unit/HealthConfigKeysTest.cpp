#include "agent/config/AgentConfig.h"

#include <gtest/gtest.h>

// The [service.thresholds] keys of the health signals: read, bounded, and reported with
// FILE:LINE:COL when wrong.
namespace anycast {
namespace {

const QString kPath = QStringLiteral("agent.toml");

Result<AgentConfig> withThresholds(const char *thresholds)
{
    return parseAgentConfig(QStringLiteral("[agent]\nregion = \"r\"\n[[service]]\nname = \"web\"\n"
                                           "ports = [443]\n[service.thresholds]\n") +
                                QString::fromUtf8(thresholds),
                            kPath);
}

TEST(HealthConfigKeys, RetransmitMinimumIsSegmentsInFlight)
{
    const auto config = withThresholds("retransmit_ratio = 0.1\nretransmit_min_in_flight = 40\n");
    ASSERT_TRUE(config) << config.error().toStdString();
    const HealthThresholds &limits = config->services[0].thresholds;
    EXPECT_DOUBLE_EQ(limits.retransmitRatio, 0.1);
    EXPECT_EQ(limits.retransmitMinInFlight, 40u);
    EXPECT_EQ(HealthThresholds{}.retransmitMinInFlight, 100u);
}

TEST(HealthConfigKeys, RetransmitMinimumRejectsZero)
{
    const auto config = withThresholds("retransmit_min_in_flight = 0\n");
    ASSERT_FALSE(config);
    EXPECT_TRUE(config.error().startsWith(QStringLiteral("agent.toml:7:28: ")))
        << config.error().toStdString();
}

TEST(HealthConfigKeys, TheHostWideRetransmitKeyIsGoneAndNamed)
{
    const auto config = withThresholds("retransmit_min_segments_per_s = 200\n");
    ASSERT_FALSE(config);
    EXPECT_TRUE(
        config.error().contains(QStringLiteral("agent.toml:7:1: "
                                               "retransmit_min_segments_per_s: unknown key")))
        << config.error().toStdString();
}

TEST(HealthConfigKeys, HangWindowsAreRead)
{
    const auto config = withThresholds("accept_stall = \"500ms\"\naccept_stall_withdraw = \"5s\"\n"
                                       "unread_age = \"1s\"\nunread_connections = 3\n"
                                       "unanswered_age = \"2s\"\nunanswered_connections = 4\n");
    ASSERT_TRUE(config) << config.error().toStdString();
    const HealthThresholds &limits = config->services[0].thresholds;
    EXPECT_EQ(limits.acceptStall, std::chrono::milliseconds(500));
    EXPECT_EQ(limits.acceptStallWithdraw, std::chrono::milliseconds(5000));
    EXPECT_EQ(limits.unreadAge, std::chrono::milliseconds(1000));
    EXPECT_EQ(limits.unreadConnections, 3u);
    EXPECT_EQ(limits.unansweredAge, std::chrono::milliseconds(2000));
    EXPECT_EQ(limits.unansweredConnections, 4u);
}

TEST(HealthConfigKeys, HangWindowDefaults)
{
    const HealthThresholds limits;
    EXPECT_EQ(limits.acceptStall, std::chrono::milliseconds(200));
    EXPECT_EQ(limits.acceptStallWithdraw, std::chrono::milliseconds(2000));
    EXPECT_EQ(limits.unreadAge, std::chrono::milliseconds(200));
    EXPECT_EQ(limits.unreadConnections, 1u);
    EXPECT_EQ(limits.unansweredAge, std::chrono::milliseconds(1000));
    EXPECT_EQ(limits.unansweredAgeMin, std::chrono::milliseconds(200));
    EXPECT_EQ(limits.unansweredConnections, 2u);
}

TEST(HealthConfigKeys, TheLearnedUnansweredBoundsAreRead)
{
    struct Row
    {
        const char *what;
        const char *thresholds;
        std::chrono::milliseconds floor;
        std::chrono::milliseconds ceiling;
    };
    using std::chrono::milliseconds;
    const Row rows[] = {
        {"both", "unanswered_age_min = \"50ms\"\nunanswered_age = \"2s\"\n", milliseconds(50),
         milliseconds(2000)},
        {"the floor alone", "unanswered_age_min = \"500ms\"\n", milliseconds(500),
         milliseconds(1000)},
        {"equal: the fixed bound", "unanswered_age_min = \"1s\"\nunanswered_age = \"1s\"\n",
         milliseconds(1000), milliseconds(1000)},
        {"a lone ceiling below the default floor: the bound is fixed at it",
         "unanswered_age = \"100ms\"\n", milliseconds(200), milliseconds(100)},
    };
    for (const Row &row : rows) {
        const auto config = withThresholds(row.thresholds);
        ASSERT_TRUE(config) << row.what << ": " << config.error().toStdString();
        const HealthThresholds &limits = config->services[0].thresholds;
        EXPECT_EQ(limits.unansweredAgeMin, row.floor) << row.what;
        EXPECT_EQ(limits.unansweredAge, row.ceiling) << row.what;
    }
}

TEST(HealthConfigKeys, AnUnansweredFloorAboveTheCeilingIsAnErrorAtTheFloor)
{
    struct Row
    {
        const char *thresholds;
        const char *error;
    };
    const Row rows[] = {
        {"unanswered_age = \"300ms\"\nunanswered_age_min = \"500ms\"\n",
         "agent.toml:8:22: unanswered_age_min must not be longer than unanswered_age (300 ms)"},
        {"unanswered_age_min = \"500ms\"\nunanswered_age = \"300ms\"\n",
         "agent.toml:7:22: unanswered_age_min must not be longer than unanswered_age (300 ms)"},
        // Alone above the default ceiling it would be ignored: refused too.
        {"unanswered_age_min = \"2s\"\n",
         "agent.toml:7:22: unanswered_age_min must not be longer than unanswered_age (1000 ms)"},
    };
    for (const Row &row : rows) {
        const auto config = withThresholds(row.thresholds);
        ASSERT_FALSE(config) << row.thresholds;
        EXPECT_TRUE(config.error().startsWith(QString::fromUtf8(row.error)))
            << config.error().toStdString();
    }
}

TEST(HealthConfigKeys, ZeroTurnsAHangSignalOff)
{
    const auto config = withThresholds(
        "accept_stall = \"0ms\"\nunread_connections = 0\nunanswered_connections = 0\n");
    ASSERT_TRUE(config) << config.error().toStdString();
    EXPECT_EQ(config->services[0].thresholds.acceptStall.count(), 0);
    EXPECT_EQ(config->services[0].thresholds.unreadConnections, 0u);
    EXPECT_EQ(config->services[0].thresholds.unansweredConnections, 0u);
}

TEST(HealthConfigKeys, WithdrawWindowShorterThanTheStallIsAnError)
{
    const auto config =
        withThresholds("accept_stall = \"1s\"\naccept_stall_withdraw = \"500ms\"\n");
    ASSERT_FALSE(config);
    EXPECT_TRUE(config.error().startsWith(
        QStringLiteral("agent.toml:8:25: accept_stall_withdraw must not be shorter than "
                       "accept_stall (1000 ms)")))
        << config.error().toStdString();
    const auto alone = withThresholds("accept_stall = \"3s\"\n");
    ASSERT_FALSE(alone);
    EXPECT_TRUE(alone.error().startsWith(QStringLiteral("agent.toml:7:16: accept_stall is longer "
                                                        "than accept_stall_withdraw (2000 ms)")))
        << alone.error().toStdString();
}

TEST(HealthConfigKeys, BadHangValuesPointAtTheValue)
{
    const auto config = withThresholds("unread_age = 300\n");
    ASSERT_FALSE(config);
    EXPECT_TRUE(config.error().startsWith(QStringLiteral("agent.toml:7:14: unread_age must be a "
                                                         "duration")))
        << config.error().toStdString();
}

TEST(HealthConfigKeys, UnansweredConnectionsAreBoundedByTheAgesKept)
{
    const auto config = withThresholds("unanswered_connections = 33\n");
    ASSERT_FALSE(config);
    EXPECT_TRUE(config.error().startsWith(QStringLiteral("agent.toml:7:26: ")))
        << config.error().toStdString();
    EXPECT_TRUE(config.error().contains(QStringLiteral("unanswered_connections")))
        << config.error().toStdString();
}

TEST(HealthConfigKeys, ConnectionWatchBudget)
{
    const auto config = parseAgentConfig(
        QStringLiteral("[agent]\nregion = \"r\"\nconnection_watch_cpu_percent = 2.5\n"), kPath);
    ASSERT_TRUE(config) << config.error().toStdString();
    EXPECT_DOUBLE_EQ(config->connectionWatchCpuPercent, 2.5);
    const auto bad = parseAgentConfig(
        QStringLiteral("[agent]\nregion = \"r\"\nconnection_watch_cpu_percent = 101\n"), kPath);
    ASSERT_FALSE(bad);
    EXPECT_TRUE(bad.error().startsWith(QStringLiteral("agent.toml:3:32: ")))
        << bad.error().toStdString();
}

} // namespace
} // namespace anycast
