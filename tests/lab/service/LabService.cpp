#include "tests/lab/service/LabService.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <system_error>
#include <unistd.h>

namespace anycast::lab {
namespace {

constexpr int kAcceptBatch = 64; // accepts per wakeup, so commands stay responsive
constexpr std::size_t kMaxControlClients = 64;
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};

void logLine(const std::string &message)
{
    std::fprintf(stderr, "anycast-lab-service: %s\n", message.c_str());
}

sockaddr_un unixAddress(const std::string &path)
{
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.size() >= sizeof address.sun_path)
        throw std::runtime_error("control socket path is too long: " + path);
    std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
    return address;
}

// Whether some process still accepts connections on the Unix socket at `path`. A socket file
// left by a killed service refuses them, and is then safe to replace.
bool unixSocketIsLive(const sockaddr_un &address)
{
    const FileDescriptor fd(socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!fd.valid())
        return false;
    const int result =
        connect(fd.get(), reinterpret_cast<const sockaddr *>(&address), sizeof address);
    const int error = errno;
    return result == 0 || error == EAGAIN || error == EINPROGRESS;
}

} // namespace

// What a pollfd entry stands for, kept beside it so the results can be dispatched.
struct LabService::PollTarget
{
    enum class Kind
    {
        Signal,
        ConsoleIn,
        ConsoleOut,
        Listener,
        ControlListener,
        ControlClient,
        Connection,
    };
    Kind kind;
    std::size_t index = 0;
};

LabService::LabService(LabOptions options)
    : m_options(std::move(options))
    , m_endpoint(m_options.listen)
    , m_listener(openTcpListener(m_endpoint, m_options.backlog))
{
    // Learn the real port, so that reopen-listener and the `listening` line both use it.
    socklen_t length = sizeof m_endpoint.address;
    getsockname(m_listener.get(), reinterpret_cast<sockaddr *>(&m_endpoint.address), &length);
    if (!m_options.controlPath.empty())
        openControlSocket();
    m_console = std::make_unique<ControlChannel>(STDIN_FILENO, STDOUT_FILENO);
}

LabService::~LabService()
{
    m_connections.clear();
    m_controlClients.clear();
    m_listener.reset();
    closeControlSocket();
}

void LabService::openControlSocket()
{
    const std::string &path = m_options.controlPath;
    const sockaddr_un address = unixAddress(path);
    struct stat info
    {};
    if (lstat(path.c_str(), &info) == 0) {
        if (!S_ISSOCK(info.st_mode))
            throw std::runtime_error(path + " exists and is not a socket");
        if (unixSocketIsLive(address))
            throw std::runtime_error(path + " is in use by another process");
        unlink(path.c_str());
    }
    m_control.reset(socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!m_control.valid())
        throw std::system_error(errno, std::generic_category(), "control socket");
    if (bind(m_control.get(), reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0 ||
        listen(m_control.get(), 16) != 0) {
        const int error = errno;
        m_control.reset();
        throw std::system_error(error, std::generic_category(), "control socket " + path);
    }
    if (lstat(path.c_str(), &info) == 0)
        m_controlFileId = std::pair(info.st_dev, info.st_ino);
}

void LabService::closeControlSocket()
{
    if (!m_control.valid())
        return;
    m_control.reset();
    struct stat info
    {};
    if (m_controlFileId && lstat(m_options.controlPath.c_str(), &info) == 0 &&
        std::pair(info.st_dev, info.st_ino) == *m_controlFileId)
        unlink(m_options.controlPath.c_str());
}

int LabService::run(int signalFd)
{
    m_console->answer("listening " + m_endpoint.toString());
    std::vector<pollfd> fds;
    while (!m_quit) {
        const Clock::time_point before = Clock::now();
        const std::vector<PollTarget> targets = buildPollSet(fds, signalFd, before);
        if (poll(fds.data(), fds.size(), pollTimeoutMs(before)) < 0) {
            if (errno == EINTR)
                continue;
            logLine(std::string("poll: ") + std::strerror(errno));
            return 1;
        }
        const Clock::time_point now = Clock::now();
        for (std::size_t i = 0; i < fds.size() && !m_quit; ++i) {
            const short revents = fds[i].revents;
            if (revents == 0)
                continue;
            const PollTarget &target = targets[i];
            switch (target.kind) {
            case PollTarget::Kind::Signal: {
                signalfd_siginfo signal{};
                if (read(signalFd, &signal, sizeof signal) == sizeof signal)
                    logLine(std::string("exiting on ") + strsignal(int(signal.ssi_signo)));
                m_quit = true;
                break;
            }
            case PollTarget::Kind::ConsoleIn:
                handleLines(*m_console);
                if (!m_console->inputOpen() && !m_control.valid())
                    m_quit = true; // nobody is left who could tell us to stop
                break;
            case PollTarget::Kind::ConsoleOut:
                m_console->flush();
                break;
            case PollTarget::Kind::Listener:
                // A command earlier in this turn may have paused or closed the listener.
                if (m_listener.valid() && !m_paused)
                    acceptConnections(now);
                break;
            case PollTarget::Kind::ControlListener:
                acceptControlClients();
                break;
            case PollTarget::Kind::ControlClient: {
                ControlChannel &client = *m_controlClients[target.index];
                if (revents & POLLOUT)
                    client.flush();
                if (revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL))
                    handleLines(client);
                break;
            }
            case PollTarget::Kind::Connection:
                m_connections[target.index]->onEvents(revents, m_status, m_delay, now);
                break;
            }
        }
        for (const auto &connection : m_connections)
            connection->onTime(now);
        std::erase_if(m_connections, [](const auto &connection) {
            return connection->phase() == HttpConnection::Phase::Done;
        });
        std::erase_if(m_controlClients, [](const auto &client) { return client->finished(); });
    }
    m_console->flush();
    for (const auto &client : m_controlClients)
        client->flush();
    return 0;
}

