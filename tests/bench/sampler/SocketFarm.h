#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

namespace anycast::bench {

// N TCP sockets held open on loopback, for the sampler to find. One listener on the service
// port lives in this process; worker processes open connections to it and accept them, so
// each connection is two sockets in a worker: the server side (local port = the service
// port, a service socket) and the client side (an ephemeral local port, an "other" socket).
// Workers exist because the per-process fd limit (RLIMIT_NOFILE) is far below 100,000.
class SocketFarm
{
public:
    struct Options
    {
        std::uint64_t sockets = 100000; // both sides of every connection; the listener is extra
        std::uint16_t port = 0;         // the service port; 0 picks an ephemeral one
    };

    // Builds the farm and prints progress as it goes. On failure returns null with `error`
    // set, and nothing is left running.
    static std::unique_ptr<SocketFarm> build(const Options &options, std::string *error);
    ~SocketFarm(); // tears down: workers exit, their sockets close, all are reaped

    SocketFarm(const SocketFarm &) = delete;
    SocketFarm &operator=(const SocketFarm &) = delete;

    std::uint16_t port() const { return m_port; }
    std::uint64_t connections() const { return m_connections; }
    std::size_t workers() const { return m_workers.size(); }
    std::uint64_t connectionsPerWorker() const { return m_perWorker; }
    double buildSeconds() const { return m_buildSeconds; }

    // Idempotent; returns the seconds it took.
    double tearDown();

private:
    SocketFarm() = default;
    bool openListener(std::uint16_t port, std::string *error);
    bool startWorkers(std::uint64_t connections, std::string *error);
    bool waitUntilReady(std::uint64_t connections, std::string *error);

    int m_listener = -1;
    int m_statusRead = -1;   // workers report progress here
    int m_releaseWrite = -1; // closing it tells every worker to exit
    std::vector<pid_t> m_workers;
    std::uint16_t m_port = 0;
    std::uint64_t m_connections = 0;
    std::uint64_t m_perWorker = 0;
    double m_buildSeconds = 0;
};

} // namespace anycast::bench
