#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <deque>

namespace anycast {

// Something an operator wants to see in a timeline: a health or route change, a drain, a
// reload, a peer lost. Numbered so a client can ask for what it missed.
struct AgentEvent
{
    quint64 seq = 0;
    QDateTime time;  // UTC
    QString kind;    // health | route | probe | drain | undrain | bgp | fleet | config
    QString service; // empty for node-wide events
    QString message;
    QJsonObject data;

    QJsonObject toJson() const;
};

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
