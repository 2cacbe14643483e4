#pragma once

#include <cstdint>
#include <string>
#include <sys/types.h>

namespace anycast::test {

// CPU time and memory of one process, read from /proc/PID/{stat,status}.
struct ProcessUsage
{
    std::uint64_t userTicks = 0;   // utime, in clock ticks (sysconf(_SC_CLK_TCK))
    std::uint64_t systemTicks = 0; // stime: for the agent, mostly the kernel's socket dump
    std::uint64_t rssKb = 0;       // VmRSS
    std::uint64_t hwmKb = 0;       // VmHWM: the peak RSS since the process started
};

bool readUsage(pid_t pid, ProcessUsage *usage, std::string *error);

} // namespace anycast::test
