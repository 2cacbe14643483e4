#include "agent/sampler/InetDiagFilter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

#include <linux/inet_diag.h>

namespace anycast {
namespace {

const std::vector<std::vector<std::uint16_t>> kPortSets = {
    {443},
    {80, 443},
    {22, 53, 80, 443, 8080, 8443, 9642, 10179, 33000, 65535},
    [] {
        std::vector<std::uint16_t> many;
        for (std::uint16_t port = 1000; port < 1300; ++port)
            many.push_back(port);
        return many;
    }(),
};

TEST(InetDiagFilter, LocalPortInMatchesExactlyTheSetForEveryPort)
{
    for (const auto &ports : kPortSets) {
        const auto program = InetDiagFilter::localPortIn(ports);
        ASSERT_TRUE(InetDiagFilter::passesAudit(program)) << ports.size() << " ports";
        for (int port = 0; port <= 65535; ++port) {
            const bool member = std::count(ports.begin(), ports.end(), port) > 0;
            ASSERT_EQ(InetDiagFilter::matches(program, static_cast<std::uint16_t>(port)), member)
                << "port " << port << " with " << ports.size() << " ports";
        }
    }
}

TEST(InetDiagFilter, AuditRejectsAJumpTheYesChainNeverReaches)
{
    // The naive OR layout: every comparison jumps straight to the end on a match, so the
    // ops after the first are not on the yes chain and the kernel would answer EINVAL.
    std::vector<std::uint8_t> program(16);
    inet_diag_bc_op ops[4] = {{INET_DIAG_BC_S_EQ, 16, 8},
                              {INET_DIAG_BC_NOP, 0, 80},
                              {INET_DIAG_BC_S_EQ, 8, 12},
                              {INET_DIAG_BC_NOP, 0, 443}};
    std::memcpy(program.data(), ops, sizeof ops);
    EXPECT_TRUE(InetDiagFilter::matches(program, 80));
    EXPECT_FALSE(InetDiagFilter::passesAudit(program));
}

TEST(InetDiagFilter, AuditRejectsTruncatedProgram)
{
    auto program = InetDiagFilter::localPortIn({80, 443});
    program.resize(program.size() - 4);
    EXPECT_FALSE(InetDiagFilter::passesAudit(program));
}

} // namespace
} // namespace anycast
