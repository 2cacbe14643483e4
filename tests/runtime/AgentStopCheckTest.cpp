#include "tests/support/AgentStopCheck.h"

#include <gtest/gtest.h>

#include <csignal>

// The check every harness applies when it stops an agent: a death by signal, a non-zero exit,
// a Qt warning or a sanitizer report in the log is a problem; the agent's own log lines are not.
namespace anycast::test {
namespace {

TEST(AgentStopCheck, CleanExitAndLog)
{
    EXPECT_TRUE(
        agentStopProblems({true, 0}, "agent: signal 15, stopping\nagent: stopped\n").empty());
    EXPECT_TRUE(agentStopProblems({true, 0}, "").empty());
}

TEST(AgentStopCheck, WhatCountsAsAProblem)
{
    struct Row
    {
        ProcessEnd end;
        std::string log;
        std::size_t problems;
        std::string first; // a piece of the first problem
    };
    const std::vector<Row> rows = {
        {{false, SIGSEGV},
         "bgp: bridge disconnected\nQObject: shared QObject was deleted directly. The program "
         "is malformed and may crash.\n",
         2,
         "killed by signal 11"},
        {{true, 1}, "", 1, "exit status 1"},
        {{true, 0},
         "QSocketNotifier: Invalid socket 12 and type 'Read', disabling...\n",
         1,
         "QSocketNotifier:"},
        {{true, 0},
         "QLocalSocket::waitForDisconnected() is not allowed in UnconnectedState",
         1,
         "QLocalSocket"},
        {{true, 0}, "Warning: something Qt says\nfine line\n", 1, "Warning"},
        {{true, 0},
         "ERROR: AddressSanitizer: heap-use-after-free on address 0x1",
         1,
         "AddressSanitizer"},
        {{true, 0}, "sampler: /proc/net/tcp: 2 malformed lines skipped; first: x\n", 0, ""},
    };
    for (const Row &row : rows) {
        const std::vector<std::string> problems = agentStopProblems(row.end, row.log);
        ASSERT_EQ(problems.size(), row.problems) << row.log;
        if (!problems.empty()) {
            EXPECT_NE(problems.front().find(row.first), std::string::npos) << problems.front();
            EXPECT_NE(describeStopProblems(problems).find(problems.front()), std::string::npos);
        }
    }
}

} // namespace
} // namespace anycast::test
