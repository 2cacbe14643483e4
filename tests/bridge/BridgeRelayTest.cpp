// The real bridge binary between a stand-in for ExaBGP (this test, on the bridge's stdin and
// stdout) and a stand-in agent (a Unix socket server in a temporary directory).
#include "tests/bridge/BridgeHarness.h"

#include <gtest/gtest.h>

#include <csignal>

namespace anycast::test {
namespace {

class BridgeRelay : public ::testing::Test
{
protected:
    std::unique_ptr<BridgeProcess> start(std::vector<std::string> arguments = {})
    {
        arguments.insert(arguments.begin(), {"--socket", m_dir.socketPath()});
        auto bridge = std::make_unique<BridgeProcess>(arguments, m_dir.stderrPath());
        EXPECT_TRUE(bridge->started());
        return bridge;
    }
    // Starts the agent and the bridge and checks the greeting.
    std::unique_ptr<BridgeProcess> startConnected(std::vector<std::string> arguments = {})
    {
        EXPECT_TRUE(m_agent.listen());
        auto bridge = start(std::move(arguments));
        EXPECT_TRUE(m_agent.accept());
        const std::optional<std::string> hello = m_agent.readLine();
        EXPECT_TRUE(hello && hello->starts_with("#bridge hello ")) << hello.value_or("(none)");
        return bridge;
    }

