#include "agent/bridge/CommandTracker.h"

namespace anycast {
namespace {

// ExaBGP answers each command in flight; if acks were turned off they never come, and the
// queue must not grow without bound. Far more than the stdout buffer can hold in flight.
constexpr std::size_t MaximumPendingAcks = 1 << 20;

std::vector<std::string_view> words(std::string_view text)
{
    std::vector<std::string_view> result;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t start = text.find_first_not_of(" \t\r", at);
        if (start == std::string_view::npos)
            break;
        std::size_t end = text.find_first_of(" \t\r", start);
        if (end == std::string_view::npos)
            end = text.size();
        result.push_back(text.substr(start, end - start));
        at = end;
    }
    return result;
}

std::string key(std::string_view selector, std::string_view prefix)
{
    std::string result(selector);
    result.push_back('\n');
    result.append(prefix);
    return result;
}

std::string_view trimmed(std::string_view text)
{
    const std::size_t start = text.find_first_not_of(" \t\r");
    if (start == std::string_view::npos)
        return {};
    return text.substr(start, text.find_last_not_of(" \t\r") - start + 1);
}

} // namespace

std::optional<RouteCommand> CommandTracker::parseRouteCommand(std::string_view command)
{
    const std::vector<std::string_view> tokens = words(command);
    std::size_t verb = 0;
    if (!tokens.empty() && tokens.front() == "neighbor") {
        while (verb < tokens.size() && tokens[verb] != "announce" && tokens[verb] != "withdraw")
            ++verb;
    }
    if (verb + 2 >= tokens.size())
        return std::nullopt;
    if ((tokens[verb] != "announce" && tokens[verb] != "withdraw") || tokens[verb + 1] != "route")
        return std::nullopt;
    RouteCommand route;
    route.announce = tokens[verb] == "announce";
    for (std::size_t i = 0; i < verb; ++i) {
        if (i > 0)
            route.selector.push_back(' ');
        route.selector.append(tokens[i]);
    }
    route.prefix = tokens[verb + 2];
    // ExaBGP reads a bare address as a host route; normalise so "x" and "x/32" are one key.
    if (route.prefix.find('/') == std::string::npos)
        route.prefix += route.prefix.find(':') == std::string::npos ? "/32" : "/128";
    for (std::size_t i = verb + 3; i + 1 < tokens.size(); ++i) {
        if (tokens[i] == "next-hop")
            route.nextHop = tokens[i + 1];
    }
    return route;
}

void CommandTracker::recordCommand(std::string_view command, CommandOrigin origin)
{
    if (m_pendingAcks.size() >= MaximumPendingAcks)
        m_pendingAcks.pop_front();
    m_pendingAcks.push_back(origin);
    const std::optional<RouteCommand> route = parseRouteCommand(command);
    if (!route)
        return;
    if (route->announce)
        m_announced[key(route->selector, route->prefix)] = *route;
    else
        m_announced.erase(key(route->selector, route->prefix));
}

bool CommandTracker::isOwnAck(std::string_view line)
{
    const std::string_view word = trimmed(line);
    if ((word != "done" && word != "error") || m_pendingAcks.empty())
        return false;
    const CommandOrigin origin = m_pendingAcks.front();
    m_pendingAcks.pop_front();
    return origin == CommandOrigin::Bridge;
}

std::vector<std::string> CommandTracker::withdrawAll()
{
    std::vector<std::string> commands;
    for (const auto &[routeKey, route] : m_announced) {
        std::string command = route.selector.empty() ? std::string() : route.selector + " ";
        command += "withdraw route " + route.prefix;
        // ExaBGP 4.2 matches a withdraw by prefix; the next-hop is repeated because older
        // releases wanted it, and it costs nothing.
        if (!route.nextHop.empty())
            command += " next-hop " + route.nextHop;
        commands.push_back(std::move(command));
    }
    m_announced.clear();
    for (std::size_t i = 0; i < commands.size(); ++i)
        m_pendingAcks.push_back(CommandOrigin::Bridge);
    return commands;
}

bool CommandTracker::isAnnounced(std::string_view selector, std::string_view prefix) const
{
    return m_announced.contains(key(selector, prefix));
}

} // namespace anycast
