#pragma once

#include "tests/bench/common/TimedChild.h"

#include <sys/types.h>

namespace anycast::bench {

// CPU a process used from construction on: utime + stime, plus the CPU of the children it
// waited for (cutime + cstime: a healthcheck's curl runs), from /proc/PID/stat.
class ProcessCpu
{
public:
    explicit ProcessCpu(pid_t pid);

    // Clock ticks so far, or -1 when the process is gone.
    static long long ticksOf(pid_t pid);
    // Since construction, in % of one core (wall clock).
    double percentOfOneCore() const;
    double secondsUsed() const;

private:
    pid_t m_pid;
    long long m_startTicks;
    Clock::time_point m_start;
};

} // namespace anycast::bench
