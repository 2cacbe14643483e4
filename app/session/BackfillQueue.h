#pragma once

#include <QtGlobal>

#include <array>
#include <deque>
#include <functional>
#include <optional>
#include <set>

namespace anycast {

// Lets a few history backfills run at once across the whole fleet. An hour of samples is a
// few MiB of JSON per agent, parsed on worker threads: five hundred agents connecting at once
// would otherwise hold gigabytes of replies and their parsed documents in memory together,
// and the calls and liveness pings behind them would wait on busy workers. A few in flight
// keep the workers and the agents' side busy while memory stays bounded. Waiting backfills
// start by priority, then in order; background ones leave a slot free for what someone is
// looking at. Pure; sessions enqueue, the queue starts them.
class BackfillQueue
{
public:
    using Ticket = quint64;
    // Two per worker thread of a two-core machine: one parsing while the next is on the wire.
    static constexpr int kDefaultLimit = 4;

    enum class Priority
    {
        Demand,     // a view asked for this node's older samples
        Connect,    // the samples a freshly connected node's charts show first
        Background, // the rest of the hour, while nothing else waits
    };

    explicit BackfillQueue(int limit = kDefaultLimit);

    // Calls `start` now if a slot is free, else once one frees. The ticket ends it.
    Ticket enqueue(std::function<void()> start, Priority priority = Priority::Connect);
    // A waiting backfill moves up to `priority` (never down); it may start at once.
    void raise(Ticket ticket, Priority priority);
    // The backfill is over (done, failed, or its session dropped the link): a waiting one
    // leaves the queue, a running one frees its slot for the next.
    void finish(Ticket ticket);

    int running() const { return static_cast<int>(m_running.size()); }
    int waiting() const;
    int limit() const { return m_limit; }

private:
    struct Waiting
    {
        Ticket ticket;
        std::function<void()> start;
    };
    static constexpr std::size_t kPriorityCount = 3;

    // The waiting backfill with this ticket, taken out of its queue, if there is one.
    std::optional<Waiting> take(Ticket ticket);
    void startNext();

    int m_limit;
    Ticket m_next = 1;
    std::set<Ticket> m_running;
    std::array<std::deque<Waiting>, kPriorityCount> m_waiting;
};

} // namespace anycast