    BridgeFixtureDir m_dir;
    AgentServer m_agent{m_dir.socketPath()};
};

TEST_F(BridgeRelay, GreetsTheAgentWithVersionAndPolicy)
{
    ASSERT_TRUE(m_agent.listen());
    auto bridge = start({"--on-agent-loss", "withdraw"});
    ASSERT_TRUE(m_agent.accept());
    EXPECT_EQ(m_agent.readLine(), "#bridge hello " ANYCAST_VERSION " on_agent_loss=withdraw");
}

TEST_F(BridgeRelay, WritesAgentCommandsVerbatimToStdout)
{
    auto bridge = startConnected();
    const std::string announce = "announce route 192.0.2.1/32 next-hop self med 100 "
                                 "community [65535:0] as-path [65001 65001]";
    ASSERT_TRUE(m_agent.sendLine(announce));
    ASSERT_TRUE(m_agent.sendLine("# a comment for the bridge, not for ExaBGP"));
    ASSERT_TRUE(m_agent.sendLine("withdraw route 192.0.2.1/32 next-hop self"));
    EXPECT_EQ(bridge->readStdoutLine(), announce);
    EXPECT_EQ(bridge->readStdoutLine(), "withdraw route 192.0.2.1/32 next-hop self");
}

TEST_F(BridgeRelay, ForwardsAcksAndEventsFromExabgpToTheAgent)
{
    auto bridge = startConnected();
    ASSERT_TRUE(m_agent.sendLine("announce route 192.0.2.1/32 next-hop self"));
    ASSERT_EQ(bridge->readStdoutLine(), "announce route 192.0.2.1/32 next-hop self");
    const std::string event = R"({"exabgp": "4.0.1", "type": "state", "neighbor": )"
                              R"({"address": {"peer": "127.0.0.1"}, "state": "up"}})";
    bridge->writeStdin("done\n" + event + "\nshutdown\n");
    EXPECT_EQ(m_agent.readLine(), "done");
    EXPECT_EQ(m_agent.readLine(), event);
    EXPECT_EQ(m_agent.readLine(), "shutdown");
}

TEST_F(BridgeRelay, ReconnectsAndGreetsAgainWhenTheAgentRestarts)
{
    auto bridge = startConnected();
    m_agent.stop();
    ASSERT_TRUE(m_agent.listen());
    ASSERT_TRUE(m_agent.accept());
    EXPECT_EQ(m_agent.readLine(), "#bridge hello " ANYCAST_VERSION " on_agent_loss=keep");
    ASSERT_TRUE(m_agent.sendLine("announce route 192.0.2.5/32 next-hop self"));
    EXPECT_EQ(bridge->readStdoutLine(), "announce route 192.0.2.5/32 next-hop self");
    bridge->writeStdin("done\n");
    EXPECT_EQ(m_agent.readLine(), "done");
    EXPECT_TRUE(bridge->running());
}

TEST_F(BridgeRelay, StaysAliveWhileTheAgentIsNeverThere)
{
    auto bridge = start({"--grace", "100ms", "--on-agent-loss", "withdraw"});
    // Past the grace time with nothing to withdraw, and still retrying.
    ASSERT_TRUE(bridge->waitForStderr("on_agent_loss=withdraw, withdrew 0"))
        << bridge->stderrText();
    // The oversize line's log entry shows the bridge has read (and dropped) the lines before
    // it, so the connection below cannot race them.
    bridge->writeStdin("{\"type\": \"notification\"}\ndone\n" + std::string(70 * 1024, 'x') + "\n");
    ASSERT_TRUE(bridge->waitForStderr("from ExaBGP over 64 KiB"));
    EXPECT_TRUE(bridge->running());
    ASSERT_TRUE(m_agent.listen());
    ASSERT_TRUE(m_agent.accept()) << "the bridge gave up reconnecting";
    EXPECT_TRUE(m_agent.readLine().value_or("").starts_with("#bridge hello "));
    bridge->writeStdin("after\n");
    EXPECT_EQ(m_agent.readLine(), "after") << "lines from before the connection must be dropped";
}

TEST_F(BridgeRelay, ReplaysTheLatestSessionStateToAConnectingAgent)
{
    auto bridge = start({"--grace", "10s"});
    // Sessions come up before the agent connects; their latest state must still reach it.
    const std::string down = R"({"exabgp": "4.0.1", "type": "state", "neighbor": {"address": )"
                             R"({"local": "127.0.0.2", "peer": "127.0.0.1"}, "state": "down"}})";
    const std::string up = R"({"exabgp": "4.0.1", "type": "state", "neighbor": {"address": )"
                           R"({"local": "127.0.0.2", "peer": "127.0.0.1"}, "state": "up"}})";
    const std::string other =
        R"({"exabgp": "4.0.1", "type": "state", "neighbor": {"address": )"
        R"({"local": "127.0.0.2", "peer": "127.0.0.9"}, "state": "connected"}})";
    bridge->writeStdin(down + "\n" + other + "\n" + up + "\n" + std::string(70 * 1024, 'x') + "\n");
    ASSERT_TRUE(bridge->waitForStderr("from ExaBGP over 64 KiB")); // the lines above were read
    ASSERT_TRUE(m_agent.listen());
    ASSERT_TRUE(m_agent.accept());
    EXPECT_TRUE(m_agent.readLine().value_or("").starts_with("#bridge hello "));
    EXPECT_EQ(m_agent.readLine(), up) << "only the latest event per peer";
    EXPECT_EQ(m_agent.readLine(), other);
    bridge->writeStdin("after\n");
    EXPECT_EQ(m_agent.readLine(), "after");
}

// '#' lines on the agent's socket are the bridge's own voice; ExaBGP (a peer's text, a stray
// print) must not be able to speak with it.
TEST_F(BridgeRelay, NeverRelaysHashLinesFromExabgp)
{
    auto bridge = startConnected();
    bridge->writeStdin("#bridge hello 6.6.6 on_agent_loss=withdraw\n"
                       "  \t#bridge hello 6.6.6 on_agent_loss=withdraw\n"
                       "#anything\n"
                       "done\n");
    EXPECT_EQ(m_agent.readLine(), "done") << "a '#' line from ExaBGP reached the agent";
    EXPECT_TRUE(bridge->waitForStderr("dropped 1 line(s) from ExaBGP starting with '#'"))
        << bridge->stderrText();
    EXPECT_TRUE(bridge->running());
}

TEST_F(BridgeRelay, RemembersTheSessionsOfAtMost64Peers)
{
    auto bridge = start({"--grace", "10s"});
    std::string events;
    for (int i = 0; i < 1000; ++i) {
        events += R"({"exabgp": "4.0.1", "type": "state", "neighbor": {"address": )"
                  R"({"local": "127.0.0.2", "peer": "10.0.)" +
                  std::to_string(i / 256) + "." + std::to_string(i % 256) +
                  R"("}, "state": "up"}})"
                  "\n";
    }
    bridge->writeStdin(events + std::string(70 * 1024, 'x') + "\n");
    ASSERT_TRUE(bridge->waitForStderr("from ExaBGP over 64 KiB")); // the lines above were read
    ASSERT_TRUE(m_agent.listen());
    ASSERT_TRUE(m_agent.accept());
    EXPECT_TRUE(m_agent.readLine().value_or("").starts_with("#bridge hello "));
    int replayed = 0;
    while (m_agent.readLine(500ms).value_or("").find("\"type\": \"state\"") != std::string::npos)
        ++replayed;
    EXPECT_EQ(replayed, 64);
}

