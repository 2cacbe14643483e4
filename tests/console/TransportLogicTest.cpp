#include "app/inventory/InventoryDiff.h"
#include "app/inventory/InventoryLocation.h"
#include "app/transport/ConnectionState.h"
#include "app/transport/LivenessCheck.h"
#include "app/transport/ProxyRoute.h"
#include "app/transport/ReconnectBackoff.h"

#include <gtest/gtest.h>

#include <vector>

namespace anycast {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

TEST(ReconnectBackoffTest, DoublesFromOneSecondToSixtyWithoutJitter)
{
    ReconnectBackoff backoff([] { return 0.0; });
    std::vector<long long> delays;
    for (int i = 0; i < 9; ++i)
        delays.push_back(backoff.nextDelay().count());
    EXPECT_EQ(delays,
              (std::vector<long long>{1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000}));
}

TEST(ReconnectBackoffTest, JitterShortensByAtMostAFifth)
{
    ReconnectBackoff lowest([] { return 0.999999; });
    EXPECT_EQ(lowest.nextDelay().count(), 800);
    EXPECT_EQ(lowest.nextDelay().count(), 1600);
    ReconnectBackoff half([] { return 0.5; });
    EXPECT_EQ(half.nextDelay().count(), 900);
    for (int i = 0; i < 10; ++i)
        half.nextDelay();
    EXPECT_EQ(half.nextDelay().count(), 54000);
}

TEST(ReconnectBackoffTest, AStableConnectionStartsOverAShortOneDoesNot)
{
    ReconnectBackoff backoff([] { return 0.0; });
    const Clock::time_point t0{};
    backoff.nextDelay();
    backoff.nextDelay();
    backoff.nextDelay(); // 1, 2, 4 s
    backoff.connected(t0);
    backoff.disconnected(t0 + 5s); // dropped at once: keep backing off
    EXPECT_EQ(backoff.nextDelay().count(), 8000);
    backoff.connected(t0 + 20s);
    backoff.disconnected(t0 + 50s); // up for 30 s: start over
    EXPECT_EQ(backoff.nextDelay().count(), 1000);
    backoff.reset();
    EXPECT_EQ(backoff.failures(), 0);
}

struct LivenessStep
{
    int at;     // milliseconds since start
    char input; // 'p' ping sent, 'a' alive, '-' nothing
    LivenessCheck::Action expected;
};

TEST(LivenessCheckTest, PingsWhenQuietAndDeclaresDeadAfterTheDeadline)
{
    using A = LivenessCheck::Action;
    LivenessCheck check(5000ms, 3000ms);
    const Clock::time_point t0{};
    check.start(t0);
    const std::vector<LivenessStep> steps = {
        {0, '-', A::Wait},         {4999, '-', A::Wait},  {5000, '-', A::SendPing},
        {5000, 'p', A::Wait},      {7000, 'a', A::Wait},  {11999, '-', A::Wait},
        {12000, '-', A::SendPing}, {12000, 'p', A::Wait}, {14999, '-', A::Wait},
        {15000, '-', A::Dead},
    };
    for (const LivenessStep &step : steps) {
        const auto now = t0 + std::chrono::milliseconds(step.at);
        if (step.input == 'p')
            check.pingSent(now);
        else if (step.input == 'a')
            check.alive(now);
        EXPECT_EQ(check.due(now), step.expected) << "at " << step.at << " ms";
    }
    EXPECT_EQ(check.nextCheck(), t0 + 15000ms);
}

TEST(InventoryDiffTest, AddedRemovedAndKeptByEndpoint)
{
    const auto node = [](const char *host, const char *socket = "/run/anycast-agent/api.sock") {
        InventoryNode n;
        n.ssh = SshDestination::parse(QString::fromUtf8(host)).value();
        n.socket = QString::fromUtf8(socket);
        return n;
    };
    InventoryNode local;
    local.kind = InventoryNode::Kind::Local;
    local.socket = QStringLiteral("/run/a.sock");
    const QList<InventoryNode> before = {node("a"), node("b"), local};
    const QList<InventoryNode> after = {node("b"), node("c"), local, node("a", "/srv/other.sock")};
    const InventoryDiff diff = InventoryDiff::between(before, after);
    ASSERT_EQ(diff.added.size(), 2);
    EXPECT_EQ(diff.added[0].displayName(), QStringLiteral("c"));
    EXPECT_EQ(diff.added[1].displayName(), QStringLiteral("a /srv/other.sock"));
    ASSERT_EQ(diff.removed.size(), 1);
    EXPECT_EQ(diff.removed[0].displayName(), QStringLiteral("a"));
    ASSERT_EQ(diff.kept.size(), 2);
    EXPECT_TRUE(InventoryDiff::between(after, after).isEmpty());
    EXPECT_EQ(InventoryDiff::between({}, after).added.size(), 4);
}

TEST(InventoryDiffTest, AnotherSshConfigMakesEveryNodeNew)
{
    InventoryNode a;
    a.ssh = SshDestination::parse(QStringLiteral("a")).value();
    InventoryNode b = a;
    b.sshConfig = QStringLiteral("/etc/other_config");
    const InventoryDiff diff = InventoryDiff::between({a}, {b});
    EXPECT_EQ(diff.added.size(), 1);
    EXPECT_EQ(diff.removed.size(), 1);
}

TEST(InventoryLocationTest, XdgConfigHomeWhenAbsoluteElseHomeConfig)
{
    EXPECT_EQ(inventoryPathFor(QStringLiteral("/x/cfg"), QStringLiteral("/home/n")),
              QStringLiteral("/x/cfg/anycast-console/fleet.toml"));
    EXPECT_EQ(inventoryPathFor(QString(), QStringLiteral("/home/n")),
              QStringLiteral("/home/n/.config/anycast-console/fleet.toml"));
    EXPECT_EQ(inventoryPathFor(QStringLiteral("relative"), QStringLiteral("/home/n")),
              QStringLiteral("/home/n/.config/anycast-console/fleet.toml"));
}

TEST(ProxyRouteTest, ReadsLibsshsProxyJumpCommandBack)
{
    const auto none = ProxyRoute::fromProxyCommand({});
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(none->kind, ProxyRoute::Kind::Direct);
    EXPECT_EQ(ProxyRoute::fromProxyCommand(QStringLiteral("none"))->kind, ProxyRoute::Kind::Direct);

    const auto one = ProxyRoute::fromProxyCommand(QStringLiteral("ssh -W '[%h]:%p' bastion"));
    ASSERT_TRUE(one.ok());
    ASSERT_EQ(one->kind, ProxyRoute::Kind::Jump);
    ASSERT_EQ(one->hops.size(), 1);
    EXPECT_EQ(one->hops[0].toString(), QStringLiteral("bastion"));

    const auto full = ProxyRoute::fromProxyCommand(
        QStringLiteral("ssh -l noc -p 2200 -J ops@b2:22,b3 -W '[%h]:%p' b1.example.net"));
    ASSERT_TRUE(full.ok()) << full.error().toStdString();
    ASSERT_EQ(full->hops.size(), 3);
    EXPECT_EQ(full->hops[0].toString(), QStringLiteral("noc@b1.example.net:2200"));
    EXPECT_EQ(full->hops[1].toString(), QStringLiteral("ops@b2:22"));
    EXPECT_EQ(full->hops[2].toString(), QStringLiteral("b3"));

    const auto v6 =
        ProxyRoute::fromProxyCommand(QStringLiteral("ssh -p 22 -W '[%h]:%p' 2001:db8::1"));
    ASSERT_TRUE(v6.ok()) << v6.error().toStdString();
    EXPECT_EQ(v6->hops[0].host, QStringLiteral("2001:db8::1"));

    const auto command =
        ProxyRoute::fromProxyCommand(QStringLiteral("nc -X 5 -x proxy:1080 %h %p"));
    ASSERT_TRUE(command.ok());
    EXPECT_EQ(command->kind, ProxyRoute::Kind::Command);

    EXPECT_FALSE(ProxyRoute::fromProxyCommand(QStringLiteral("ssh -J a@@b -W '[%h]:%p' c")).ok());
}

TEST(ConnectionStateTest, SummariesCountDownAndNameTheReason)
{
    const Clock::time_point now{};
    ConnectionState state;
    state.phase = ConnectionPhase::Reconnecting;
    state.reason = QStringLiteral("the agent closed the connection");
    state.retryAt = now + 3400ms;
    EXPECT_EQ(state.summary(now),
              QStringLiteral("reconnecting in 4 s (the agent closed the connection)"));
    state.phase = ConnectionPhase::Unreachable;
    state.reason = QStringLiteral("cannot connect to h port 22: Connection refused");
    EXPECT_EQ(state.summary(now + 3s),
              QStringLiteral("cannot connect to h port 22: Connection refused (retrying in 1 s)"));
    state.phase = ConnectionPhase::PermissionDenied;
    state.retryAt.reset();
    state.reason = QStringLiteral("x");
    EXPECT_EQ(state.summary(now), QStringLiteral("permission denied: x"));
    EXPECT_EQ(ConnectionState::phaseName(ConnectionPhase::HostKeyRefused),
              QStringLiteral("host-key-refused"));
}

} // namespace
} // namespace anycast
