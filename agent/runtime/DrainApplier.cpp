#include "agent/runtime/DrainApplier.h"

namespace anycast {

void DrainApplier::apply(const DrainState &state, const QList<ServiceMonitor *> &monitors,
                         SteadyTime now)
{
    for (auto it = m_started.begin(); it != m_started.end();)
        it = state.find(it->first) ? std::next(it) : m_started.erase(it);
    for (ServiceMonitor *monitor : monitors) {
        const auto record = state.effectiveFor(monitor->name());
        if (!record) {
            monitor->setDrain(std::nullopt, now);
            continue;
        }
        const SteadyTime started = m_started.try_emplace(record->target, now).first->second;
        monitor->setDrain(
            DrainOrder{record->mode == DrainMode::Immediate, record->forceWithdraw, started}, now);
    }
}

} // namespace anycast
