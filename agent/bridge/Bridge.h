#pragma once

#include "agent/bridge/BridgeOptions.h"
#include "agent/bridge/CommandTracker.h"
#include "agent/bridge/LineBuffer.h"

#include <chrono>
#include <csignal>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace anycast {

// The relay between ExaBGP (stdin/stdout) and the agent (its bgp_socket): one thread, one
// poll() loop, nothing blocks. The protocol is described at the top of main.cpp and in
// docs/BGP-BRIDGE.md.
class Bridge
{
public:
    using Clock = std::chrono::steady_clock;

    static constexpr std::size_t MaximumLineBytes = 64 * 1024;
    // How much may wait for a reader (ExaBGP on stdout, the agent on the socket) before the
    // bridge stops feeding it: memory stays bounded when one side stops reading.
    static constexpr std::size_t MaximumBufferedBytes = 4 * 1024 * 1024;
    static constexpr std::chrono::milliseconds RetryInterval{200};
    // Peers whose latest session event is kept for a reconnecting agent: as many as the agent
    // tracks. A node has a handful; made-up peers beyond this are relayed, not remembered.
    static constexpr std::size_t MaximumRememberedPeers = 64;
    // The longest a repeated complaint about ExaBGP's input stays out of the log.
    static constexpr std::chrono::seconds ComplaintInterval{10};

    Bridge(BridgeOptions options, std::string version);
    ~Bridge();
    Bridge(const Bridge &) = delete;
    Bridge &operator=(const Bridge &) = delete;

    // Runs until stdin ends or a SIGTERM/SIGINT arrives (the caller blocks those and passes
    // the mask poll() runs with, so a signal is never missed). Returns the exit status.
    int run(const sigset_t &pollMask, const volatile std::sig_atomic_t &stopRequested);

private:
    enum class AgentState
    {
        Disconnected,
        Connecting,
        Connected
    };

    void startConnect(Clock::time_point now);
    void finishConnect(Clock::time_point now);
    void onConnected();
    static std::string stateEventPeer(std::string_view line);
    void dropAgent(std::string_view why, Clock::time_point now);
    bool readStdin(Clock::time_point now);
    void readAgent(Clock::time_point now);
    bool flushStdout();
    void flushAgent(Clock::time_point now);
    void handleAgentLine(std::string_view line);
    void handleExabgpLine(std::string_view line, Clock::time_point now);
    void rememberStateEvent(std::string_view line);
    void applyLossPolicy();
    int pollTimeoutMs(Clock::time_point now) const;

    BridgeOptions m_options;
    std::string m_version;
    CommandTracker m_tracker;
    LineBuffer m_fromExabgp{MaximumLineBytes};
    LineBuffer m_fromAgent{MaximumLineBytes};
    WriteBuffer m_toExabgp;
    WriteBuffer m_toAgent;
    // The latest neighbor state event per peer: sessions usually come up before the agent
    // connects, and the agent must still learn their state.
    std::map<std::string, std::string> m_lastStateEvents;

    int m_agentFd = -1;
    AgentState m_agentState = AgentState::Disconnected;
    Clock::time_point m_nextConnectAt;
    Clock::time_point m_agentLostAt;
    bool m_lossApplied = false;
    bool m_loggedUnavailable = false;
    std::size_t m_reservedLinesDropped = 0; // since the last line that said so
    std::optional<Clock::time_point> m_reservedLinesLoggedAt;
};

} // namespace anycast