std::vector<LabService::PollTarget> LabService::buildPollSet(std::vector<pollfd> &fds, int signalFd,
                                                             Clock::time_point now)
{
    using Kind = PollTarget::Kind;
    fds.clear();
    std::vector<PollTarget> targets;
    const auto add = [&](int fd, short events, Kind kind, std::size_t index = 0) {
        fds.push_back(pollfd{fd, events, 0});
        targets.push_back(PollTarget{kind, index});
    };
    // The order is the order of handling within a turn: a signal first, then stdin before
    // the control socket, so a stdin end already seen is acted on before any later command.
    add(signalFd, POLLIN, Kind::Signal);
    if (m_console->wantsInput())
        add(m_console->inFd(), POLLIN, Kind::ConsoleIn);
    if (m_console->hasPendingOutput())
        add(m_console->outFd(), POLLOUT, Kind::ConsoleOut);
    for (std::size_t i = 0; i < m_controlClients.size(); ++i) {
        const ControlChannel &client = *m_controlClients[i];
        const short events =
            short((client.wantsInput() ? POLLIN : 0) | (client.hasPendingOutput() ? POLLOUT : 0));
        add(client.inFd(), events, Kind::ControlClient, i);
    }
    if (m_control.valid())
        add(m_control.get(), POLLIN, Kind::ControlListener);
    for (std::size_t i = 0; i < m_connections.size(); ++i) {
        const HttpConnection &connection = *m_connections[i];
        // Not asking for input leaves the request unread in the kernel; a reset or an error
        // is still reported (poll always reports those), and ends the connection.
        const bool ignored = m_readPaused && connection.phase() == HttpConnection::Phase::Reading;
        add(connection.fd(), ignored ? short(0) : connection.pollEvents(), Kind::Connection, i);
    }
    // A paused listener is simply not polled: the kernel keeps completing handshakes into
    // its accept queue until the backlog is full, which is the failure being simulated.
    if (m_listener.valid() && !m_paused && now >= m_acceptRetryAt)
        add(m_listener.get(), POLLIN, Kind::Listener);
    return targets;
}

