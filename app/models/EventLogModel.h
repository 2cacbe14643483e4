#pragma once

#include "app/models/EventLog.h"

#include <QAbstractTableModel>
#include <QCoreApplication>

namespace anycast {

enum class EventColumn
{
    Time,
    Node,
    Region,
    Kind,
    Service,
    Message,
};
inline constexpr int kEventColumnCount = 6;

// The fleet's event log as a table, one row per EventLog entry in the log's order (by time).
// It follows the log's own inserts and removals, so a burst of events is one row insert.
// Time is shown in local time with UTC in the tooltip; the kind as a word; a gap as a row
// of its own that says what may be missing. Raw values in EventRole.
class EventLogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit EventLogModel(const EventLog *log, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const EventLog *log() const { return m_log; }

    // "Drain", "Route", ...: the agent's kind as a word; unknown kinds as the agent names them.
    static QString kindWord(const QString &kind);
    // The word for a gap row's kind column.
    static QString gapWord();
    // What a gap row says.
    static QString gapText(const EventEntry &entry);
    // Local time for the table, "yyyy-MM-dd HH:mm:ss"; UTC with its zone for the tooltip.
    static QString localTime(const QDateTime &utc);
    static QString utcTime(const QDateTime &utc);

private:
    QVariant display(const EventEntry &entry, EventColumn column) const;

    const EventLog *m_log;
};

} // namespace anycast
