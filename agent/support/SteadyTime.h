#pragma once

#include <chrono>

namespace anycast {

// Logic takes the time as an argument (clock injection): tests drive it with a fake clock,
// the agent with std::chrono::steady_clock.
using SteadyTime = std::chrono::steady_clock::time_point;
using Milliseconds = std::chrono::milliseconds;

// The real clock, for the I/O edges only; logic never calls it.
inline SteadyTime steadyNow()
{
    return std::chrono::steady_clock::now();
}

} // namespace anycast
