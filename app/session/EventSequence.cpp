#include "app/session/EventSequence.h"

#include <algorithm>

namespace anycast {

std::optional<quint64> EventSequence::lastSeq() const
{
    if (!m_last)
        return std::nullopt;
    return m_last->seq;
}

EventSequence::Live EventSequence::live(const AgentEvent &event)
{
    // While catching up nothing is judged yet: the agent may have restarted, and then a
    // small seq is news, not a repeat.
    if (m_catchingUp) {
        m_held.append(event);
        return Live::Held;
    }
    if (m_last && event.seq <= m_last->seq)
        return Live::Duplicate;
    if (m_last && event.seq != m_last->seq + 1) {
        m_held.append(event);
        return Live::Gap;
    }
    m_last = event;
    return Live::Deliver;
}

EventSequence::Query EventSequence::beginCatchUp()
{
    m_catchingUp = true;
    if (!m_last)
        return Query{std::nullopt, kPageLimit};
    return Query{m_last->seq - 1, kPageLimit};
}

bool EventSequence::isAnchor(const AgentEvent &event) const
{
    return event.seq == m_last->seq && event.time == m_last->time && event.kind == m_last->kind &&
           event.service == m_last->service && event.message == m_last->message;
}

void EventSequence::accept(const AgentEvent &event, QList<AgentEvent> &into)
{
    if (m_last && event.seq <= m_last->seq)
        return;
    m_last = event;
    into.append(event);
}

EventSequence::CatchUp EventSequence::finishCatchUp(const EventsReply &reply)
{
    CatchUp result;
    QList<AgentEvent> events = reply.events;
    std::sort(events.begin(), events.end(),
              [](const AgentEvent &a, const AgentEvent &b) { return a.seq < b.seq; });
    if (m_last) {
        const auto anchor = std::find_if(events.begin(), events.end(), [this](const AgentEvent &e) {
            return e.seq == m_last->seq;
        });
        if (reply.lastSeq < m_last->seq || (anchor != events.end() && !isAnchor(*anchor))) {
            // The reply only reaches back to the old numbers: the new run's first events
            // are not in it. Start over; live events stay held for the reload.
            m_last.reset();
            result.agentRestarted = true;
            return result;
        }
        if (anchor == events.end() && !events.isEmpty()) {
            // The anchor fell out of the agent's memory (or out of the page).
            const quint64 firstMissing = m_last->seq + 1;
            if (events.first().seq > firstMissing)
                result.lost = std::make_pair(firstMissing, events.first().seq - 1);
        }
    }
    for (const AgentEvent &event : std::as_const(events))
        accept(event, result.deliver);
    std::sort(m_held.begin(), m_held.end(),
              [](const AgentEvent &a, const AgentEvent &b) { return a.seq < b.seq; });
    // Held live events came after the reply was written; the repeats among them go.
    for (const AgentEvent &event : std::as_const(m_held))
        accept(event, result.deliver);
    m_held.clear();
    m_catchingUp = false;
    return result;
}

void EventSequence::abortCatchUp()
{
    m_held.clear();
    m_catchingUp = false;
}

void EventSequence::reset()
{
    m_last.reset();
    m_held.clear();
    m_catchingUp = false;
}

} // namespace anycast
