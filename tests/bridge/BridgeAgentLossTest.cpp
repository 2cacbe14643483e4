// What the real bridge does when the agent goes away: on_agent_loss after the grace time, and
// back-pressure when the stand-in for ExaBGP (this test) stops reading stdout.
#include "tests/bridge/BridgeHarness.h"

#include <gtest/gtest.h>

namespace anycast::test {
namespace {

class BridgeAgentLoss : public ::testing::Test
{
protected:
    std::unique_ptr<BridgeProcess> startConnected(std::vector<std::string> arguments)
    {
        EXPECT_TRUE(m_agent.listen());
        arguments.insert(arguments.begin(), {"--socket", m_dir.socketPath()});
        auto bridge = std::make_unique<BridgeProcess>(arguments, m_dir.stderrPath());
        EXPECT_TRUE(m_agent.accept());
        EXPECT_TRUE(m_agent.readLine().value_or("").starts_with("#bridge hello "));
        return bridge;
    }
    // The agent announces; ExaBGP (this test) reads the commands and acks each one.
    void announceAndAck(BridgeProcess &bridge, const std::vector<std::string> &commands)
    {
        for (const std::string &command : commands) {
            ASSERT_TRUE(m_agent.sendLine(command));
            ASSERT_EQ(bridge.readStdoutLine(), command);
        }
        for (std::size_t i = 0; i < commands.size(); ++i) {
            bridge.writeStdin("done\n");
            ASSERT_EQ(m_agent.readLine(), "done");
        }
    }
    void reconnect()
    {
        ASSERT_TRUE(m_agent.listen());
        ASSERT_TRUE(m_agent.accept());
        ASSERT_TRUE(m_agent.readLine().value_or("").starts_with("#bridge hello "));
    }

    BridgeFixtureDir m_dir;
    AgentServer m_agent{m_dir.socketPath()};
};

TEST_F(BridgeAgentLoss, WithdrawTakesBackWhatWasAnnouncedAndSwallowsItsAcks)
{
    auto bridge = startConnected({"--on-agent-loss", "withdraw", "--grace", "300ms"});
    announceAndAck(*bridge, {"announce route 192.0.2.1/32 next-hop self med 100",
                             "neighbor 10.0.0.1 announce route 192.0.2.2/32 next-hop 10.0.0.9",
                             "announce route 192.0.2.3/32 next-hop self",
                             "withdraw route 192.0.2.3/32 next-hop self"});
    m_agent.stop();

    EXPECT_EQ(bridge->readStdoutLine(), "withdraw route 192.0.2.1/32 next-hop self");
    EXPECT_EQ(bridge->readStdoutLine(),
              "neighbor 10.0.0.1 withdraw route 192.0.2.2/32 next-hop 10.0.0.9");
    EXPECT_TRUE(bridge->waitForStderr("withdrew 2 route(s)")) << bridge->stderrText();

    reconnect();
    // ExaBGP acks the two withdrawals late, after the agent is back: the agent must not see
    // them, and must see what follows.
    bridge->writeStdin("done\nerror\n{\"type\": \"state\"}\n");
    EXPECT_EQ(m_agent.readLine(), "{\"type\": \"state\"}");
    ASSERT_TRUE(m_agent.sendLine("announce route 192.0.2.1/32 next-hop self"));
    EXPECT_EQ(bridge->readStdoutLine(), "announce route 192.0.2.1/32 next-hop self");
    bridge->writeStdin("done\n");
    EXPECT_EQ(m_agent.readLine(), "done") << "the agent's own ack must still reach it";
}

TEST_F(BridgeAgentLoss, WithdrawDoesNothingWhenTheAgentIsBackInTime)
{
    auto bridge = startConnected({"--on-agent-loss", "withdraw", "--grace", "2m"});
    announceAndAck(*bridge, {"announce route 192.0.2.1/32 next-hop self"});
    m_agent.stop();
    reconnect();
    ASSERT_TRUE(m_agent.sendLine("announce route 192.0.2.9/32 next-hop self"));
    EXPECT_EQ(bridge->readStdoutLine(), "announce route 192.0.2.9/32 next-hop self")
        << "a withdraw was written before the grace time ran out";
}

TEST_F(BridgeAgentLoss, KeepWritesNothing)
{
    auto bridge = startConnected({"--on-agent-loss", "keep", "--grace", "200ms"});
    announceAndAck(*bridge, {"announce route 192.0.2.1/32 next-hop self"});
    m_agent.stop();
    ASSERT_TRUE(bridge->waitForStderr("on_agent_loss=keep, leaving 1 route(s) announced"))
        << bridge->stderrText();
    reconnect();
    // The next line on stdout is the agent's, so nothing was written in between.
    ASSERT_TRUE(m_agent.sendLine("announce route 192.0.2.9/32 next-hop self"));
    EXPECT_EQ(bridge->readStdoutLine(), "announce route 192.0.2.9/32 next-hop self");
    bridge->writeStdin("done\n");
    EXPECT_EQ(m_agent.readLine(), "done");
}

TEST_F(BridgeAgentLoss, DropsTheAgentWhenExabgpStopsReading)
{
    auto bridge = startConnected({"--grace", "2m"});
    // Over 4 MiB of commands while nobody reads stdout: the bridge must not block or grow
    // without bound; it drops the agent connection instead.
    const std::string command =
        "announce route 192.0.2.1/32 next-hop self med 100 " + std::string(900, 'x') + "\n";
    std::string burst;
    while (burst.size() < 6 * 1024 * 1024)
        burst += command;
    m_agent.sendAll(burst); // fails part way once the bridge hangs up; that is the point
    EXPECT_TRUE(m_agent.waitForClose());
    EXPECT_TRUE(bridge->waitForStderr("ExaBGP is not reading")) << bridge->stderrText();
    EXPECT_TRUE(bridge->running());
    // ExaBGP catches up: the bridge comes back to the agent once its backlog has drained.
    const std::string expected = command.substr(0, command.size() - 1);
    std::size_t lines = 0;
    std::size_t mangled = 0;
    bool accepted = false;
    const auto deadline = std::chrono::steady_clock::now() + DefaultDeadline;
    while (!accepted && std::chrono::steady_clock::now() < deadline) {
        while (const std::optional<std::string> line = bridge->readStdoutLine(1ms)) {
            ++lines;
            mangled += *line == expected ? 0 : 1;
        }
        accepted = m_agent.accept(10ms);
    }
    ASSERT_TRUE(accepted);
    EXPECT_TRUE(m_agent.readLine().value_or("").starts_with("#bridge hello "));
    const std::string marker = "announce route 203.0.113.1/32 next-hop self";
    ASSERT_TRUE(m_agent.sendLine(marker));
    bool sawMarker = false;
    while (!sawMarker) {
        const std::optional<std::string> line = bridge->readStdoutLine();
        if (!line)
            break;
        sawMarker = *line == marker;
        lines += sawMarker ? 0 : 1;
        mangled += sawMarker || *line == expected ? 0 : 1;
    }
    EXPECT_TRUE(sawMarker);
    // Everything it had taken from the agent before hanging up reached ExaBGP, in full lines.
    EXPECT_GT(lines, 4000u);
    EXPECT_EQ(mangled, 0u);
}

} // namespace
} // namespace anycast::test
