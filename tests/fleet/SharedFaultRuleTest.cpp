#include "agent/fleet/SharedFaultRule.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace anycast {
namespace {

struct SharedRow
{
    std::string name;
    bool localProbeFailing = true;
    PeerProbes peers;
    int minReporting = 2;
    bool shared = false;
    QString reasonPart = {};
};

const std::vector<SharedRow> kSharedRows = {
    {"LocalProbeFineIsNeverShared", false, {4, 4}, 2, false},
    {"MostPeersFailToo",
     true,
     {4, 3},
     2,
     true,
     QStringLiteral("shared fault: 3 of 4 peers' probes of https fail too")},
    {"AllPeersFail", true, {2, 2}, 2, true, QStringLiteral("2 of 2")},
    {"HalfIsNotAMajority", true, {4, 2}, 2, false, QStringLiteral("not a shared fault")},
    {"MinorityFails", true, {5, 1}, 2, false, QStringLiteral("only 1 of 5")},
    {"NoPeerFails", true, {3, 0}, 2, false},
    {"OnePeerIsNotEnough", true, {1, 1}, 2, false, QStringLiteral("1 peer(s) report")},
    {"NoPeersReport", true, {0, 0}, 2, false, QStringLiteral("at least 2 needed")},
    // One agreeing peer is as likely a coincidence: a lower minimum still needs two.
    {"MinimumBelowTwoCountsAsTwo", true, {1, 1}, 1, false, QStringLiteral("at least 2 needed")},
    {"HigherMinimumNotMet", true, {3, 3}, 4, false, QStringLiteral("at least 4 needed")},
    {"HigherMinimumMet", true, {4, 3}, 4, true},
};

void PrintTo(const SharedRow &row, std::ostream *out)
{
    *out << row.name;
}

class SharedFaultTable : public ::testing::TestWithParam<SharedRow>
{};

TEST_P(SharedFaultTable, Decides)
{
    const SharedRow &row = GetParam();
    const SharedFaultVerdict verdict =
        sharedFault(QStringLiteral("https"), row.localProbeFailing, row.peers, row.minReporting);
    EXPECT_EQ(verdict.shared, row.shared);
    EXPECT_TRUE(verdict.reason.contains(row.reasonPart)) << verdict.reason.toStdString();
    EXPECT_EQ(verdict.reason.isEmpty(), !row.localProbeFailing) << verdict.reason.toStdString();
}

INSTANTIATE_TEST_SUITE_P(SharedFault, SharedFaultTable, ::testing::ValuesIn(kSharedRows),
                         [](const auto &row) { return row.param.name; });

} // namespace
} // namespace anycast
