#include "ConnectionTally.h"

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

} // namespace

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
        tally.waitingNow.clear();
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
        tally.waitingNow.push_back(fields.cookie);
        return;
    }
    // The client's FIN takes one sequence number, which counts as unread until the process
    // sees the end of the stream: in CLOSE_WAIT only what lies beyond it is unread data. (A
    // client that gave up while the service works on its request is no hang.)
    const std::uint32_t unreadData = fields.state == TcpState::CloseWait && fields.unreadBytes > 0
                                         ? fields.unreadBytes - 1
                                         : fields.unreadBytes;
    if (open && unreadData > 0) {
        ++tally.unread;
        // The bytes have waited at least since the last ones arrived.
        if (fields.timesKnown)
            tally.unreadAges.push_back(fields.sinceDataReceivedMs);
    }
    if ((open || closedByItsProcess(fields.state)) && !tally.waitingBefore.empty() &&
        std::binary_search(tally.waitingBefore.begin(), tally.waitingBefore.end(), fields.cookie))
        ++tally.acceptedFromWaiting;
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
        auto &ages = tally.unreadAges;
        const auto kept = std::min<std::size_t>(ages.size(), ConnectionActivity::kMaxUnreadAges);
        std::partial_sort(ages.begin(), ages.begin() + static_cast<std::ptrdiff_t>(kept),
                          ages.end(), std::greater<>());
        for (std::size_t a = 0; a < kept; ++a)
            activity.unreadAgesMs.append(ages[a]);
        result.append(std::move(activity));
        std::swap(tally.waitingBefore, tally.waitingNow);
        std::sort(tally.waitingBefore.begin(), tally.waitingBefore.end());
        tally.waitingNow.clear();
    }
    return result;
}

} // namespace anycast
