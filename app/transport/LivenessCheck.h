#pragma once

#include <chrono>

namespace anycast {

// When to ping an agent and when to give up on it. TCP keepalives and SSH keepalives do not
// notice a frozen server (the kernel still acks; libssh discards keepalive replies), so the
// layer above sends an application request (hello, status) and reports any answer. Pure:
// the time is given.
class LivenessCheck
{
public:
    using Clock = std::chrono::steady_clock;
    enum class Action
    {
        Wait,
        SendPing,
        Dead
    };

    LivenessCheck(std::chrono::milliseconds interval, std::chrono::milliseconds deadline);

    // The connection is up: the first ping is due one interval from now.
    void start(Clock::time_point now);
    void pingSent(Clock::time_point now);
    // Anything from the agent: it is alive.
    void alive(Clock::time_point now);

    Action due(Clock::time_point now) const;
    // When due() may next answer something other than Wait.
    Clock::time_point nextCheck() const;
    std::chrono::milliseconds deadline() const { return m_deadline; }

private:
    std::chrono::milliseconds m_interval;
    std::chrono::milliseconds m_deadline;
    Clock::time_point m_lastAlive{};
    Clock::time_point m_pingSentAt{};
    bool m_awaiting = false;
};

} // namespace anycast
