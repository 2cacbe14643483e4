#pragma once

#include "tests/bench/common/TimedChild.h"

#include <QtGlobal>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace anycast::bench {

// How one client fared: an HTTP GET on a new connection, answered 200 within the timeout,
// or not (refused, reset, another status, or no answer in time).
struct ClientOutcome
{
    Clock::time_point started;
    Clock::time_point ended; // when it was answered, or gave up
    bool ok = false;
};

// What the clients do: a steady rate of new connections, or bursts of many at once.
struct LoadPattern
{
    double perSecond = 0;                    // steady: evenly spaced new connections
    int burstSize = 0;                       // bursts: this many at once ...
    std::chrono::milliseconds burstPeriod{}; // ... every period
};

// Clients of the lab service on a thread of their own: one poll() loop, non-blocking
// sockets, each client with its own deadline (like users who give up after 3 s).
class ClientLoad
{
public:
    ClientLoad(quint16 port, std::chrono::milliseconds timeout);
    ~ClientLoad();
    ClientLoad(const ClientLoad &) = delete;
    ClientLoad &operator=(const ClientLoad &) = delete;

    void setPattern(const LoadPattern &pattern);
    // Every client that finished (answered or failed) and started at or after `from`.
    std::vector<ClientOutcome> finishedSince(Clock::time_point from) const;

private:
    struct Client;
    void run();
    void startClient(std::vector<Client> &clients, Clock::time_point now);

    quint16 m_port;
    std::chrono::milliseconds m_timeout;
    std::atomic<bool> m_stop{false};
    mutable std::mutex m_mutex;
    LoadPattern m_pattern;
    std::uint64_t m_patternVersion = 0;
    std::vector<ClientOutcome> m_finished;
    std::thread m_thread;
};

} // namespace anycast::bench
