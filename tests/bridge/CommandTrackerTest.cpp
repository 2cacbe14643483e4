#include "agent/bridge/CommandTracker.h"

#include <gtest/gtest.h>

namespace anycast {
namespace {

TEST(CommandTracker, ParsesAnnounceWithAttributes)
{
    const auto route = CommandTracker::parseRouteCommand(
        "announce route 192.0.2.1/32 next-hop self med 100 community [65535:0] "
        "as-path [65001 65001]");
    ASSERT_TRUE(route);
    EXPECT_TRUE(route->announce);
    EXPECT_EQ(route->selector, "");
    EXPECT_EQ(route->prefix, "192.0.2.1/32");
    EXPECT_EQ(route->nextHop, "self");
}

TEST(CommandTracker, KeepsTheNeighborSelector)
{
    const auto route = CommandTracker::parseRouteCommand(
        "neighbor 10.0.0.1 withdraw route 2001:db8::/48 next-hop 2001:db8::1");
    ASSERT_TRUE(route);
    EXPECT_FALSE(route->announce);
    EXPECT_EQ(route->selector, "neighbor 10.0.0.1");
    EXPECT_EQ(route->prefix, "2001:db8::/48");
    const auto multi = CommandTracker::parseRouteCommand(
        "neighbor 10.0.0.1 local-as 65001, neighbor 10.0.0.2 announce route 198.51.100.0/24");
    ASSERT_TRUE(multi);
    EXPECT_EQ(multi->selector, "neighbor 10.0.0.1 local-as 65001, neighbor 10.0.0.2");
}

TEST(CommandTracker, AddsTheHostLengthToABareAddress)
{
    EXPECT_EQ(CommandTracker::parseRouteCommand("announce route 192.0.2.7 next-hop self")->prefix,
              "192.0.2.7/32");
    EXPECT_EQ(CommandTracker::parseRouteCommand("withdraw route 2001:db8::7")->prefix,
              "2001:db8::7/128");
}

TEST(CommandTracker, IgnoresWhatIsNotARouteCommand)
{
    for (const char *command : {"", "announce", "announce route", "announce flow route x",
                                "announce route-refresh ipv4 unicast", "shutdown",
                                "neighbor 10.0.0.1 teardown 2", "show neighbor summary"}) {
        EXPECT_FALSE(CommandTracker::parseRouteCommand(command)) << command;
    }
}

TEST(CommandTracker, TracksTheLastCommandPerSelectorAndPrefix)
{
    CommandTracker tracker;
    tracker.recordCommand("announce route 192.0.2.1/32 next-hop self", CommandOrigin::Agent);
    tracker.recordCommand("announce route 192.0.2.2/32 next-hop self", CommandOrigin::Agent);
    tracker.recordCommand("neighbor 10.0.0.1 announce route 192.0.2.2/32 next-hop self",
                          CommandOrigin::Agent);
    tracker.recordCommand("withdraw route 192.0.2.2/32 next-hop self", CommandOrigin::Agent);
    tracker.recordCommand("show neighbor", CommandOrigin::Agent);
    EXPECT_EQ(tracker.announcedCount(), 2u);
    EXPECT_TRUE(tracker.isAnnounced("", "192.0.2.1/32"));
    EXPECT_FALSE(tracker.isAnnounced("", "192.0.2.2/32"));
    EXPECT_TRUE(tracker.isAnnounced("neighbor 10.0.0.1", "192.0.2.2/32"));
    EXPECT_EQ(tracker.pendingAcks(), 5u);
}

TEST(CommandTracker, WithdrawAllTakesBackEveryAnnouncedRoute)
{
    CommandTracker tracker;
    tracker.recordCommand("announce route 192.0.2.1/32 next-hop self med 100",
                          CommandOrigin::Agent);
    tracker.recordCommand("neighbor 10.0.0.1 announce route 192.0.2.9/32", CommandOrigin::Agent);
    tracker.recordCommand("announce route 192.0.2.3/32 next-hop self", CommandOrigin::Agent);
    tracker.recordCommand("withdraw route 192.0.2.3/32 next-hop self", CommandOrigin::Agent);
    const std::vector<std::string> commands = tracker.withdrawAll();
    EXPECT_EQ(commands, (std::vector<std::string>{
                            "withdraw route 192.0.2.1/32 next-hop self",
                            "neighbor 10.0.0.1 withdraw route 192.0.2.9/32",
                        }));
    EXPECT_EQ(tracker.announcedCount(), 0u);
    EXPECT_TRUE(tracker.withdrawAll().empty()) << "a second loss has nothing left to withdraw";
}

TEST(CommandTracker, SwallowsExactlyTheAcksOfItsOwnCommandsInOrder)
{
    CommandTracker tracker;
    tracker.recordCommand("announce route 192.0.2.1/32 next-hop self", CommandOrigin::Agent);
    tracker.recordCommand("announce route 192.0.2.2/32 next-hop self", CommandOrigin::Agent);
    ASSERT_EQ(tracker.withdrawAll().size(), 2u);
    tracker.recordCommand("announce route 192.0.2.1/32 next-hop self", CommandOrigin::Agent);
    // Acks come in command order: two for the agent, two for the bridge, one for the agent.
    EXPECT_FALSE(tracker.isOwnAck("done"));
    EXPECT_FALSE(tracker.isOwnAck("error"));
    EXPECT_FALSE(tracker.isOwnAck("{\"type\": \"state\"}")) << "events are not acks";
    EXPECT_TRUE(tracker.isOwnAck("done"));
    EXPECT_FALSE(tracker.isOwnAck("shutdown"));
    EXPECT_TRUE(tracker.isOwnAck("error\r"));
    EXPECT_FALSE(tracker.isOwnAck("done"));
    EXPECT_EQ(tracker.pendingAcks(), 0u);
    EXPECT_FALSE(tracker.isOwnAck("done")) << "an unexpected ack is forwarded, not swallowed";
}

} // namespace
} // namespace anycast
