#pragma once

#include "common/protocol/AgentEvent.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

namespace anycast {

// Which node an event came from, as the fleet knew it when the event arrived.
struct EventOrigin
{
    QString endpoint;
    QString node;   // the agent's name (hello), else how the inventory names the endpoint
    QString region; // empty until hello

    bool operator==(const EventOrigin &) const = default;
};

// One row of the fleet's event log: an agent's event, or a gap where events may be missing.
struct EventEntry
{
    enum class Type
    {
        Event,
        AgentRestarted, // the agent's numbers started over: its last events may be missing
        EventsLost,     // the agent no longer held events [lostFirst, lostLast]
    };

    Type type = Type::Event;
    quint64 serial = 0; // arrival order, unique within the log; breaks ties in time
    EventOrigin origin;
    // UTC. An event's own time; a gap sits just before the first event that followed it,
    // or at the time it was noticed when none followed.
    QDateTime time;
    AgentEvent event; // Type::Event only
    quint64 lostFirst = 0;
    quint64 lostLast = 0;

    bool isGap() const { return type != Type::Event; }
};

// A drain, undrain or route change to draw on a chart's time axis.
struct EventMarker
{
    QDateTime time; // UTC
    QString kind;   // "drain", "undrain", "route"
    QString label;  // the agent's message
    QString endpoint;
};

// Every node's events merged by time, bounded. Events arrive in an inbox (add, addRestart,
// addLost) and join the log at flush(), which announces each contiguous run of new rows as
// one insert: a burst costs one row insert, not one per event. Bounded per node and
// fleet-wide; the oldest rows go first and are counted. Drains and undrains are kept
// apart as well, under a cap of their own, for the audit view. Pure apart from the signals;
// the clock says when a gap was noticed.
class EventLog final : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    struct Limits
    {
        int perNode = 2000;
        int fleet = 20000;
        int operatorActions = 5000;
    };

    explicit EventLog(QObject *parent = nullptr);
    EventLog(Clock clock, Limits limits, QObject *parent = nullptr);

    // In seq order, as NodeSession delivers them.
    void add(const EventOrigin &origin, const QList<AgentEvent> &events);
    void addRestart(const EventOrigin &origin);
    void addLost(const EventOrigin &origin, quint64 firstSeq, quint64 lastSeq);
    // The node left the fleet: its rows and its pending events go.
    void removeNode(const QString &endpoint);

    // Something waits for flush(): new events, or a gap waiting for the events after it.
    bool hasPending() const { return !m_inbox.isEmpty(); }
    void flush();

    // Ordered by time, then by arrival.
    const QList<EventEntry> &entries() const { return m_entries; }
    // Drains and undrains, ordered by time.
    const QList<EventEntry> &operatorActions() const { return m_actions; }
    // Rows the caps pushed out since the start (all nodes), and of one node.
    quint64 dropped() const { return m_dropped; }
    quint64 droppedOf(const QString &endpoint) const { return m_droppedBy.value(endpoint); }
    const Limits &limits() const { return m_limits; }

    // Drains, undrains and route changes of one node or of one region within [from, to].
    QList<EventMarker> markersOfNode(const QString &endpoint, const QDateTime &from,
                                     const QDateTime &to) const;
    QList<EventMarker> markersOfRegion(const QString &region, const QDateTime &from,
                                       const QDateTime &to) const;
    // Those of every node within [from, to].
    QList<EventMarker> markersBetween(const QDateTime &from, const QDateTime &to) const;

    // A gap with no event after it waits this long for one before it is placed at the time
    // it was noticed.
    static constexpr qint64 kGapWaitMs = 3000;

signals:
    void rowsAboutToBeInserted(int first, int last);
    void rowsInserted(int first, int last);
    void rowsAboutToBeRemoved(int first, int last);
    void rowsRemoved(int first, int last);
    void operatorActionsChanged();
    void droppedChanged();

private:
    struct Pending
    {
        EventEntry entry;
        QDateTime noticed; // gaps: when add* was called
    };

    EventEntry makeEntry(const EventOrigin &origin, EventEntry::Type type);
    QList<EventEntry> takeReady();
    void insertSorted(QList<EventEntry> fresh);
    void enforceCaps();
    void removeRows(QList<int> rows);
    void keepActions(const QList<EventEntry> &fresh);
    QList<EventMarker> markers(const std::function<bool(const EventEntry &)> &wanted,
                               const QDateTime &from, const QDateTime &to) const;

    Clock m_clock;
    Limits m_limits;
    quint64 m_nextSerial = 1;
    QList<Pending> m_inbox;
    QList<EventEntry> m_entries;
    QList<EventEntry> m_actions;
    QHash<QString, int> m_rowsOf;
    quint64 m_dropped = 0;
    QHash<QString, quint64> m_droppedBy;
};

} // namespace anycast
