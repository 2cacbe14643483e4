#pragma once

#include "agent/support/SteadyTime.h"

#include <QHash>
#include <QHostAddress>

#include <optional>
#include <vector>

namespace anycast {

// Who may hold one of the status server's connection slots, and for how long. Pure and
// clock-injected; StatusHttpServer does the I/O. A connection first waits for its request
// head (a short deadline: a client that means to ask sends its head at once), then for the
// client to take the response. The rules keep /status answering while slow clients pile up:
// - one source address holds at most `perAddress` slots, so a single host cannot take them
//   all, however many connections it opens;
// - when every slot is taken, the connection that has waited longest for its head makes
//   room for the newcomer, so many hosts together can only delay one another, never lock
//   out a client that sends its request promptly.
class ConnectionAdmission
{
public:
    using Id = quint64;

    struct Limits
    {
        int connections = 64;
        int perAddress = 8;
        Milliseconds headTimeout{2000};
        Milliseconds responseTimeout{5000};
    };

    enum class Verdict
    {
        Admitted,
        AddressFull, // the source already holds perAddress connections
        ServerFull,  // every slot is answering a request: nothing may be evicted
    };

    struct Decision
    {
        Verdict verdict = Verdict::Admitted;
        std::optional<Id> evicted; // closed to make room for this one
    };

    explicit ConnectionAdmission(Limits limits);

    const Limits &limits() const { return m_limits; }
    // Deadlines of connections admitted later; earlier ones keep theirs.
    void setHeadTimeout(Milliseconds timeout) { m_limits.headTimeout = timeout; }
    void setResponseTimeout(Milliseconds timeout) { m_limits.responseTimeout = timeout; }

    // A new connection `id` from `source`. On Admitted it holds a slot until remove().
    Decision admit(Id id, const QHostAddress &source, SteadyTime now);
    // Its head is complete and the response is on its way: a new deadline for the client to
    // take it, and the connection is no longer evictable.
    void answered(Id id, SteadyTime now);
    void remove(Id id);
    // Connections past their deadline, oldest deadline first; they no longer hold a slot.
    std::vector<Id> takeExpired(SteadyTime now);
    // When takeExpired() next has something to return.
    std::optional<SteadyTime> nextDeadline() const;

    int open() const { return static_cast<int>(m_connections.size()); }
    int openFrom(const QHostAddress &source) const;

private:
    struct Slot
    {
        QHostAddress source;
        SteadyTime admitted;
        SteadyTime deadline;
        bool answered = false;
    };

    std::optional<Id> oldestWaitingForHead() const;

    Limits m_limits;
    QHash<Id, Slot> m_connections;
    QHash<QHostAddress, int> m_perAddress;
};

// One key per host: an IPv4 client seen through an IPv6 socket (::ffff:a.b.c.d) is the same
// host as when seen through an IPv4 socket.
QHostAddress admissionKey(const QHostAddress &address);

} // namespace anycast
