#include "tests/bench/sampler/Measure.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

namespace anycast::bench {

Summary summarize(std::vector<double> milliseconds)
{
    Summary summary;
    summary.runs = milliseconds.size();
    if (milliseconds.empty())
        return summary;
    std::sort(milliseconds.begin(), milliseconds.end());
    const std::size_t n = milliseconds.size();
    summary.medianMs =
        n % 2 ? milliseconds[n / 2] : (milliseconds[n / 2 - 1] + milliseconds[n / 2]) / 2;
    // Nearest rank: the smallest value with at least 90% of the runs at or below it.
    const auto rank = static_cast<std::size_t>(std::ceil(0.9 * static_cast<double>(n)));
    summary.p90Ms = milliseconds[std::max<std::size_t>(rank, 1) - 1];
    summary.minMs = milliseconds.front();
    return summary;
}

std::optional<double> timeCommand(const std::vector<std::string> &argv, std::string *error)
{
    std::vector<char *> args;
    args.reserve(argv.size() + 1);
    for (const std::string &arg : argv)
        args.push_back(const_cast<char *>(arg.c_str()));
    args.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);

    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        *error = argv[0] + ": cannot run: " + std::strerror(spawned);
        return std::nullopt;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            *error = argv[0] + ": waitpid failed: " + std::strerror(errno);
            return std::nullopt;
        }
    }
    const double elapsed = millisecondsSince(start);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        *error = argv[0] + ": did not exit 0 (status " + std::to_string(status) + ")";
        return std::nullopt;
    }
    return elapsed;
}

} // namespace anycast::bench
