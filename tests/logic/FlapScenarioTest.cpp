#include "tests/logic/RoutePolicySupport.h"
#include "tests/logic/SimulatedNode.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <string>

namespace anycast {
namespace {

using namespace logictest;
using namespace std::chrono_literals;

// After a 10 s warm-up the listener is absent 2 s, present 2 s, ... for 600 s: the whole chain
// (fast path, full samples, health engine, route policy with its flap budget) on two prefixes.
struct FlapRow
{
    std::string name;
    int rise = 3;
    int fall = 2;
    int budget = 4;
    std::chrono::seconds window{900};
};

constexpr auto kWarmUp = 10s;
constexpr auto kFlapping = 600s;

bool listenerPresent(SteadyTime start, SteadyTime now)
{
    if (now < start + kWarmUp)
        return true;
    const auto phase = std::chrono::duration_cast<Milliseconds>(now - start - kWarmUp) / 2s;
    return phase % 2 == 1;
}

void PrintTo(const FlapRow &row, std::ostream *out)
{
    *out << row.name;
}

class FlappingListener : public ::testing::TestWithParam<FlapRow>
{};

TEST_P(FlappingListener, StaysWithinTheFlapBudget)
{
    const FlapRow &row = GetParam();
    const SteadyTime start = at(0ms);
    const QStringList prefixes = {kPrefix, QStringLiteral("2001:db8::1/128")};
    SimulatedWorld world{[start](SteadyTime now) {
        return listenerPresent(start, now) ? quietStats() : noListenerStats();
    }};
    SimulatedNode node(healthConfig(row.rise, row.fall),
                       RoutePolicy(prefixes, routeConfig(), row.budget, row.window, 1), world,
                       start);

    // Whenever a window already holds `budget` changes, the prefix must sit in the safest
    // state, and say so while the health would have it announced.
    int spentMoments = 0;
    int unsafe = 0;
    int unexplained = 0;
    std::optional<SteadyTime> firstProblem;
    node.runUntil(start + kWarmUp + kFlapping, [&](SteadyTime now) {
        for (std::size_t i = 0; i < node.routeChanges().size(); ++i) {
            const std::vector<SteadyTime> &changes = node.routeChanges()[i];
            const auto inWindow = std::count_if(changes.begin(), changes.end(),
                                                [&](SteadyTime t) { return t > now - row.window; });
            if (inWindow < row.budget)
                continue;
            ++spentMoments;
            const PrefixDecision &decision = node.decision().routes()[static_cast<qsizetype>(i)];
            const bool isSafe = decision.state == PrefixState::Withdrawn;
            const bool explained = node.decision().verdict().health != ServiceHealth::Healthy ||
                                   decision.reason.contains(QStringLiteral("flap budget"));
            unsafe += isSafe ? 0 : 1;
            unexplained += explained ? 0 : 1;
            if ((!isSafe || !explained) && !firstProblem)
                firstProblem = now;
        }
    });

    EXPECT_EQ(unsafe, 0) << "announced with the budget spent, first at +"
                         << secondsSince(start, firstProblem.value_or(start)) << " s";
    EXPECT_EQ(unexplained, 0) << "held without naming the flap budget, first at +"
                              << secondsSince(start, firstProblem.value_or(start)) << " s";
    for (qsizetype i = 0; i < prefixes.size(); ++i) {
        const std::vector<SteadyTime> &changes = node.routeChanges()[static_cast<std::size_t>(i)];
        SCOPED_TRACE(prefixes[i].toStdString());
        EXPECT_LE(mostChangesInAnyWindow(changes, row.window), row.budget);
        EXPECT_EQ(changes, node.routeChanges().front()) << "both prefixes follow one service";
    }
    const auto &changes = node.routeChanges().front();
    std::cout << "[ scenario ] " << row.name << ": " << node.healthChanges().size()
              << " health changes, " << changes.size() << " route changes per prefix, at most "
              << mostChangesInAnyWindow(changes, row.window) << " in any " << row.window.count()
              << " s window\n";

    // Announced once healthy in the warm-up: the budget has something to protect.
    ASSERT_FALSE(changes.empty());
    EXPECT_LE(changes.front(), start + kWarmUp);
    if (row.rise == 1 && row.fall == 1) {
        // Aggressive settings: the health itself follows every flip of the input.
        EXPECT_GE(node.healthChanges().size(), 250u);
        EXPECT_GT(spentMoments, 0) << "the budget was never spent: nothing was checked";
        if (row.window < kFlapping / 2) {
            // The budget frees after each window, so the route moves again in later ones.
            EXPECT_GE(changes.size(), static_cast<std::size_t>(2 * row.budget));
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Table, FlappingListener,
                         ::testing::Values(FlapRow{"DefaultsBudget4In900s", 3, 2, 4, 900s},
                                           FlapRow{"DefaultsBudget4In60s", 3, 2, 4, 60s},
                                           FlapRow{"AggressiveBudget4In900s", 1, 1, 4, 900s},
                                           FlapRow{"AggressiveBudget4In60s", 1, 1, 4, 60s},
                                           FlapRow{"AggressiveBudget2In30s", 1, 1, 2, 30s}),
                         [](const auto &row) { return row.param.name; });

TEST(FlappingListener, AggressiveSettingsEndWithdrawnOnceTheBudgetIsSpent)
{
    // With the default window of 900 s, the four changes are spent within seconds and the
    // prefix stays withdrawn for the rest of the ten minutes, whatever the health does.
    const SteadyTime start = at(0ms);
    SimulatedWorld world{[start](SteadyTime now) {
        return listenerPresent(start, now) ? quietStats() : noListenerStats();
    }};
    SimulatedNode node(healthConfig(1, 1), RoutePolicy({kPrefix}, routeConfig(), 4, 900s, 1), world,
                       start);
    bool failed = false; // report the first moment only, not every tick after it
    node.runUntil(start + kWarmUp + kFlapping, [&](SteadyTime now) {
        if (failed || node.routeChanges().front().size() < 4)
            return;
        const PrefixDecision &decision = node.decision().routes().first();
        const bool explained = node.decision().verdict().health != ServiceHealth::Healthy ||
                               decision.reason.contains(QStringLiteral("flap budget"));
        if (decision.state != PrefixState::Withdrawn || !explained) {
            failed = true;
            ADD_FAILURE() << "+" << secondsSince(start, now)
                          << " s: " << prefixStateName(decision.state).toStdString() << ", "
                          << decision.reason.toStdString();
        }
    });
    const std::vector<SteadyTime> &changes = node.routeChanges().front();
    ASSERT_EQ(changes.size(), 4u);
    EXPECT_LE(changes.back(), start + kWarmUp + 10s);
}

} // namespace
} // namespace anycast
