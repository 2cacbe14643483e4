#include "agent/bridge/Bridge.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace anycast {
namespace {

void logLine(const std::string &message)
{
    std::fprintf(stderr, "anycast-exabgp-bridge: %s\n", message.c_str());
    std::fflush(stderr);
}

void setNonBlocking(int fd)
{
    const int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

bool wouldBlock(int error)
{
    return error == EAGAIN || error == EWOULDBLOCK || error == EINTR;
}

} // namespace

Bridge::Bridge(BridgeOptions options, std::string version)
    : m_options(std::move(options))
    , m_version(std::move(version))
{
    // ExaBGP's pipe ends are separate open files, so this changes nothing on its side.
    setNonBlocking(STDIN_FILENO);
    setNonBlocking(STDOUT_FILENO);
    const Clock::time_point now = Clock::now();
    m_nextConnectAt = now;
    m_agentLostAt = now; // the grace time also runs from start: an agent that never comes
}

Bridge::~Bridge()
{
    if (m_agentFd >= 0)
        ::close(m_agentFd);
}

int Bridge::run(const sigset_t &pollMask, const volatile std::sig_atomic_t &stopRequested)
{
    while (!stopRequested) {
        Clock::time_point now = Clock::now();
        if (m_agentState == AgentState::Disconnected && now >= m_nextConnectAt) {
            // Hold back while ExaBGP is far behind: the agent would only fill the buffer again.
            if (m_toExabgp.size() <= MaximumBufferedBytes / 2)
                startConnect(now);
            else
                m_nextConnectAt = now + RetryInterval;
        }
        if (m_agentState != AgentState::Connected && !m_lossApplied &&
            now - m_agentLostAt >= m_options.grace)
            applyLossPolicy();
        if (!flushStdout())
            return 0;
        flushAgent(now);

        pollfd fds[3] = {{STDIN_FILENO, POLLIN, 0},
                         {STDOUT_FILENO, static_cast<short>(m_toExabgp.empty() ? 0 : POLLOUT), 0},
                         {m_agentFd, 0, 0}};
        if (m_agentState == AgentState::Connecting)
            fds[2].events = POLLOUT;
        else if (m_agentState == AgentState::Connected)
            fds[2].events = static_cast<short>(POLLIN | (m_toAgent.empty() ? 0 : POLLOUT));
        const int timeoutMs = pollTimeoutMs(now);
        timespec timeout{timeoutMs / 1000, (timeoutMs % 1000) * 1000000L};
        const int ready = ppoll(fds, 3, timeoutMs < 0 ? nullptr : &timeout, &pollMask);
        if (ready < 0) {
            if (errno == EINTR)
                continue; // a signal: the loop condition decides
            logLine(std::string("poll failed: ") + std::strerror(errno));
            return 1;
        }
        now = Clock::now();
        if (fds[0].revents != 0 && !readStdin(now))
            return 0;
        if ((fds[1].revents & (POLLERR | POLLHUP)) != 0) {
            logLine("ExaBGP closed its end of stdout; exiting");
            return 0;
        }
        if (fds[2].revents != 0) {
            if (m_agentState == AgentState::Connecting)
                finishConnect(now);
            else if (m_agentState == AgentState::Connected)
                readAgent(now);
        }
    }
    logLine("stopped by signal");
    return 0;
}

int Bridge::pollTimeoutMs(Clock::time_point now) const
{
    using std::chrono::ceil;
    using std::chrono::milliseconds;
    long long timeout = -1;
    const auto consider = [&](Clock::time_point at) {
        const long long ms = std::max<long long>(0, ceil<milliseconds>(at - now).count());
        timeout = timeout < 0 ? ms : std::min(timeout, ms);
    };
    if (m_agentState == AgentState::Disconnected)
        consider(m_nextConnectAt);
    if (m_agentState != AgentState::Connected && !m_lossApplied)
        consider(m_agentLostAt + m_options.grace);
    return static_cast<int>(std::min<long long>(timeout, 60000));
}

void Bridge::startConnect(Clock::time_point now)
{
    m_nextConnectAt = now + RetryInterval;
    m_agentFd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_agentFd < 0) {
        logLine(std::string("socket() failed: ") + std::strerror(errno));
        return;
    }
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, m_options.socketPath.c_str(), m_options.socketPath.size());
    if (::connect(m_agentFd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0) {
        onConnected();
        return;
    }
    if (errno == EINPROGRESS) {
        m_agentState = AgentState::Connecting;
        return;
    }
    const int error = errno;
    ::close(m_agentFd);
    m_agentFd = -1;
    // Once per outage: a retry every 200 ms would flood ExaBGP's log.
    if (!m_loggedUnavailable) {
        logLine("agent at " + m_options.socketPath + " unavailable (" + std::strerror(error) +
                "); retrying every 200 ms");
        m_loggedUnavailable = true;
    }
}

