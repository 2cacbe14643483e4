#pragma once

#include "agent/probe/Probe.h"

#include <chrono>
#include <functional>
#include <vector>

namespace anycast::probetest {

using namespace std::chrono_literals;

struct ProbeRun
{
    bool started = false;
    // Every finished() seen, from start() until the settle time after the first one.
    std::vector<ProbeResult> results;
    // Wall time from start() to the first finished(); the deadline when none came.
    std::chrono::milliseconds waited{0};
};

// Starts `probe` and runs the event loop until finished() or `deadline`, then for `settle`
// more, so that a second finished() would be seen.
ProbeRun runProbe(Probe &probe, std::chrono::milliseconds deadline = 5s,
                  std::chrono::milliseconds settle = 50ms);

// Runs the event loop until `condition` holds (checked every 10 ms) or `deadline` passes;
// returns whether it held.
bool waitUntil(const std::function<bool()> &condition, std::chrono::milliseconds deadline);

ProbeSpec specFor(const QString &text, std::chrono::milliseconds timeout = 2s);

// The contract every probe kind keeps for a run that times out: start() while running is
// refused, and the run ends with exactly one finished(), after which the probe is idle.
void expectStartRefusedWhileRunningAndFinishedOnce(Probe &probe);

} // namespace anycast::probetest
