#include "tests/logic/RoutePolicySupport.h"
#include "tests/logic/SimulatedNode.h"

#include <gtest/gtest.h>

#include <iomanip>
#include <iostream>

namespace anycast {
namespace {

using namespace logictest;
using namespace std::chrono_literals;

// The listener disappears at `removal`; healthy before, with fast path 100 ms and full
// samples every second, both on whole multiples from the start.
struct RemovalRow
{
    Milliseconds removal;
    Milliseconds firstFastTick; // the first fast-path tick at or after the removal
};

void PrintTo(const RemovalRow &row, std::ostream *out)
{
    *out << "listener gone at +" << row.removal.count() << " ms";
}

class HardFailure : public ::testing::TestWithParam<RemovalRow>
{};

SimulatedWorld listenerUntil(SteadyTime removal)
{
    return {[removal](SteadyTime now) { return now < removal ? quietStats() : noListenerStats(); }};
}

TEST_P(HardFailure, GoesDownWithinOneFastPathInterval)
{
    const SteadyTime start = at(0ms);
    const SteadyTime removal = start + GetParam().removal;
    SimulatedNode node(healthConfig(), RoutePolicy({kPrefix}, routeConfig(), 4, 900s, 1),
                       listenerUntil(removal), start);
    node.runUntil(removal - 1ms);
    ASSERT_EQ(node.decision().verdict().health, ServiceHealth::Healthy);
    ASSERT_EQ(node.decision().routes().first().state, PrefixState::Announced);
    const SteadyTime fullSampleBefore = node.lastFullSample().value();

    std::optional<SteadyTime> down;
    node.runUntil(removal + 100ms, [&](SteadyTime now) {
        if (!down && node.decision().verdict().health == ServiceHealth::Down) {
            down = now;
            // The full sample has not run since the removal: the fast path alone did it.
            EXPECT_EQ(node.lastFullSample(), fullSampleBefore);
            EXPECT_EQ(node.decision().routes().first().state, PrefixState::Withdrawn)
                << "the route goes at the same tick";
        }
    });
    ASSERT_TRUE(down.has_value()) << "still "
                                  << healthName(node.decision().verdict().health).toStdString()
                                  << " 100 ms after the listener went";
    EXPECT_EQ(*down, start + GetParam().firstFastTick);
    EXPECT_LE(*down - removal, 100ms);
    EXPECT_EQ(node.decision().verdict().since, *down);
    EXPECT_TRUE(node.decision()
                    .verdict()
                    .reasons.join(QLatin1Char(' '))
                    .contains(QStringLiteral("no listener on :443")));
}

INSTANTIATE_TEST_SUITE_P(Table, HardFailure,
                         ::testing::Values(RemovalRow{5001ms, 5100ms}, RemovalRow{5100ms, 5100ms},
                                           RemovalRow{5350ms, 5400ms}, RemovalRow{5899ms, 5900ms}));

TEST(HardFailure, WithoutTheFastPathWaitsForFallFullSamples)
{
    // The contrast: listener_loss_immediate = false counts the loss like any hard signal.
    const SteadyTime start = at(0ms);
    const SteadyTime removal = start + 5350ms;
    SimulatedNode node(healthConfig(3, 2, false), RoutePolicy({kPrefix}, routeConfig(), 4, 900s, 1),
                       listenerUntil(removal), start);
    node.runUntil(start + 6999ms);
    EXPECT_EQ(node.decision().verdict().health, ServiceHealth::Healthy);
    node.runUntil(start + 7000ms);
    EXPECT_EQ(node.decision().verdict().health, ServiceHealth::Down);
    EXPECT_EQ(node.decision().verdict().since, start + 7000ms);
}

// A listener with backlog 4096 whose accept queue grows by 34 connections a second from
// `fillStart` (full after about 120 s): the application still accepts, just slower than
// connections arrive (the connection watch sees waiting connections being accepted), or, with
// `hung`, not at all. Once it is full, new connections overflow (the host counts listen
// overflows) and the probe's connect times out.
class SlowlyFillingQueue
{
public:
    explicit SlowlyFillingQueue(SteadyTime fillStart, bool hung = false)
        : m_fillStart(fillStart)
        , m_hung(hung)
    {}

    quint32 depth(SteadyTime now) const
    {
        if (now < m_fillStart)
            return 0;
        const auto ms = std::chrono::duration_cast<Milliseconds>(now - m_fillStart).count();
        return static_cast<quint32>(std::min<qint64>(kBacklog, kPerSecond * ms / 1000));
    }
    bool full(SteadyTime now) const { return depth(now) >= kBacklog; }

    SimulatedWorld world() const
    {
        SimulatedWorld world;
        world.stats = [this](SteadyTime now) { return queuedStats(depth(now)); };
        world.host = [this](SteadyTime now) {
            HostCounters host;
            if (full(now))
                host.ratesPerSecond.insert(QStringLiteral("TcpExt.ListenOverflows"), kPerSecond);
            return host;
        };
        world.probe = [this](SteadyTime now) { return !full(now); };
        world.connections = [this](SteadyTime now) {
            ConnectionActivity activity;
            activity.available = true;
            activity.waiting = depth(now);
            activity.acceptedFromWaiting = !m_hung && now >= m_fillStart ? 10 : 0;
            return activity;
        };
        return world;
    }