int LabService::pollTimeoutMs(Clock::time_point now) const
{
    std::optional<Clock::time_point> next;
    const auto consider = [&](Clock::time_point when) {
        if (!next || when < *next)
            next = when;
    };
    for (const auto &connection : m_connections) {
        if (const auto deadline = connection->deadline())
            consider(*deadline);
    }
    if (m_listener.valid() && !m_paused && now < m_acceptRetryAt)
        consider(m_acceptRetryAt);
    if (!next)
        return -1;
    if (*next <= now)
        return 0;
    // Round up: waking a little early would only mean another turn with nothing due.
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*next - now);
    return int(std::min<std::chrono::milliseconds::rep>(wait.count(), 60'000));
}

void LabService::handleLines(ControlChannel &channel)
{
    for (const std::optional<std::string> &line : channel.readLines()) {
        if (!line) {
            channel.answer("error line too long");
            continue;
        }
        if (line->find_first_not_of(" \t\r") == std::string::npos)
            continue; // an empty line is no command: pressing Enter in a terminal is harmless
        const ParsedCommand parsed = parseControlCommand(*line);
        if (const auto *error = std::get_if<std::string>(&parsed))
            channel.answer("error " + *error);
        else
            channel.answer(execute(std::get<ControlCommand>(parsed)));
        if (m_quit)
            break;
    }
}

std::string LabService::execute(const ControlCommand &command)
{
    using Kind = ControlCommand::Kind;
    switch (command.kind) {
    case Kind::PauseAccept:
        m_paused = true;
        return "ok paused";
    case Kind::ResumeAccept:
        m_paused = false;
        return "ok resumed";
    case Kind::PauseRead:
        m_readPaused = true;
        return "ok reading paused";
    case Kind::ResumeRead:
        m_readPaused = false;
        return "ok reading resumed";
    case Kind::CloseListener:
        if (!m_listener.valid())
            return "ok listener already closed";
        // Connections still in the accept queue are reset by the kernel; accepted ones stay.
        m_listener.reset();
        return "ok closed " + m_endpoint.toString();
    case Kind::ReopenListener:
        if (m_listener.valid())
            return "ok already listening " + m_endpoint.toString();
        try {
            m_listener = openTcpListener(m_endpoint, m_options.backlog);
        } catch (const std::exception &error) {
            return std::string("error reopen-listener: ") + error.what();
        }
        return "ok listening " + m_endpoint.toString();
    case Kind::Delay:
        m_delay = std::chrono::milliseconds(command.value);
        return "ok delay=" + std::to_string(command.value);
    case Kind::Status:
        m_status = command.value;
        return "ok status=" + std::to_string(m_status);
    case Kind::Stats:
        return "ok accepted=" + std::to_string(m_accepted) +
               " active=" + std::to_string(activeConnections()) +
               " paused=" + (m_paused ? "1" : "0") +
               " listening=" + (m_listener.valid() ? "1" : "0") +
               " delay=" + std::to_string(m_delay.count()) + " status=" + std::to_string(m_status) +
               " reading=" + (m_readPaused ? "0" : "1");
    case Kind::Help:
        return "ok " + std::string(controlCommandSummary());
    case Kind::Quit:
        m_quit = true;
        return "ok bye";
    }
    return "error unhandled command";
}

void LabService::acceptConnections(Clock::time_point now)
{
    for (int i = 0; i < kAcceptBatch; ++i) {
        FileDescriptor fd(
            accept4(m_listener.get(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC));
        if (fd.valid()) {
            ++m_accepted;
            m_connections.push_back(std::make_unique<HttpConnection>(std::move(fd)));
            continue;
        }
        switch (errno) {
        case EAGAIN:
#if EWOULDBLOCK != EAGAIN
        case EWOULDBLOCK:
#endif
            return;
        case EINTR:
        case ECONNABORTED:
            continue; // that client gave up already; the next may not have
        default:
            // EMFILE, ENFILE, ENOBUFS, ENOMEM: the connection waits in the queue for later.
            logLine(std::string("accept: ") + std::strerror(errno));
            m_acceptRetryAt = now + kAcceptRetryDelay;
            return;
        }
    }
}

void LabService::acceptControlClients()
{
    FileDescriptor fd(accept4(m_control.get(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC));
    if (!fd.valid() || m_controlClients.size() >= kMaxControlClients)
        return;
    m_controlClients.push_back(std::make_unique<ControlChannel>(std::move(fd)));
}

std::size_t LabService::activeConnections() const
{
    return std::size_t(
        std::count_if(m_connections.begin(), m_connections.end(), [](const auto &connection) {
            return connection->phase() != HttpConnection::Phase::Done;
        }));
}

} // namespace anycast::lab
