#pragma once

#include "agent/runtime/ServiceMonitor.h"
#include "agent/state/DrainState.h"

#include <map>

namespace anycast {

// Hands every service the drain that applies to it now (a node drain wins over a service's
// own), and remembers when this process first saw each drain in force: a graceful drain's
// grace counts from there, and a restart starts it afresh rather than trusting a wall clock
// written in the state file.
class DrainApplier
{
public:
    void apply(const DrainState &state, const QList<ServiceMonitor *> &monitors, SteadyTime now);

private:
    std::map<QString, SteadyTime> m_started; // by drain target
};

} // namespace anycast
