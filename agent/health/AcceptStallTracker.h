#pragma once

#include "agent/support/SteadyTime.h"
#include "common/ListenerStats.h"

#include <optional>
#include <vector>

namespace anycast {

// A listener whose accept queue holds connections and does not drain.
struct AcceptStall
{
    QString address;
    quint16 port = 0;
    Milliseconds duration{0}; // since the queue last drained (or first held a connection)
    quint32 waiting = 0;      // connections in the queue now
};

// Watches accept queues on the fast path for a hang: a queue that stays non-empty and never
// gets shorter. The kernel's depth goes down on every accept(), so a depth that never
// decreases between readings means nothing was dequeued, whatever the fill ratio; a busy but
// healthy acceptor's queue empties or shrinks between bursts and starts the clock again.
//
// The depth cannot tell a queue that nobody drains from one refilled exactly as fast as it
// is drained (a saturated acceptor behind a full queue). The connection evidence settles it
// where it is available: a connection seen waiting at one look and accepted by the next
// proves the acceptor alive, and restarts every clock of the service. Without it (no
// evidence since the queue last drained) a queue that never shrinks counts as stalled: its
// clients wait behind each other either way. Pure: every input carries its time.
class AcceptStallTracker
{
public:
    void onListeners(const QList<ListenerStats> &listeners, SteadyTime now);
    // The connection watch or the full sample saw `accepted` connections leave the accept
    // queue through accept() since its previous look.
    void onAccepted(quint64 accepted, SteadyTime now);
    // The listener stalled the longest, if any queue holds connections without draining.
    std::optional<AcceptStall> longest(SteadyTime now) const;

private:
    struct Queue
    {
        QString address;
        quint16 port = 0;
        quint32 depth = 0;
        std::optional<SteadyTime> since; // set while the queue holds connections
    };

    std::vector<Queue> m_queues;
};

} // namespace anycast
