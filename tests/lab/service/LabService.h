#pragma once

#include "agent/support/FileDescriptor.h"
#include "tests/lab/service/ControlChannel.h"
#include "tests/lab/service/ControlCommand.h"
#include "tests/lab/service/Endpoint.h"
#include "tests/lab/service/HttpConnection.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <poll.h>
#include <string>
#include <sys/types.h>
#include <vector>

namespace anycast::lab {

struct LabOptions
{
    Endpoint listen;
    int backlog = 128;
    std::string controlPath; // empty: no control socket, and stdin's end ends the service
};

// The lab service: an HTTP listener whose failures are switched on and off by control
// commands. Single-threaded, one poll() loop over every descriptor, so nothing a client or a
// command does can block anything else, and the timing of `delay` comes from poll timeouts.
class LabService
{
public:
    // Opens the listener and the control socket; throws std::exception with the reason.
    explicit LabService(LabOptions options);
    ~LabService();
    LabService(const LabService &) = delete;
    LabService &operator=(const LabService &) = delete;

    // The address actually listened on (with the real port when port 0 was asked for).
    const Endpoint &endpoint() const { return m_endpoint; }

    // Prints the `listening` line, then serves until `quit`, stdin's end (without a control
    // socket) or a signal on `signalFd` (a signalfd). Returns the exit code.
    int run(int signalFd);

private:
    struct PollTarget;

    void openControlSocket();
    void closeControlSocket();
    std::vector<PollTarget> buildPollSet(std::vector<pollfd> &fds, int signalFd,
                                         Clock::time_point now);
    int pollTimeoutMs(Clock::time_point now) const;
    void handleLines(ControlChannel &channel);
    std::string execute(const ControlCommand &command);
    void acceptConnections(Clock::time_point now);
    void acceptControlClients();
    std::size_t activeConnections() const;

    LabOptions m_options;
    Endpoint m_endpoint;
    FileDescriptor m_listener;
    FileDescriptor m_control;
    // The control socket file we created: only that one is removed at exit, never a file
    // some other process put at the same path since.
    std::optional<std::pair<dev_t, ino_t>> m_controlFileId;

    bool m_paused = false;
    // Accepting but never reading: requests stay in the kernel's receive queues, the state of
    // a worker pool that hangs after accept().
    bool m_readPaused = false;
    int m_status = 200;
    std::chrono::milliseconds m_delay{0};
    std::uint64_t m_accepted = 0;
    // After EMFILE and friends the listener stays readable; polling it again at once would
    // spin, so accepting resumes after a short pause instead.
    Clock::time_point m_acceptRetryAt{};

    std::unique_ptr<ControlChannel> m_console; // stdin and stdout
    std::vector<std::unique_ptr<ControlChannel>> m_controlClients;
    std::vector<std::unique_ptr<HttpConnection>> m_connections;
    bool m_quit = false;
};

} // namespace anycast::lab
