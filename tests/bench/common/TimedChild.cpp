#include "tests/bench/common/TimedChild.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace anycast::bench {

TimedChild::TimedChild(const std::vector<std::string> &argv)
{
    int pipeFds[2];
    if (pipe2(pipeFds, O_CLOEXEC) != 0)
        throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    std::vector<char *> args;
    for (const std::string &arg : argv)
        args.push_back(const_cast<char *>(arg.c_str()));
    args.push_back(nullptr);
    const int spawned = posix_spawnp(&m_pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipeFds[1]);
    if (spawned != 0) {
        close(pipeFds[0]);
        throw std::runtime_error("cannot start " + argv.front() + ": " + std::strerror(spawned));
    }
    m_reader = std::thread([this, fd = pipeFds[0]] { readLoop(fd); });
}

TimedChild::~TimedChild()
{
    stop();
    if (m_reader.joinable())
        m_reader.join();
}

void TimedChild::readLoop(int fd)
{
    std::string partial;
    char buffer[4096];
    for (;;) {
        const ssize_t got = read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        const Clock::time_point now = Clock::now();
        partial.append(buffer, static_cast<std::size_t>(got));
        std::size_t newline;
        std::lock_guard lock(m_mutex);
        while ((newline = partial.find('\n')) != std::string::npos) {
            m_lines.push_back({now, partial.substr(0, newline)});
            partial.erase(0, newline + 1);
        }
    }
    close(fd);
}

std::optional<std::pair<std::size_t, TimedLine>>
TimedChild::waitFor(const std::function<bool(const std::string &)> &match, std::size_t from,
                    Clock::time_point deadline)
{
    for (;;) {
        {
            std::lock_guard lock(m_mutex);
            for (std::size_t i = from; i < m_lines.size(); ++i) {
                if (match(m_lines[i].text))
                    return std::pair(i, m_lines[i]);
            }
            from = std::max(from, m_lines.size());
        }
        if (Clock::now() >= deadline)
            return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

std::size_t TimedChild::lineCount() const
{
    std::lock_guard lock(m_mutex);
    return m_lines.size();
}

std::vector<TimedLine> TimedChild::lines() const
{
    std::lock_guard lock(m_mutex);
    return m_lines;
}

std::vector<TimedLine> TimedChild::linesToTheEnd()
{
    stop();
    if (m_reader.joinable())
        m_reader.join();
    return lines();
}

bool TimedChild::running()
{
    if (m_reaped)
        return false;
    const pid_t done = waitpid(m_pid, &m_status, WNOHANG);
    if (done == m_pid)
        m_reaped = true;
    return !m_reaped;
}

int TimedChild::stop(std::chrono::milliseconds grace)
{
    if (m_pid <= 0 || !running())
        return m_status;
    kill(m_pid, SIGTERM);
    const Clock::time_point deadline = Clock::now() + grace;
    while (running() && Clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (running()) {
        kill(m_pid, SIGKILL);
        waitpid(m_pid, &m_status, 0);
        m_reaped = true;
    }
    return m_status;
}

} // namespace anycast::bench
