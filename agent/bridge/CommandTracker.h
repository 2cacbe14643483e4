#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anycast {

// Who wrote a command to ExaBGP, so that its ack goes back to the one who is waiting for it.
enum class CommandOrigin
{
    Agent,
    Bridge
};

// The parts of an `announce route` / `withdraw route` command the bridge needs to undo it.
struct RouteCommand
{
    bool announce = false;
    std::string selector; // "neighbor 10.0.0.1" (everything before the verb) or empty
    std::string prefix;   // as written, with "/32" or "/128" added when the length is missing
    std::string nextHop;  // empty when the command names none
};

// Pure bookkeeping of what the bridge told ExaBGP: which routes are announced (so that
// on_agent_loss=withdraw knows what to take back) and, since ExaBGP acks every command in
// order with one "done" or "error" line, which of the coming ack lines answer the bridge's
// own commands and must not reach the agent.
class CommandTracker
{
public:
    static std::optional<RouteCommand> parseRouteCommand(std::string_view command);

    // A command was written to ExaBGP.
    void recordCommand(std::string_view command, CommandOrigin origin);
    // A line arrived from ExaBGP. True when it is the ack of one of the bridge's own commands:
    // the caller swallows it instead of forwarding it.
    bool isOwnAck(std::string_view line);
    // `withdraw route` commands for every announced route, recorded as the bridge's own and
    // marked withdrawn. The caller writes them to ExaBGP in this order.
    std::vector<std::string> withdrawAll();

    std::size_t announcedCount() const { return m_announced.size(); }
    bool isAnnounced(std::string_view selector, std::string_view prefix) const;
    std::size_t pendingAcks() const { return m_pendingAcks.size(); }

private:
    std::map<std::string, RouteCommand> m_announced; // key: selector + '\n' + prefix
    std::deque<CommandOrigin> m_pendingAcks;
};

} // namespace anycast
