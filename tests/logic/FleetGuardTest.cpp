#include "agent/policy/FleetGuard.h"

#include "tests/logic/LogicTestSupport.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace anycast {
namespace {

struct GuardRow
{
    std::string name;
    FleetView view = {};
    int minAnnouncing = 1;
    bool allowWithdraw = true;
    QStringList reasonParts = {}; // each appears in the reason when the withdrawal is held
};

const std::vector<GuardRow> kGuardRows = {
    // Without a fleet view there is nothing to protect against.
    {"UnknownFleetAllows", {false, 0, 0}, 1, true},
    {"UnknownFleetAllowsWhateverTheMinimum", {false, 0, 5}, 3, true},
    {"EnoughOthersAllow", {true, 1, 0}, 1, true},
    {"MoreThanEnoughOthersAllow", {true, 5, 0}, 2, true},
    {"NoOtherAnnouncerHolds",
     {true, 0, 0},
     1,
     false,
     {QStringLiteral("only 0 other"), QStringLiteral("minimum 1")}},
    {"OneShortHolds",
     {true, 2, 0},
     3,
     false,
     {QStringLiteral("only 2 other"), QStringLiteral("minimum 3")}},
    // Peers that did not answer count as not announcing: the partial view keeps the route.
    {"SilentPeersDoNotCount", {true, 0, 2}, 1, false, {QStringLiteral("2 peer(s) not answering")}},
    {"ZeroMinimumAlwaysAllows", {true, 0, 3}, 0, true},
};

void PrintTo(const GuardRow &row, std::ostream *out)
{
    *out << row.name;
}

class FleetGuardTable : public ::testing::TestWithParam<GuardRow>
{};

TEST_P(FleetGuardTable, HoldsOnlyTooFewAnnouncers)
{
    const GuardRow &row = GetParam();
    const FleetVerdict verdict = fleetGuard(row.view, row.minAnnouncing);
    EXPECT_EQ(verdict.allowWithdraw, row.allowWithdraw);
    if (row.allowWithdraw) {
        EXPECT_TRUE(verdict.reason.isEmpty()) << verdict.reason.toStdString();
    } else {
        EXPECT_FALSE(verdict.reason.isEmpty());
    }
    for (const QString &part : row.reasonParts) {
        EXPECT_TRUE(verdict.reason.contains(part)) << verdict.reason.toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(Table, FleetGuardTable, ::testing::ValuesIn(kGuardRows),
                         [](const auto &row) { return row.param.name; });

} // namespace
} // namespace anycast
