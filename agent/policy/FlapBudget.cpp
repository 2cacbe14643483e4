#include "agent/policy/FlapBudget.h"

namespace anycast {

FlapBudget::FlapBudget(int budget, std::chrono::seconds window)
    : m_budget(budget)
    , m_window(window)
{}

int FlapBudget::changesInWindow(SteadyTime now)
{
    while (!m_changes.empty() && m_changes.front() + m_window <= now)
        m_changes.pop_front();
    return static_cast<int>(m_changes.size());
}

SteadyTime FlapBudget::nextFree(SteadyTime now)
{
    changesInWindow(now);
    return m_changes.empty() ? now : m_changes.front() + m_window;
}

} // namespace anycast
