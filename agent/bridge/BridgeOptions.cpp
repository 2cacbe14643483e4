#include "agent/bridge/BridgeOptions.h"

#include <charconv>
#include <sys/un.h>

namespace anycast {

std::optional<std::chrono::milliseconds> parseBridgeDuration(std::string_view text)
{
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end == text.data() || value < 0)
        return std::nullopt;
    const std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
    constexpr long long limit = 24LL * 3600 * 1000; // a day: anything longer is a typo
    long long factor = 0;
    if (unit == "ms")
        factor = 1;
    else if (unit == "s")
        factor = 1000;
    else if (unit == "m")
        factor = 60 * 1000;
    if (factor == 0 || value > limit / factor)
        return std::nullopt;
    return std::chrono::milliseconds(value * factor);
}

const char *policyName(AgentLossPolicy policy)
{
    return policy == AgentLossPolicy::Keep ? "keep" : "withdraw";
}

ParsedArguments parseBridgeArguments(int argc, const char *const argv[])
{
    ParsedArguments parsed;
    bool haveSocket = false;
    for (int i = 1; i < argc; ++i) {
        std::string_view argument = argv[i];
        if (argument == "--help" || argument == "-h") {
            parsed.action = ParsedArguments::Action::Help;
            return parsed;
        }
        if (argument == "--version" || argument == "-v") {
            parsed.action = ParsedArguments::Action::Version;
            return parsed;
        }
        // Both "--name value" and "--name=value".
        std::string_view value;
        bool inlineValue = false;
        if (const std::size_t equals = argument.find('='); equals != std::string_view::npos) {
            value = argument.substr(equals + 1);
            argument = argument.substr(0, equals);
            inlineValue = true;
        }
        if (argument != "--socket" && argument != "--on-agent-loss" && argument != "--grace") {
            parsed.error = "unknown argument: " + std::string(argv[i]);
            return parsed;
        }
        if (!inlineValue) {
            if (i + 1 >= argc) {
                parsed.error = std::string(argument) + " needs a value";
                return parsed;
            }
            value = argv[++i];
        }
        if (argument == "--socket") {
            // sun_path holds the path and its terminating NUL.
            if (value.empty() || value.size() >= sizeof(sockaddr_un::sun_path)) {
                parsed.error = "--socket: empty or longer than a Unix socket path may be";
                return parsed;
            }
            parsed.options.socketPath = value;
            haveSocket = true;
        } else if (argument == "--on-agent-loss") {
            if (value == "keep") {
                parsed.options.onAgentLoss = AgentLossPolicy::Keep;
            } else if (value == "withdraw") {
                parsed.options.onAgentLoss = AgentLossPolicy::Withdraw;
            } else {
                parsed.error =
                    "--on-agent-loss: expected keep or withdraw, got " + std::string(value);
                return parsed;
            }
        } else {
            const std::optional<std::chrono::milliseconds> grace = parseBridgeDuration(value);
            if (!grace) {
                parsed.error =
                    "--grace: expected a duration like 500ms, 10s or 2m, got " + std::string(value);
                return parsed;
            }
            parsed.options.grace = *grace;
        }
    }
    if (!haveSocket) {
        parsed.error = "--socket PATH is required";
        return parsed;
    }
    parsed.action = ParsedArguments::Action::Run;
    return parsed;
}

} // namespace anycast
