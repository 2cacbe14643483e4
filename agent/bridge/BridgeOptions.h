#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace anycast {

enum class AgentLossPolicy
{
    Keep,
    Withdraw
};

struct BridgeOptions
{
    std::string socketPath;
    AgentLossPolicy onAgentLoss = AgentLossPolicy::Keep;
    std::chrono::milliseconds grace{10000};
};

struct ParsedArguments
{
    enum class Action
    {
        Run,
        Help,
        Version,
        Error
    };
    Action action = Action::Error;
    BridgeOptions options;
    std::string error; // for Action::Error
};

inline constexpr const char *BridgeUsage =
    "usage: anycast-exabgp-bridge --socket PATH [--on-agent-loss keep|withdraw] "
    "[--grace DURATION]";

// "500ms", "10s", "2m": an integer and a unit. Plain POSIX, so the bridge needs no Qt.
std::optional<std::chrono::milliseconds> parseBridgeDuration(std::string_view text);
ParsedArguments parseBridgeArguments(int argc, const char *const argv[]);
const char *policyName(AgentLossPolicy policy);

} // namespace anycast
