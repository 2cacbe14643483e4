#pragma once

#include "common/protocol/AgentEvent.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <deque>

namespace anycast {

// The last `capacity` events, in order. Memory stays bounded however chatty a flapping
// service gets; `events` and `subscribe` read from here.
class EventLog
{
public:
    explicit EventLog(qsizetype capacity = 1000);

    const AgentEvent &append(QDateTime time, QString kind, QString service, QString message,
                             QJsonObject data = {});
    // Events with seq > afterSeq, oldest first, at most `limit` (the newest ones if more).
    QList<AgentEvent> since(quint64 afterSeq, qsizetype limit) const;
    quint64 lastSeq() const { return m_nextSeq - 1; }
    qsizetype size() const { return static_cast<qsizetype>(m_events.size()); }

private:
    qsizetype m_capacity;
    std::deque<AgentEvent> m_events;
    quint64 m_nextSeq = 1;
};

} // namespace anycast