    static constexpr qint64 kPerSecond = 34;

private:
    SteadyTime m_fillStart;
    bool m_hung;
};

TEST(SlowlyFillingQueue, DegradesWellBeforeDown)
{
    const SteadyTime start = at(0ms);
    const SteadyTime fillStart = start + 10s;
    const SlowlyFillingQueue queue(fillStart);
    SimulatedNode node(healthConfig(), RoutePolicy({kPrefix}, routeConfig(), 4, 900s, 1),
                       queue.world(), start);
    node.runUntil(fillStart - 1ms);
    ASSERT_EQ(node.decision().verdict().health, ServiceHealth::Healthy);

    std::optional<SteadyTime> degraded, down, routeDegraded, routeWithdrawn, full;
    QStringList degradedReasons, downReasons;
    node.runUntil(fillStart + 200s, [&](SteadyTime now) {
        const HealthVerdict &verdict = node.decision().verdict();
        if (!full && queue.full(now))
            full = now;
        if (!degraded && verdict.health == ServiceHealth::Degraded) {
            degraded = now;
            degradedReasons = verdict.reasons;
        }
        if (!down && verdict.health == ServiceHealth::Down) {
            down = now;
            downReasons = verdict.reasons;
        }
        const PrefixState route = node.decision().routes().first().state;
        if (!routeDegraded && route == PrefixState::Degraded)
            routeDegraded = now;
        if (!routeWithdrawn && route == PrefixState::Withdrawn)
            routeWithdrawn = now;
    });

    ASSERT_TRUE(degraded.has_value()) << "never degraded";
    ASSERT_TRUE(down.has_value()) << "never down although the probe fails";
    const double degradedAfter = secondsSince(fillStart, *degraded);
    const double downAfter = secondsSince(fillStart, *down);
    std::cout << std::fixed << std::setprecision(1)
              << "[ scenario ] accept queue filling from 0 to 4096 at 34/s: degraded at +"
              << degradedAfter << " s (queue " << queue.depth(*degraded) << "), full at +"
              << secondsSince(fillStart, full.value_or(*down)) << " s, down at +" << downAfter
              << " s: " << downAfter - degradedAfter << " s between degraded and down\n";

    EXPECT_LT(*degraded, *down);
    EXPECT_GE(*down - *degraded, 30s);
    EXPECT_TRUE(degradedReasons.join(QLatin1Char(' ')).contains(QStringLiteral("accept queue")))
        << degradedReasons.join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(downReasons.contains(QStringLiteral("probe failed: connect timed out")))
        << downReasons.join(QLatin1Char(' ')).toStdString();
    // The routers see the same warning: de-preferred first, withdrawn later.
    ASSERT_TRUE(routeDegraded.has_value());
    ASSERT_TRUE(routeWithdrawn.has_value());
    EXPECT_EQ(*routeDegraded, *degraded);
    EXPECT_EQ(*routeWithdrawn, *down);
    // Down follows the queue filling up within interval + retry + `fall` checks, not later.
    ASSERT_TRUE(full.has_value());
    EXPECT_LE(*down - *full, 4s);
}

TEST(SlowlyFillingQueue, AHungAcceptorIsDePreferredAtOnceAndWithdrawnSoon)
{
    // The same filling queue with nothing accepted at all: not a service falling behind but a
    // hang, which the fill ratio would take 60 s to see.
    const SteadyTime start = at(0ms);
    const SteadyTime fillStart = start + 10s;
    const SlowlyFillingQueue queue(fillStart, true);
    SimulatedNode node(healthConfig(), RoutePolicy({kPrefix}, routeConfig(), 4, 900s, 1),
                       queue.world(), start);
    node.runUntil(fillStart - 1ms);
    ASSERT_EQ(node.decision().verdict().health, ServiceHealth::Healthy);
    std::optional<SteadyTime> degraded, down;
    node.runUntil(fillStart + 30s, [&](SteadyTime now) {
        const ServiceHealth health = node.decision().verdict().health;
        if (!degraded && health == ServiceHealth::Degraded)
            degraded = now;
        if (!down && health == ServiceHealth::Down)
            down = now;
    });
    ASSERT_TRUE(degraded && down);
    // The first connection waits from the first fast-path reading after it arrived (34/s:
    // within 100 ms); the stall window is 200 ms and the withdraw window 2 s.
    EXPECT_LE(*degraded - fillStart, 500ms);
    EXPECT_LE(*down - fillStart, 2200ms);
    EXPECT_LT(*degraded, *down);
    std::cout << std::fixed << std::setprecision(1) << "[ scenario ] hung acceptor: degraded at +"
              << secondsSince(fillStart, *degraded) << " s, down at +"
              << secondsSince(fillStart, *down) << " s\n";
}

} // namespace
} // namespace anycast
