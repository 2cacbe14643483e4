#include "app/models/EventLog.h"

#include <algorithm>

namespace anycast {
namespace {

bool before(const EventEntry &a, const EventEntry &b)
{
    if (a.time != b.time)
        return a.time < b.time;
    return a.serial < b.serial;
}

bool isOperatorAction(const EventEntry &entry)
{
    return entry.type == EventEntry::Type::Event && (entry.event.kind == QLatin1String("drain") ||
                                                     entry.event.kind == QLatin1String("undrain"));
}

bool isMarker(const EventEntry &entry)
{
    return isOperatorAction(entry) ||
           (entry.type == EventEntry::Type::Event && entry.event.kind == QLatin1String("route"));
}

} // namespace

EventLog::EventLog(QObject *parent)
    : EventLog([] { return QDateTime::currentDateTimeUtc(); }, Limits{}, parent)
{}

EventLog::EventLog(Clock clock, Limits limits, QObject *parent)
    : QObject(parent)
    , m_clock(std::move(clock))
    , m_limits(limits)
{
    m_limits.perNode = std::max(1, m_limits.perNode);
    m_limits.fleet = std::max(1, m_limits.fleet);
    m_limits.operatorActions = std::max(1, m_limits.operatorActions);
}

EventEntry EventLog::makeEntry(const EventOrigin &origin, EventEntry::Type type)
{
    EventEntry entry;
    entry.type = type;
    entry.serial = m_nextSerial++;
    entry.origin = origin;
    return entry;
}

void EventLog::add(const EventOrigin &origin, const QList<AgentEvent> &events)
{
    for (const AgentEvent &event : events) {
        EventEntry entry = makeEntry(origin, EventEntry::Type::Event);
        entry.time = event.time;
        entry.event = event;
        m_inbox.append({std::move(entry), {}});
    }
}

void EventLog::addRestart(const EventOrigin &origin)
{
    const QDateTime now = m_clock();
    m_inbox.append({makeEntry(origin, EventEntry::Type::AgentRestarted), now});
}

void EventLog::addLost(const EventOrigin &origin, quint64 firstSeq, quint64 lastSeq)
{
    EventEntry entry = makeEntry(origin, EventEntry::Type::EventsLost);
    entry.lostFirst = firstSeq;
    entry.lostLast = lastSeq;
    m_inbox.append({std::move(entry), m_clock()});
}

QList<EventEntry> EventLog::takeReady()
{
    const QDateTime now = m_clock();
    QList<EventEntry> ready;
    QList<Pending> waiting;
    for (qsizetype i = 0; i < m_inbox.size(); ++i) {
        Pending &pending = m_inbox[i];
        if (!pending.entry.isGap()) {
            ready.append(std::move(pending.entry));
            continue;
        }
        // A gap belongs just before the node's next event, which a catch-up may bring a
        // moment later: it waits for one, for a while.
        const auto next = std::find_if(m_inbox.begin() + i + 1, m_inbox.end(), [&](const auto &p) {
            return !p.entry.isGap() && p.entry.origin.endpoint == pending.entry.origin.endpoint;
        });
        if (next != m_inbox.end()) {
            pending.entry.time = next->entry.time;
        } else if (pending.noticed.msecsTo(now) >= kGapWaitMs) {
            pending.entry.time = pending.noticed;
        } else {
            waiting.append(std::move(pending));
            continue;
        }
        ready.append(std::move(pending.entry));
    }
    m_inbox = std::move(waiting);
    return ready;
}

void EventLog::flush()
{
    QList<EventEntry> fresh = takeReady();
    if (fresh.isEmpty())
        return;
    std::sort(fresh.begin(), fresh.end(), before);
    keepActions(fresh);
    insertSorted(std::move(fresh));
    enforceCaps();
}

void EventLog::insertSorted(QList<EventEntry> fresh)
{
    // From the last new row to the first: each run lands at an index the runs inserted
    // before it (further down) do not move.
    qsizetype end = fresh.size();
    while (end > 0) {
        const auto at =
            std::upper_bound(m_entries.begin(), m_entries.end(), fresh[end - 1], before);
        const qsizetype position = at - m_entries.begin();
        qsizetype begin = end - 1;
        while (begin > 0 &&
               std::upper_bound(m_entries.begin(), m_entries.end(), fresh[begin - 1], before) -
                       m_entries.begin() ==
                   position)
            --begin;
        const int first = static_cast<int>(position);
        const int last = static_cast<int>(position + (end - begin) - 1);
        emit rowsAboutToBeInserted(first, last);
        for (qsizetype i = begin; i < end; ++i)
            ++m_rowsOf[fresh[i].origin.endpoint];
        m_entries.insert(position, end - begin, EventEntry{});
        std::move(fresh.begin() + begin, fresh.begin() + end, m_entries.begin() + position);
        emit rowsInserted(first, last);
        end = begin;
    }
}

void EventLog::enforceCaps()
{
    const bool nodeOver = std::any_of(m_rowsOf.cbegin(), m_rowsOf.cend(),
                                      [this](int rows) { return rows > m_limits.perNode; });
    if (!nodeOver && m_entries.size() <= m_limits.fleet)
        return;
    QList<bool> drop(m_entries.size(), false);
    qsizetype dropping = 0;
    for (auto it = m_rowsOf.cbegin(); it != m_rowsOf.cend(); ++it) {
        int excess = it.value() - m_limits.perNode;
        for (qsizetype row = 0; excess > 0 && row < m_entries.size(); ++row) {
            if (m_entries[row].origin.endpoint == it.key()) {
                drop[row] = true;
                ++dropping;
                --excess;
            }
        }
    }
    qsizetype excess = m_entries.size() - dropping - m_limits.fleet;
    for (qsizetype row = 0; excess > 0 && row < m_entries.size(); ++row) {
        if (!drop[row]) {
            drop[row] = true;
            --excess;
        }
    }
    QList<int> rows;
    for (qsizetype row = 0; row < drop.size(); ++row) {
        if (drop[row]) {
            rows.append(static_cast<int>(row));
            ++m_droppedBy[m_entries[row].origin.endpoint];
        }
    }
    if (rows.isEmpty())
        return;
    m_dropped += static_cast<quint64>(rows.size());
    removeRows(std::move(rows));
    emit droppedChanged();
}

void EventLog::removeRows(QList<int> rows)
{
    // Contiguous ranges, the last first, so that the indices of the others hold.
    qsizetype end = rows.size();
    while (end > 0) {
        qsizetype begin = end - 1;
        while (begin > 0 && rows[begin - 1] == rows[begin] - 1)
            --begin;
        const int first = rows[begin];
        const int last = rows[end - 1];
        emit rowsAboutToBeRemoved(first, last);
        for (int row = first; row <= last; ++row) {
            const QString &endpoint = m_entries[row].origin.endpoint;
            if (--m_rowsOf[endpoint] <= 0)
                m_rowsOf.remove(endpoint);
        }
        m_entries.remove(first, last - first + 1);
        emit rowsRemoved(first, last);
        end = begin;
    }
}

void EventLog::keepActions(const QList<EventEntry> &fresh)
{
    bool changed = false;
    for (const EventEntry &entry : fresh) {
        if (isOperatorAction(entry)) {
            m_actions.insert(std::upper_bound(m_actions.begin(), m_actions.end(), entry, before),
                             entry);
            changed = true;
        }
    }
    if (!changed)
        return;
    if (m_actions.size() > m_limits.operatorActions)
        m_actions.remove(0, m_actions.size() - m_limits.operatorActions);
    emit operatorActionsChanged();
}

void EventLog::removeNode(const QString &endpoint)
{
    m_inbox.removeIf([&](const Pending &p) { return p.entry.origin.endpoint == endpoint; });
    QList<int> rows;
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].origin.endpoint == endpoint)
            rows.append(static_cast<int>(row));
    }
    removeRows(std::move(rows));
    m_droppedBy.remove(endpoint);
    if (m_actions.removeIf([&](const EventEntry &e) { return e.origin.endpoint == endpoint; }) > 0)
        emit operatorActionsChanged();
}

QList<EventMarker> EventLog::markers(const std::function<bool(const EventEntry &)> &wanted,
                                     const QDateTime &from, const QDateTime &to) const
{
    QList<EventMarker> result;
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), from,
                               [](const EventEntry &e, const QDateTime &t) { return e.time < t; });
    for (; it != m_entries.end() && it->time <= to; ++it) {
        if (isMarker(*it) && wanted(*it))
            result.append({it->time, it->event.kind, it->event.message, it->origin.endpoint});
    }
    return result;
}

QList<EventMarker> EventLog::markersOfNode(const QString &endpoint, const QDateTime &from,
                                           const QDateTime &to) const
{
    return markers([&](const EventEntry &e) { return e.origin.endpoint == endpoint; }, from, to);
}

QList<EventMarker> EventLog::markersOfRegion(const QString &region, const QDateTime &from,
                                             const QDateTime &to) const
{
    return markers([&](const EventEntry &e) { return e.origin.region == region; }, from, to);
}

QList<EventMarker> EventLog::markersBetween(const QDateTime &from, const QDateTime &to) const
{
    return markers([](const EventEntry &) { return true; }, from, to);
}

} // namespace anycast
