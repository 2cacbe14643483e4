#pragma once

#include "tests/lab/LabClient.h"

#include <QString>

#include <chrono>
#include <string>
#include <sys/types.h>

namespace anycast::bench {

// One way of configuring the agent's service: no probe (empty url), or a probe at an interval.
struct ProbeSetup
{
    std::string label; // "(c) http 200ms"
    QString url;       // "http://127.0.0.1:PORT/", "tcp://127.0.0.1:PORT", empty: no probe
    std::chrono::milliseconds interval{0};
};

// CPU a process has used so far, read two ways: the kernel's per-process CPU clock
// (clock_getcpuclockid: every thread, nanoseconds, exact) and utime + stime from
// /proc/PID/stat (clock ticks, 10 ms each here: the benchmarks' usual reading, kept as a
// cross-check). Both exclude children: neither an http:// nor a tcp:// probe forks.
struct CpuReading
{
    double clockSeconds = -1; // -1: unreadable (the process is gone)
    double tickSeconds = -1;
};
CpuReading readCpu(pid_t pid);

// What one measured window gave.
struct RunResult
{
    double wallSeconds = 0;
    double agentSeconds = 0; // agent CPU, per-process clock
    double agentTickSeconds = 0;
    double labSeconds = 0; // the lab service's CPU, per-process clock
    double labTickSeconds = 0;
    long probeRuns = 0;    // connections the lab service accepted in the window
    int healthChanges = 0; // "health web: ..." lines after the agent became healthy
    std::string healthLines;

    double agentPercent() const { return 100 * agentSeconds / wallSeconds; }
    double labPercent() const { return 100 * labSeconds / wallSeconds; }
    double runsPerSecond() const { return double(probeRuns) / wallSeconds; }
};

struct RunTiming
{
    std::chrono::seconds warmup{5};
    std::chrono::seconds measured{30};
    std::chrono::seconds healthyPatience{30};
};

// Starts anycast-agent (`agentBinary`) on a fresh config in a temporary folder (one service,
// "web", on the lab service's port, `setup`'s probe, no prefixes so no BGP, http_listen off),
// waits for "health web: starting -> healthy", lets it run `warmup`, measures `measured`,
// and stops it with SIGTERM, which must be clean. Throws std::runtime_error with the reason
// (and the agent's log) when any of that fails.
RunResult measureRun(const std::string &agentBinary, labtest::LabServiceProcess &lab,
                     const ProbeSetup &setup, const RunTiming &timing);

} // namespace anycast::bench
