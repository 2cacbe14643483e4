#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace anycast::bench {

// Median, 90th percentile and minimum of a set of runs, in milliseconds. Medians are what
// the targets compare: one slow run (a page fault, a scheduler hiccup) does not move them.
struct Summary
{
    std::size_t runs = 0;
    double medianMs = 0;
    double p90Ms = 0;
    double minMs = 0;
};

Summary summarize(std::vector<double> milliseconds);

inline double millisecondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

// Runs `argv` (argv[0] looked up in PATH) with stdout on /dev/null and waits for it. Returns
// the wall time from spawn to exit in milliseconds, or nullopt with `error` set when it could
// not start or did not exit 0. Spawning is part of the cost: that is what running `ss` from
// a script or an agent costs.
std::optional<double> timeCommand(const std::vector<std::string> &argv, std::string *error);

} // namespace anycast::bench
