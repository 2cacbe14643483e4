#pragma once

#include "agent/support/SteadyTime.h"

#include <deque>

namespace anycast {

// At most `budget` route changes per prefix within a sliding `window`. Upstream routers
// damp prefixes that flap (RFC 2439); past the budget the policy holds its safest state
// rather than feed the damping penalty. Pure: the caller supplies the time.
class FlapBudget
{
public:
    FlapBudget(int budget, std::chrono::seconds window);

    int changesInWindow(SteadyTime now);
    int remaining(SteadyTime now) { return m_budget - changesInWindow(now); }
    void record(SteadyTime now) { m_changes.push_back(now); }
    // When the oldest change in the window leaves it (and a change is available again).
    SteadyTime nextFree(SteadyTime now);

    // A config reload: the changes already made still count against the new budget.
    void reconfigure(int budget, std::chrono::seconds window)
    {
        m_budget = budget;
        m_window = window;
    }

    int budget() const { return m_budget; }
    std::chrono::seconds window() const { return m_window; }

private:
    int m_budget;
    std::chrono::seconds m_window;
    std::deque<SteadyTime> m_changes;
};

} // namespace anycast
