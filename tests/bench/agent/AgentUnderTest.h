#pragma once

#include "tests/support/ProcessUsage.h"

#include <cstdint>
#include <string>
#include <sys/types.h>
#include <vector>

namespace anycast::bench {

using test::ProcessUsage;
using test::readUsage;

// anycast-agent run as a child with a generated config in a temporary directory, stdout and
// stderr to a log file there. The agent is killed on every path: stop(), the destructor, a
// SIGINT/SIGTERM/SIGHUP to the benchmark (a handler), and the benchmark's own death
// (PR_SET_PDEATHSIG in the child).
class AgentUnderTest
{
public:
    struct Options
    {
        std::string binary;             // path of anycast-agent
        std::uint16_t servicePort = 0;  // the farm's listener
        std::string fastPath = "100ms"; // the agent's defaults, written out so the
        std::string fullSample = "1s";  // benchmark does not drift if they change
    };

    AgentUnderTest() = default;
    ~AgentUnderTest();
    AgentUnderTest(const AgentUnderTest &) = delete;
    AgentUnderTest &operator=(const AgentUnderTest &) = delete;

    // Writes the config, starts the agent and waits (up to timeoutMs) for its start line.
    bool start(const Options &options, int timeoutMs, std::string *error);
    // SIGTERM, then SIGKILL after a grace period; reaps it. What went wrong with the stop
    // (AgentStopCheck: exit 0, no Qt warning in the log); empty when clean or not running.
    std::vector<std::string> stop();
    // False with `error` set when the agent has exited on its own.
    bool alive(std::string *error);

    pid_t pid() const { return m_pid; }
    const std::string &logPath() const { return m_log; }
    std::uint16_t httpPort() const { return m_httpPort; } // of http_listen, on 127.0.0.1
    std::string readLog() const;
    // Removes the temporary directory (config, log, the agent's sockets and state).
    void removeFiles();

private:
    bool writeConfig(const Options &options, std::string *error);

    pid_t m_pid = -1;
    std::string m_dir;
    std::string m_config;
    std::string m_log;
    std::uint16_t m_httpPort = 0;
};

} // namespace anycast::bench
