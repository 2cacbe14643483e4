#include "agent/runtime/EventLog.h"

namespace anycast {

EventLog::EventLog(qsizetype capacity)
    : m_capacity(capacity)
{}

const AgentEvent &EventLog::append(QDateTime time, QString kind, QString service, QString message,
                                   QJsonObject data)
{
    if (static_cast<qsizetype>(m_events.size()) >= m_capacity)
        m_events.pop_front();
    m_events.push_back({m_nextSeq++, std::move(time), std::move(kind), std::move(service),
                        std::move(message), std::move(data)});
    return m_events.back();
}

QList<AgentEvent> EventLog::since(quint64 afterSeq, qsizetype limit) const
{
    QList<AgentEvent> result;
    for (auto it = m_events.rbegin(); it != m_events.rend() && result.size() < limit; ++it) {
        if (it->seq <= afterSeq)
            break;
        result.prepend(*it);
    }
    return result;
}

} // namespace anycast
