#include "tests/logic/RoutePolicySupport.h"
#include "tests/logic/SimulatedNode.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace anycast {
namespace {

using namespace logictest;
using namespace std::chrono_literals;

constexpr double kFailureRate = 0.05;
constexpr auto kObserved = 600s;

// A healthy service whose probe attempts fail at random, 5% of them, independently (a lost
// SYN, a GC pause), with every setting at its default: one seed per run.
std::string offset(SteadyTime start, SteadyTime at)
{
    return "+" + QString::number(secondsSince(start, at), 'f', 3).toStdString() + " s";
}

class ProbeNoise : public ::testing::TestWithParam<unsigned>
{};

TEST_P(ProbeNoise, ChangesNoRouteInTenMinutes)
{
    std::mt19937 random(GetParam());
    std::bernoulli_distribution fails(kFailureRate);
    SimulatedWorld world{[](SteadyTime) { return quietStats(); }};
    world.probe = [&](SteadyTime) { return !fails(random); };
    HealthConfig health; // default rise and fall
    health.ports = {kPort};
    const SteadyTime start = at(0ms);
    SimulatedNode node(health, RoutePolicy({kPrefix}, RouteConfig{}, 4, 900s, 1), world, start);

    std::optional<SteadyTime> healthyAt;
    node.runUntil(start + 60s, [&](SteadyTime now) {
        if (!healthyAt && node.decision().verdict().health == ServiceHealth::Healthy)
            healthyAt = now;
    });
    ASSERT_TRUE(healthyAt.has_value()) << "never healthy in the first minute";
    const std::size_t changesBefore = node.routeChanges().front().size();
    const std::size_t attemptsBefore = node.probeAttempts().size();
    node.runUntil(*healthyAt + kObserved);

    const std::vector<SteadyTime> &changes = node.routeChanges().front();
    const std::vector<ProbeAttempt> &attempts = node.probeAttempts();
    const auto failed =
        std::count_if(attempts.begin() + static_cast<qsizetype>(attemptsBefore), attempts.end(),
                      [](const ProbeAttempt &attempt) { return !attempt.ok; });
    // The noise must really be there, or the test proves nothing.
    EXPECT_GE(failed, 10) << "of " << attempts.size() - attemptsBefore << " attempts";

    if (changes.size() == changesBefore)
        return;
    const SteadyTime change = changes[changesBefore];
    ::testing::Message history;
    for (const ProbeAttempt &attempt : attempts) {
        if (attempt.started + 4s < change || attempt.started > change)
            continue;
        history << "\n  probe at " << offset(start, attempt.started) << ": "
                << (attempt.ok ? "ok" : "FAILED") << ", passed on: "
                << (attempt.confirmed ? (*attempt.confirmed ? "pass" : "FAIL") : "nothing (retry)");
    }
    ADD_FAILURE() << changes.size() - changesBefore << " route change(s) after healthy at "
                  << offset(start, *healthyAt) << "; the first at " << offset(start, change)
                  << ", now "
                  << prefixStateName(node.decision().routes().first().state).toStdString() << " ("
                  << node.decision().routes().first().reason.toStdString() << ")" << history;
}

INSTANTIATE_TEST_SUITE_P(Seeds, ProbeNoise, ::testing::Range(1u, 21u),
                         [](const auto &seed) { return "Seed" + std::to_string(seed.param); });

} // namespace
} // namespace anycast
