#pragma once

#include <chrono>
#include <functional>

namespace anycast {

// How long to wait before the next connection attempt: 1 s doubling to 60 s, each delay
// shortened by up to 20% at random so that a fleet that lost its network together does not
// come back in lockstep. A connection that stayed up for `stableAfter` starts over at 1 s;
// one that drops at once keeps backing off. Pure: the time and the randomness are given.
class ReconnectBackoff
{
public:
    using Clock = std::chrono::steady_clock;
    // A number in [0, 1).
    using Random = std::function<double()>;

    struct Settings
    {
        std::chrono::milliseconds initial{1000};
        std::chrono::milliseconds maximum{60000};
        double jitter = 0.2;
        std::chrono::milliseconds stableAfter{30000};
    };

    explicit ReconnectBackoff(Random random);
    ReconnectBackoff(Random random, Settings settings);

    // An attempt failed or a connection ended: the wait before the next attempt.
    std::chrono::milliseconds nextDelay();
    void connected(Clock::time_point now);
    void disconnected(Clock::time_point now);
    // Forget the failures (an operator asked to connect now, or the target changed).
    void reset();
    int failures() const { return m_failures; }

private:
    Random m_random;
    Settings m_settings;
    int m_failures = 0;
    Clock::time_point m_connectedAt{};
    bool m_isConnected = false;
};

} // namespace anycast
