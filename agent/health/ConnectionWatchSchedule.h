#pragma once

#include "agent/support/SteadyTime.h"

#include <chrono>
#include <optional>

namespace anycast {

// When the connection watch runs. It walks the kernel's whole TCP table like a full sample
// (only what it sends back is filtered), so its cost grows with the host's sockets: it runs
// on the fast path's ticks while that cost stays within a share of one core, and less often
// as the host gets busier; the full sample, which sees the same connections at its own pace,
// covers what the watch then misses. Pure: the caller supplies the time and the cost.
class ConnectionWatchSchedule
{
public:
    // `floor`: never more often than this (the fast path's interval). `budget`: the share of
    // one core the watch may use (0.005 = 0.5%); 0 turns it off.
    ConnectionWatchSchedule(Milliseconds floor, double budget);

    bool due(SteadyTime now) const;
    // A look took `cost`; the next waits long enough to keep the budget.
    void ran(SteadyTime now, std::chrono::microseconds cost);
    // The sampler cannot watch connections (the /proc fallback).
    void disable() { m_disabled = true; }
    bool disabled() const { return m_disabled || m_budget <= 0; }
    // The interval the measured cost allows (the floor before the first look).
    Milliseconds interval() const { return m_interval; }

private:
    Milliseconds m_floor;
    double m_budget;
    Milliseconds m_interval;
    std::optional<double> m_costUs; // smoothed, so one preempted look does not stall it
    SteadyTime m_next{};
    bool m_disabled = false;
};

} // namespace anycast