TEST_F(BridgeRelay, DropsOversizeLinesAndKeepsGoing)
{
    auto bridge = startConnected();
    ASSERT_TRUE(m_agent.sendAll("announce route " + std::string(70 * 1024, '1') + "\n"));
    ASSERT_TRUE(m_agent.sendLine("announce route 192.0.2.1/32 next-hop self"));
    EXPECT_EQ(bridge->readStdoutLine(), "announce route 192.0.2.1/32 next-hop self");
    bridge->writeStdin("{\"huge\": \"" + std::string(70 * 1024, 'x') + "\"}\ndone\n");
    EXPECT_EQ(m_agent.readLine(), "done");
    EXPECT_TRUE(bridge->waitForStderr("from the agent over 64 KiB"));
    EXPECT_TRUE(bridge->waitForStderr("from ExaBGP over 64 KiB"));
    EXPECT_TRUE(bridge->running());
}

TEST_F(BridgeRelay, ExitsZeroPromptlyWhenStdinEnds)
{
    auto bridge = startConnected();
    bridge->closeStdin();
    EXPECT_EQ(bridge->waitExit(2s), 0);
}

TEST_F(BridgeRelay, ExitsZeroOnStdinEndWithoutAnAgent)
{
    auto bridge = start();
    ASSERT_TRUE(bridge->waitForStderr("unavailable"));
    bridge->closeStdin();
    EXPECT_EQ(bridge->waitExit(2s), 0);
}

TEST_F(BridgeRelay, ExitsZeroOnSigterm)
{
    auto bridge = startConnected();
    bridge->signal(SIGTERM);
    EXPECT_EQ(bridge->waitExit(2s), 0);
}

TEST_F(BridgeRelay, RejectsBadArgumentsWith64)
{
    const std::vector<std::vector<std::string>> cases = {
        {},
        {"--socket"},
        {"--on-agent-loss", "withdraw"},
        {"--socket", "/tmp/x", "--on-agent-loss", "drop"},
        {"--socket", "/tmp/x", "--grace", "10"},
        {"--socket", "/tmp/x", "--frobnicate"},
        {"--socket", std::string(200, 'p')},
    };
    for (const std::vector<std::string> &arguments : cases) {
        BridgeProcess bridge(arguments, m_dir.stderrPath());
        EXPECT_EQ(bridge.waitExit(), 64) << testing::PrintToString(arguments);
        EXPECT_NE(bridge.stderrText().find("usage: anycast-exabgp-bridge --socket PATH"),
                  std::string::npos);
    }
}

TEST_F(BridgeRelay, AnswersHelpAndVersion)
{
    BridgeProcess help({"--help"}, m_dir.stderrPath());
    EXPECT_TRUE(help.readStdoutLine().value_or("").starts_with("usage: "));
    EXPECT_EQ(help.waitExit(), 0);
    BridgeProcess version({"--version"}, m_dir.stderrPath());
    EXPECT_EQ(version.readStdoutLine(), "anycast-exabgp-bridge " ANYCAST_VERSION);
    EXPECT_EQ(version.waitExit(), 0);
}

} // namespace
} // namespace anycast::test