void Bridge::finishConnect(Clock::time_point now)
{
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(m_agentFd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        error = errno;
    if (error != 0) {
        ::close(m_agentFd);
        m_agentFd = -1;
        m_agentState = AgentState::Disconnected;
        m_nextConnectAt = now + RetryInterval;
        return;
    }
    onConnected();
}

// ExaBGP's neighbor-changes events look like {"exabgp": "4.0.1", ..., "type": "state",
// "neighbor": {"address": {"local": "...", "peer": "127.0.0.1"}, ..., "state": "up"}}.
// The peer address, or empty for any other line; no JSON parser for one field.
std::string Bridge::stateEventPeer(std::string_view line)
{
    if (line.find("\"type\": \"state\"") == std::string_view::npos)
        return {};
    constexpr std::string_view key = "\"peer\": \"";
    const std::size_t start = line.find(key);
    if (start == std::string_view::npos)
        return {};
    const std::size_t from = start + key.size();
    const std::size_t end = line.find('"', from);
    return end == std::string_view::npos ? std::string()
                                         : std::string(line.substr(from, end - from));
}

void Bridge::onConnected()
{
    m_agentState = AgentState::Connected;
    m_loggedUnavailable = false;
    m_fromAgent.clear();
    m_toAgent.clear();
    m_toAgent.append("#bridge hello " + m_version +
                     " on_agent_loss=" + policyName(m_options.onAgentLoss) + "\n");
    for (const auto &[peer, event] : m_lastStateEvents) {
        m_toAgent.append(event);
        m_toAgent.append("\n");
    }
    logLine("connected to agent at " + m_options.socketPath);
}

void Bridge::dropAgent(std::string_view why, Clock::time_point now)
{
    logLine("agent connection lost: " + std::string(why));
    ::close(m_agentFd);
    m_agentFd = -1;
    m_agentState = AgentState::Disconnected;
    m_fromAgent.clear();
    m_toAgent.clear();
    m_agentLostAt = now;
    m_lossApplied = false;
    m_nextConnectAt = now + RetryInterval;
}

bool Bridge::readStdin(Clock::time_point now)
{
    char chunk[64 * 1024];
    const ssize_t got = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (got == 0) {
        logLine("stdin closed (ExaBGP exited); exiting");
        return false;
    }
    if (got < 0) {
        if (wouldBlock(errno))
            return true;
        logLine(std::string("reading stdin failed: ") + std::strerror(errno) + "; exiting");
        return false;
    }
    m_fromExabgp.append(std::string_view(chunk, static_cast<std::size_t>(got)));
    if (const std::size_t dropped = m_fromExabgp.takeDroppedLines(); dropped > 0)
        logLine("dropped " + std::to_string(dropped) + " line(s) from ExaBGP over 64 KiB");
    while (std::optional<std::string> line = m_fromExabgp.nextLine())
        handleExabgpLine(*line, now);
    return true;
}

void Bridge::handleExabgpLine(std::string_view line, Clock::time_point now)
{
    if (m_tracker.isOwnAck(line))
        return;
    // '#' lines on the agent's socket are the bridge's own voice (its hello): one from ExaBGP
    // (a peer's text echoed, a stray print) must never pass for it.
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] == '#') {
        ++m_reservedLinesDropped;
        if (!m_reservedLinesLoggedAt || now - *m_reservedLinesLoggedAt >= ComplaintInterval) {
            logLine("dropped " + std::to_string(m_reservedLinesDropped) +
                    " line(s) from ExaBGP starting with '#' (reserved for the bridge)");
            m_reservedLinesDropped = 0;
            m_reservedLinesLoggedAt = now;
        }
        return;
    }
    rememberStateEvent(line);
    // While the agent is away nobody waits for these; when it returns it resends its state.
    if (m_agentState != AgentState::Connected)
        return;
    m_toAgent.append(line);
    m_toAgent.append("\n");
}

