#include "agent/health/AcceptStallTracker.h"

#include <algorithm>

namespace anycast {

void AcceptStallTracker::onListeners(const QList<ListenerStats> &listeners, SteadyTime now)
{
    std::vector<Queue> next;
    next.reserve(static_cast<std::size_t>(listeners.size()));
    for (const ListenerStats &listener : listeners) {
        Queue queue{listener.address, listener.port, listener.acceptQueue, std::nullopt};
        const auto before = std::find_if(m_queues.begin(), m_queues.end(), [&](const Queue &q) {
            return q.port == listener.port && q.address == listener.address;
        });
        if (listener.acceptQueue > 0) {
            // Shorter than at the last reading: something was accepted, the clock restarts.
            const bool drained =
                before == m_queues.end() || !before->since || listener.acceptQueue < before->depth;
            queue.since = drained ? now : *before->since;
        }
        next.push_back(std::move(queue));
    }
    m_queues = std::move(next);
}

void AcceptStallTracker::onAccepted(quint64 accepted, SteadyTime now)
{
    if (accepted == 0)
        return;
    for (Queue &queue : m_queues) {
        if (queue.since)
            queue.since = now;
    }
}

std::optional<AcceptStall> AcceptStallTracker::longest(SteadyTime now) const
{
    std::optional<AcceptStall> result;
    for (const Queue &queue : m_queues) {
        if (!queue.since)
            continue;
        const auto duration = std::chrono::duration_cast<Milliseconds>(now - *queue.since);
        if (!result || duration > result->duration)
            result = AcceptStall{queue.address, queue.port, duration, queue.depth};
    }
    return result;
}

} // namespace anycast
