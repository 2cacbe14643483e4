#include "app/session/BackfillQueue.h"

#include <algorithm>

namespace anycast {

BackfillQueue::BackfillQueue(int limit)
    : m_limit(std::max(1, limit))
{}

int BackfillQueue::waiting() const
{
    int count = 0;
    for (const auto &queue : m_waiting)
        count += static_cast<int>(queue.size());
    return count;
}

BackfillQueue::Ticket BackfillQueue::enqueue(std::function<void()> start, Priority priority)
{
    const Ticket ticket = m_next++;
    m_waiting[static_cast<std::size_t>(priority)].push_back({ticket, std::move(start)});
    startNext();
    return ticket;
}

std::optional<BackfillQueue::Waiting> BackfillQueue::take(Ticket ticket)
{
    for (auto &queue : m_waiting) {
        const auto it = std::find_if(queue.begin(), queue.end(),
                                     [ticket](const Waiting &w) { return w.ticket == ticket; });
        if (it != queue.end()) {
            Waiting found = std::move(*it);
            queue.erase(it);
            return found;
        }
    }
    return std::nullopt;
}

void BackfillQueue::raise(Ticket ticket, Priority priority)
{
    const auto level = static_cast<std::size_t>(priority);
    for (std::size_t higher = 0; higher <= level; ++higher) {
        const auto &queue = m_waiting[higher];
        if (std::any_of(queue.begin(), queue.end(),
                        [ticket](const Waiting &w) { return w.ticket == ticket; }))
            return; // already there or higher
    }
    if (auto found = take(ticket)) {
        m_waiting[level].push_back(std::move(*found));
        startNext();
    }
}

void BackfillQueue::finish(Ticket ticket)
{
    if (m_running.erase(ticket) == 0) {
        take(ticket);
        return;
    }
    startNext();
}

void BackfillQueue::startNext()
{
    for (;;) {
        auto queue = std::find_if(m_waiting.begin(), m_waiting.end(),
                                  [](const auto &q) { return !q.empty(); });
        if (queue == m_waiting.end())
            return;
        const bool background =
            queue - m_waiting.begin() == static_cast<std::ptrdiff_t>(Priority::Background);
        // A background backfill never takes the last slot (unless the limit is one): a view's
        // request or a new node's first samples start at once.
        const int slots = background && m_limit > 1 ? m_limit - 1 : m_limit;
        if (running() >= slots)
            return;
        Waiting next = std::move(queue->front());
        queue->pop_front();
        m_running.insert(next.ticket);
        // May finish at once and start the next one from inside: the loop looks again after
        // it returns.
        next.start();
    }
}

} // namespace anycast
