#pragma once

#include "tests/bench/console/LoopProbe.h"

#include <chrono>
#include <functional>
#include <utility>

namespace anycast {
class ConsoleFleet;
}

namespace anycast::bench {

// Runs the event loop as the console does (blocking in poll between events) until `done`
// holds, checked every 50 ms, or `limit` passes; true if done.
bool runUntil(const std::function<bool()> &done, std::chrono::milliseconds limit);
void runFor(std::chrono::milliseconds duration);
// VmRSS and VmHWM in MB (10^6 bytes).
std::pair<double, double> memoryMb();
// Every node of the fleet has its series back to the charts' longest window.
bool historyComplete(ConsoleFleet &fleet);
// One line per measured phase.
void print(const char *phase, const LoopProbe::Result &result);

} // namespace anycast::bench
