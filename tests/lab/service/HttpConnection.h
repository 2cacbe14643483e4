#pragma once

#include "agent/support/FileDescriptor.h"

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>

namespace anycast::lab {

using Clock = std::chrono::steady_clock;

// One accepted client, as a small state machine driven by the service's poll loop. It reads
// one request, waits out the configured delay on a deadline (never by sleeping), answers with
// `Connection: close`, then drains until the client closes: closing a socket that still has
// unread input makes the kernel send a reset, which could destroy the answer in flight.
class HttpConnection
{
public:
    // Requests larger than this are answered 431 without waiting for the rest.
    static constexpr std::size_t kMaxRequestBytes = 16 * 1024;
    // How long a client may keep an answered connection open before we close it anyway.
    static constexpr std::chrono::seconds kDrainTimeout{2};

    enum class Phase
    {
        Reading,  // waiting for the blank line that ends the request headers
        Waiting,  // request complete; answer due at deadline()
        Writing,  // answer partly sent
        Draining, // answer sent, our side shut down, reading until the client closes
        Done,     // close the descriptor
    };

    explicit HttpConnection(FileDescriptor fd)
        : m_fd(std::move(fd))
    {}

    int fd() const { return m_fd.get(); }
    Phase phase() const { return m_phase; }
    // poll() events this connection waits for (0 while waiting on its deadline).
    short pollEvents() const;
    std::optional<Clock::time_point> deadline() const;

    // Called with poll()'s revents for this descriptor. `status` and `delay` are the
    // service's settings now: a request takes the ones in force when it arrives.
    void onEvents(short revents, int status, std::chrono::milliseconds delay,
                  Clock::time_point now);
    // Called on every loop turn: starts a due answer, or gives up a stuck drain.
    void onTime(Clock::time_point now);

private:
    void readRequest(int status, std::chrono::milliseconds delay, Clock::time_point now);
    void answer(int status, bool withBody, std::chrono::milliseconds delay, Clock::time_point now);
    void write(Clock::time_point now);
    void drain();

    FileDescriptor m_fd;
    Phase m_phase = Phase::Reading;
    std::string m_buffer; // the request while reading, the answer while writing
    std::size_t m_sent = 0;
    Clock::time_point m_deadline{};
};

// "HTTP/1.1 500 Internal Server Error\r\n...": the whole answer for `status`.
std::string httpResponse(int status, bool withBody);

} // namespace anycast::lab
