#include "AgentConfig.h"

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

} // namespace
} // namespace anycast
