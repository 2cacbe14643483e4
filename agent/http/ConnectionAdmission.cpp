#include "agent/http/ConnectionAdmission.h"

#include <algorithm>

namespace anycast {

QHostAddress admissionKey(const QHostAddress &address)
{
    bool isIpv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIpv4);
    return isIpv4 ? QHostAddress(ipv4) : QHostAddress(address.toIPv6Address());
}

ConnectionAdmission::ConnectionAdmission(Limits limits)
    : m_limits(limits)
{}

ConnectionAdmission::Decision ConnectionAdmission::admit(Id id, const QHostAddress &source,
                                                         SteadyTime now)
{
    const QHostAddress key = admissionKey(source);
    if (m_perAddress.value(key) >= m_limits.perAddress)
        return {Verdict::AddressFull, std::nullopt};
    Decision decision;
    if (open() >= m_limits.connections) {
        decision.evicted = oldestWaitingForHead();
        if (!decision.evicted)
            return {Verdict::ServerFull, std::nullopt};
        remove(*decision.evicted);
    }
    m_connections.insert(id, Slot{key, now, now + m_limits.headTimeout, false});
    ++m_perAddress[key];
    return decision;
}

void ConnectionAdmission::answered(Id id, SteadyTime now)
{
    const auto found = m_connections.find(id);
    if (found == m_connections.end())
        return;
    found->answered = true;
    found->deadline = now + m_limits.responseTimeout;
}

void ConnectionAdmission::remove(Id id)
{
    const auto found = m_connections.find(id);
    if (found == m_connections.end())
        return;
    const auto count = m_perAddress.find(found->source);
    if (count != m_perAddress.end() && --count.value() <= 0)
        m_perAddress.erase(count);
    m_connections.erase(found);
}

std::vector<ConnectionAdmission::Id> ConnectionAdmission::takeExpired(SteadyTime now)
{
    std::vector<std::pair<SteadyTime, Id>> due;
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        if (it->deadline <= now)
            due.emplace_back(it->deadline, it.key());
    }
    std::sort(due.begin(), due.end());
    std::vector<Id> expired;
    expired.reserve(due.size());
    for (const auto &[deadline, id] : due) {
        remove(id);
        expired.push_back(id);
    }
    return expired;
}

std::optional<SteadyTime> ConnectionAdmission::nextDeadline() const
{
    std::optional<SteadyTime> next;
    for (const Slot &slot : m_connections) {
        if (!next || slot.deadline < *next)
            next = slot.deadline;
    }
    return next;
}

int ConnectionAdmission::openFrom(const QHostAddress &source) const
{
    return m_perAddress.value(admissionKey(source));
}

std::optional<ConnectionAdmission::Id> ConnectionAdmission::oldestWaitingForHead() const
{
    std::optional<Id> oldest;
    SteadyTime since{};
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        if (it->answered)
            continue;
        // Ties (one clock reading for a burst) go to the lower id, the earlier accept.
        if (!oldest || it->admitted < since || (it->admitted == since && it.key() < *oldest)) {
            oldest = it.key();
            since = it->admitted;
        }
    }
    return oldest;
}

} // namespace anycast
