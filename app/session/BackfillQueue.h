#pragma once

#include <QtGlobal>

#include <deque>
#include <functional>
#include <set>

namespace anycast {

// Lets a few history backfills run at once across the whole fleet. An hour of samples is a
// few MiB of JSON that the UI thread parses in one go: five hundred agents connecting at once
// would otherwise queue minutes of parsing behind each other, and every call and liveness
// ping waiting behind them would time out. Pure; sessions enqueue, the queue starts them.
class BackfillQueue
{
public:
    using Ticket = quint64;

    explicit BackfillQueue(int limit = 2);

    // Calls `start` now if a slot is free, else once one frees. The ticket ends it.
    Ticket enqueue(std::function<void()> start);
    // The backfill is over (done, failed, or its session dropped the link): a waiting one
    // leaves the queue, a running one frees its slot for the next.
    void finish(Ticket ticket);

    int running() const { return static_cast<int>(m_running.size()); }
    int waiting() const { return static_cast<int>(m_waiting.size()); }
    int limit() const { return m_limit; }

private:
    struct Waiting
    {
        Ticket ticket;
        std::function<void()> start;
    };
    void startNext();

    int m_limit;
    Ticket m_next = 1;
    std::set<Ticket> m_running;
    std::deque<Waiting> m_waiting;
};

} // namespace anycast
