#include "agent/sampler/ConnectionTally.h"

#include <algorithm>
#include <functional>

namespace anycast {
namespace {

// States a connection reaches only after its process closed it: it must have accepted it.
bool closedByItsProcess(TcpState state)
{
    switch (state) {
    case TcpState::FinWait1:
    case TcpState::FinWait2:
    case TcpState::Closing:
    case TcpState::LastAck:
    case TcpState::TimeWait:
        return true;
    default:
        return false;
    }
}

// A request came, was read, and not a byte was ever sent back. Only a connection's first
// answer is judged: later on, the last data received can be a protocol's own bookkeeping that
// needs no answer (an HTTP/2 WINDOW_UPDATE or SETTINGS ack, a TLS alert), which would make
// every idle kept-alive connection look unanswered. The segment counts say it where the times
// cannot (the handshake, the request and an immediate answer often fall in one millisecond).
bool waitsForItsFirstAnswer(const ConnectionFields &fields)
{
    return fields.timesKnown && fields.segmentCountsKnown && fields.dataSegmentsIn > 0 &&
           fields.dataSegmentsOut == 0;
}

// The longest `kMaxAgesKept` ages, longest first.
QList<quint32> longestFirst(std::vector<quint32> &ages)
{
    const auto kept = std::min<std::size_t>(ages.size(), ConnectionActivity::kMaxAgesKept);
    std::partial_sort(ages.begin(), ages.begin() + static_cast<std::ptrdiff_t>(kept), ages.end(),
                      std::greater<>());
    return QList<quint32>(ages.begin(), ages.begin() + static_cast<std::ptrdiff_t>(kept));
}

} // namespace

std::optional<quint32> ConnectionTally::LookToLook::waitedBefore(std::uint64_t cookie) const
{
    const auto found = std::lower_bound(before.begin(), before.end(), Seen{cookie, 0});
    if (found == before.end() || found->cookie != cookie)
        return std::nullopt;
    return found->waitedMs;
}

void ConnectionTally::LookToLook::turn()
{
    std::swap(before, now);
    std::sort(before.begin(), before.end());
    now.clear();
}

ConnectionTally::ConnectionTally(const QList<ServicePorts> &services)
    : m_tallies(services.size())
{
    for (const ServicePorts &service : services)
        m_names.append(service.name);
}

void ConnectionTally::reset()
{
    for (Tally &tally : m_tallies) {
        tally.waiting = 0;
        tally.oldestWaitingMs = 0;
        tally.acceptedFromWaiting = 0;
        tally.unread = 0;
        tally.unreadAges.clear();
        tally.unanswered = 0;
        tally.unansweredAges.clear();
        tally.answeredFromUnanswered = 0;
        tally.longestAnsweredWaitMs = 0;
        tally.unansweredCookies.now.clear();
        tally.waitingCookies.now.clear();
    }
}

void ConnectionTally::add(int service, const ConnectionFields &fields)
{
    Tally &tally = m_tallies[service];
    const bool open = fields.state == TcpState::Established || fields.state == TcpState::CloseWait;
    if (open && !fields.accepted) {
        // Still in the accept queue. Nothing can have sent data on it yet, so the time since
        // data was last sent is the time since the handshake completed.
        ++tally.waiting;
        if (fields.timesKnown)
            tally.oldestWaitingMs = std::max(tally.oldestWaitingMs, fields.sinceDataSentMs);
        tally.waitingCookies.now.push_back({fields.cookie, 0});
        return;
    }
    // The client's FIN takes one sequence number, which counts as unread until the process
    // sees the end of the stream: in CLOSE_WAIT only what lies beyond it is unread data. (A
    // client that gave up while the service works on its request is no hang.)
    const std::uint32_t unreadData = fields.state == TcpState::CloseWait && fields.unreadBytes > 0
                                         ? fields.unreadBytes - 1
                                         : fields.unreadBytes;
    const bool unanswered = open && unreadData == 0 && waitsForItsFirstAnswer(fields);
    if (open && unreadData > 0) {
        ++tally.unread;
        // The bytes have waited at least since the last ones arrived.
        if (fields.timesKnown)
            tally.unreadAges.push_back(fields.sinceDataReceivedMs);
    } else if (unanswered) {
        ++tally.unanswered;
        tally.unansweredAges.push_back(fields.sinceDataReceivedMs);
        tally.unansweredCookies.now.push_back({fields.cookie, fields.sinceDataReceivedMs});
    }
    if (!open && !closedByItsProcess(fields.state))
        return;
    if (tally.waitingCookies.waitedBefore(fields.cookie))
        ++tally.acceptedFromWaiting;
    // Unanswered at the previous look; answered since, or closed by its process. Only an
    // answer tells how long answers take: a close may be a worker giving up.
    const bool answeredNow = fields.dataSegmentsOut > 0;
    if (!answeredNow && !closedByItsProcess(fields.state))
        return;
    const std::optional<quint32> waited = tally.unansweredCookies.waitedBefore(fields.cookie);
    if (!waited)
        return;
    ++tally.answeredFromUnanswered;
    if (answeredNow)
        tally.longestAnsweredWaitMs = std::max(tally.longestAnsweredWaitMs, *waited);
}

QList<ConnectionActivity> ConnectionTally::finish()
{
    QList<ConnectionActivity> result;
    result.reserve(static_cast<qsizetype>(m_tallies.size()));
    for (std::size_t i = 0; i < m_tallies.size(); ++i) {
        Tally &tally = m_tallies[i];
        ConnectionActivity activity;
        activity.service = m_names[static_cast<qsizetype>(i)];
        activity.available = true;
        activity.waiting = tally.waiting;
        activity.oldestWaitingMs = tally.oldestWaitingMs;
        activity.acceptedFromWaiting = tally.acceptedFromWaiting;
        activity.unread = tally.unread;
        activity.unreadAgesMs = longestFirst(tally.unreadAges);
        activity.unanswered = tally.unanswered;
        activity.unansweredAgesMs = longestFirst(tally.unansweredAges);
        activity.answeredFromUnanswered = tally.answeredFromUnanswered;
        activity.longestAnsweredWaitMs = tally.longestAnsweredWaitMs;
        result.append(std::move(activity));
        tally.waitingCookies.turn();
        tally.unansweredCookies.turn();
    }
    return result;
}

} // namespace anycast
