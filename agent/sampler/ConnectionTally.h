#pragma once

#include "agent/sampler/ServicePorts.h"
#include "common/ConnectionActivity.h"
#include "common/TcpState.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace anycast {

// The facts of one connected socket that ConnectionActivity needs, independent of the
// kernel's structs.
struct ConnectionFields
{
    TcpState state = TcpState::Established;
    bool accepted = false;         // it has an inode: a process accept()ed it
    std::uint32_t unreadBytes = 0; // idiag_rqueue (in CLOSE_WAIT the peer's FIN counts as 1)
    std::uint64_t cookie = 0;      // idiag_cookie: the socket's identity across looks
    bool timesKnown = false;       // tcp_info came with it
    std::uint32_t sinceDataReceivedMs = 0; // tcpi_last_data_recv
    std::uint32_t sinceDataSentMs = 0;     // tcpi_last_data_sent
    // tcpi_data_segs_in / _out (Linux 4.6): whether a request came and whether anything was
    // ever sent back. Older kernels send a tcp_info without them.
    bool segmentCountsKnown = false;
    std::uint32_t dataSegmentsIn = 0;
    std::uint32_t dataSegmentsOut = 0;
};

// Folds connected sockets into one ConnectionActivity per service, look after look (a full
// sample or a connection watch). It remembers which connections were waiting in an accept
// queue at the previous look, so that it can say whether any of them was accepted since:
// the evidence that tells a hung acceptor from one that keeps up with a full queue. In the
// same way it remembers the connections whose request was unanswered, so that it can say
// whether any of them got its answer since: a slow service answers, a hung one does not.
// Buffers are kept between looks.
class ConnectionTally
{
public:
    explicit ConnectionTally(const QList<ServicePorts> &services);

    // Starts a look.
    void reset();
    void add(int service, const ConnectionFields &fields);
    // Ends the look: the activity per service, in the services' order.
    QList<ConnectionActivity> finish();

private:
    // The connections in one condition (waiting in the queue, unanswered) at this look, and
    // at the previous one: their cookies, and how long they had waited.
    struct LookToLook
    {
        struct Seen
        {
            std::uint64_t cookie = 0;
            quint32 waitedMs = 0;
            bool operator<(const Seen &other) const { return cookie < other.cookie; }
        };
        std::vector<Seen> now;
        std::vector<Seen> before; // sorted by cookie

        // How long it had waited at the previous look, if it was in this condition then.
        std::optional<quint32> waitedBefore(std::uint64_t cookie) const;
        // Ends a look: this look's become the previous one's.
        void turn();
    };

    struct Tally
    {
        quint64 waiting = 0;
        quint32 oldestWaitingMs = 0;
        quint64 acceptedFromWaiting = 0;
        quint64 unread = 0;
        std::vector<quint32> unreadAges;
        quint64 unanswered = 0;
        std::vector<quint32> unansweredAges;
        quint64 answeredFromUnanswered = 0;
        quint32 longestAnsweredWaitMs = 0;
        LookToLook waitingCookies;
        LookToLook unansweredCookies;
    };

    QStringList m_names;
    std::vector<Tally> m_tallies;
};

} // namespace anycast
