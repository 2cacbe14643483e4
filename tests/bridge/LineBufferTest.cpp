#include "agent/bridge/LineBuffer.h"

#include "agent/bridge/BridgeOptions.h"

#include <gtest/gtest.h>

namespace anycast {
namespace {

using namespace std::chrono_literals;

std::vector<std::string> drain(LineBuffer &buffer)
{
    std::vector<std::string> lines;
    while (std::optional<std::string> line = buffer.nextLine())
        lines.push_back(*line);
    return lines;
}

TEST(LineBuffer, JoinsLinesSplitAcrossReads)
{
    LineBuffer buffer(16);
    buffer.append("do");
    EXPECT_TRUE(drain(buffer).empty());
    buffer.append("ne\n{\"a\":1}\n\npart");
    EXPECT_EQ(drain(buffer), (std::vector<std::string>{"done", "{\"a\":1}", ""}));
    buffer.append("ial\n");
    EXPECT_EQ(drain(buffer), (std::vector<std::string>{"partial"}));
}

TEST(LineBuffer, DropsAnOversizeLineWholeAndKeepsGoing)
{
    LineBuffer buffer(8);
    buffer.append("12345678\n"); // exactly the limit: kept
    buffer.append("123456789");  // over the limit before its '\n' arrived
    buffer.append("more of the same line");
    buffer.append(" still\nnext\n");
    buffer.append(std::string(20, 'x') + "\nlast\n"); // over the limit within one read
    EXPECT_EQ(drain(buffer), (std::vector<std::string>{"12345678", "next", "last"}));
    EXPECT_EQ(buffer.takeDroppedLines(), 2u);
    EXPECT_EQ(buffer.takeDroppedLines(), 0u);
}

TEST(LineBuffer, ClearForgetsAHalfLine)
{
    LineBuffer buffer(8);
    buffer.append("half");
    buffer.clear();
    buffer.append("new\n");
    EXPECT_EQ(drain(buffer), (std::vector<std::string>{"new"}));
}

TEST(WriteBuffer, ConsumesFromTheFront)
{
    WriteBuffer buffer;
    buffer.append("abcdef");
    buffer.consume(2);
    EXPECT_EQ(buffer.pending(), "cdef");
    buffer.append("gh");
    buffer.consume(3);
    EXPECT_EQ(buffer.pending(), "fgh");
    buffer.consume(3);
    EXPECT_TRUE(buffer.empty());
}

TEST(BridgeOptions, ParsesDurations)
{
    EXPECT_EQ(parseBridgeDuration("500ms"), 500ms);
    EXPECT_EQ(parseBridgeDuration("10s"), 10s);
    EXPECT_EQ(parseBridgeDuration("2m"), 2min);
    EXPECT_EQ(parseBridgeDuration("0s"), 0ms);
    for (const char *bad : {"", "10", "s", "-1s", "1.5s", "10 s", "3h", "99999999999m"})
        EXPECT_FALSE(parseBridgeDuration(bad)) << bad;
}

TEST(BridgeOptions, ParsesArguments)
{
    const char *argv[] = {"bridge",  "--socket", "/run/a.sock", "--on-agent-loss=withdraw",
                          "--grace", "500ms"};
    const ParsedArguments parsed = parseBridgeArguments(6, argv);
    ASSERT_EQ(parsed.action, ParsedArguments::Action::Run) << parsed.error;
    EXPECT_EQ(parsed.options.socketPath, "/run/a.sock");
    EXPECT_EQ(parsed.options.onAgentLoss, AgentLossPolicy::Withdraw);
    EXPECT_EQ(parsed.options.grace, 500ms);

    const char *defaults[] = {"bridge", "--socket=/s"};
    const ParsedArguments plain = parseBridgeArguments(2, defaults);
    EXPECT_EQ(plain.options.onAgentLoss, AgentLossPolicy::Keep);
    EXPECT_EQ(plain.options.grace, 10s);
}

} // namespace
} // namespace anycast
