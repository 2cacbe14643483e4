#include "BackfillQueue.h"

#include <algorithm>

namespace anycast {

BackfillQueue::BackfillQueue(int limit)
    : m_limit(std::max(1, limit))
{}

BackfillQueue::Ticket BackfillQueue::enqueue(std::function<void()> start)
{
    const Ticket ticket = m_next++;
    m_waiting.push_back({ticket, std::move(start)});
    startNext();
    return ticket;
}

void BackfillQueue::finish(Ticket ticket)
{
    if (m_running.erase(ticket) == 0) {
        const auto it = std::find_if(m_waiting.begin(), m_waiting.end(),
                                     [ticket](const Waiting &w) { return w.ticket == ticket; });
        if (it != m_waiting.end())
            m_waiting.erase(it);
        return;
    }
    startNext();
}

void BackfillQueue::startNext()
{
    while (running() < m_limit && !m_waiting.empty()) {
        Waiting next = std::move(m_waiting.front());
        m_waiting.pop_front();
        m_running.insert(next.ticket);
        // May finish at once and start the next one from inside: the loop condition is
        // read again after it returns.
        next.start();
    }
}

} // namespace anycast
