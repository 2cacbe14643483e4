#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <sys/types.h>
#include <thread>
#include <vector>

namespace anycast::bench {

using Clock = std::chrono::steady_clock;

// One line a child printed and when it arrived (read as it came, by a thread of its own).
struct TimedLine
{
    Clock::time_point at;
    std::string text;
};

// A child process whose stdout and stderr lines are read and timestamped the moment they
// arrive, on a thread of their own, so a benchmark blocked elsewhere (sending a command,
// waiting for a peer) does not make them late. SIGTERM, then SIGKILL, in the destructor.
class TimedChild
{
public:
    // Throws std::runtime_error when the program cannot be started.
    explicit TimedChild(const std::vector<std::string> &argv);
    ~TimedChild();
    TimedChild(const TimedChild &) = delete;
    TimedChild &operator=(const TimedChild &) = delete;

    pid_t pid() const { return m_pid; }
    // The first line from index `from` on that satisfies `match`, waiting until `deadline`;
    // with its index (so that the next wait can start after it).
    std::optional<std::pair<std::size_t, TimedLine>>
    waitFor(const std::function<bool(const std::string &)> &match, std::size_t from,
            Clock::time_point deadline);
    std::size_t lineCount() const;
    std::vector<TimedLine> lines() const;
    bool running();
    // SIGTERM, waiting up to `grace` before SIGKILL; returns the wait status.
    int stop(std::chrono::milliseconds grace = std::chrono::seconds(3));
    // Every line the child wrote, to the end: stops it first and waits until its output is
    // closed, so the last lines of a dying process (its shutdown warnings) are there too.
    std::vector<TimedLine> linesToTheEnd();

private:
    void readLoop(int fd);

    pid_t m_pid = -1;
    int m_status = 0;
    bool m_reaped = false;
    std::thread m_reader;
    mutable std::mutex m_mutex;
    std::vector<TimedLine> m_lines;
};

} // namespace anycast::bench