void Bridge::rememberStateEvent(std::string_view line)
{
    const std::string peer = stateEventPeer(line);
    if (peer.empty())
        return;
    const auto known = m_lastStateEvents.find(peer);
    if (known != m_lastStateEvents.end())
        known->second = std::string(line);
    else if (m_lastStateEvents.size() < MaximumRememberedPeers)
        m_lastStateEvents.emplace(peer, std::string(line));
}

void Bridge::readAgent(Clock::time_point now)
{
    char chunk[64 * 1024];
    const ssize_t got = ::read(m_agentFd, chunk, sizeof chunk);
    if (got == 0) {
        dropAgent("closed by the agent", now);
        return;
    }
    if (got < 0) {
        if (!wouldBlock(errno))
            dropAgent(std::strerror(errno), now);
        return;
    }
    m_fromAgent.append(std::string_view(chunk, static_cast<std::size_t>(got)));
    if (const std::size_t dropped = m_fromAgent.takeDroppedLines(); dropped > 0)
        logLine("dropped " + std::to_string(dropped) + " line(s) from the agent over 64 KiB");
    while (std::optional<std::string> line = m_fromAgent.nextLine())
        handleAgentLine(*line);
    if (m_toExabgp.size() > MaximumBufferedBytes)
        dropAgent("ExaBGP is not reading the bridge's stdout (4 MiB waiting)", now);
}

void Bridge::handleAgentLine(std::string_view line)
{
    // Blank lines and '#' lines are for the bridge, not ExaBGP: forwarding them would earn an
    // "error" ack nobody asked for.
    if (line.find_first_not_of(" \t\r") == std::string_view::npos || line.front() == '#')
        return;
    m_tracker.recordCommand(line, CommandOrigin::Agent);
    m_toExabgp.append(line);
    m_toExabgp.append("\n");
}

void Bridge::applyLossPolicy()
{
    m_lossApplied = true;
    const std::string gone = "agent gone for " + std::to_string(m_options.grace.count()) + "ms";
    if (m_options.onAgentLoss == AgentLossPolicy::Keep) {
        logLine(gone + ": on_agent_loss=keep, leaving " +
                std::to_string(m_tracker.announcedCount()) + " route(s) announced");
        return;
    }
    const std::vector<std::string> withdrawals = m_tracker.withdrawAll();
    for (const std::string &command : withdrawals) {
        m_toExabgp.append(command);
        m_toExabgp.append("\n");
    }
    logLine(gone + ": on_agent_loss=withdraw, withdrew " + std::to_string(withdrawals.size()) +
            " route(s)");
}

bool Bridge::flushStdout()
{
    while (!m_toExabgp.empty()) {
        const std::string_view pending = m_toExabgp.pending();
        const ssize_t written = ::write(STDOUT_FILENO, pending.data(), pending.size());
        if (written < 0) {
            if (wouldBlock(errno))
                return true;
            logLine(std::string("writing to ExaBGP failed: ") + std::strerror(errno) + "; exiting");
            return false;
        }
        m_toExabgp.consume(static_cast<std::size_t>(written));
    }
    return true;
}

void Bridge::flushAgent(Clock::time_point now)
{
    while (m_agentState == AgentState::Connected && !m_toAgent.empty()) {
        const std::string_view pending = m_toAgent.pending();
        const ssize_t written = ::send(m_agentFd, pending.data(), pending.size(), MSG_NOSIGNAL);
        if (written < 0) {
            if (!wouldBlock(errno))
                dropAgent(std::strerror(errno), now);
            return;
        }
        m_toAgent.consume(static_cast<std::size_t>(written));
    }
    if (m_toAgent.size() > MaximumBufferedBytes)
        dropAgent("the agent is not reading (4 MiB waiting)", now);
}

} // namespace anycast
