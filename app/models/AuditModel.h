#pragma once

#include "app/models/AuditRows.h"

#include <QAbstractTableModel>
#include <QTimer>

#include <chrono>
#include <functional>

namespace anycast {

class FleetState;

enum class AuditColumn
{
    Time,
    Node,
    Region,
    Action,
    Target,
    State,
    By,
    Reason,
    Ticket,
    Mode,
    Answer,
};
inline constexpr int kAuditColumnCount = 11;

// Drains and undrains across the fleet, one row each (AuditRows): from the event log's
// operator actions and the drains in force in each node's status. Drains in force for
// longer than a threshold (24 h unless set) are stale, which the state column says in
// words. Raw values in AuditRole; SortRole sorts every column by its raw value. Rebuilt a
// moment after the log or a node's status changes, and by refresh() (the clock moves on).
class AuditModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    AuditModel(const EventLog *log, const FleetState *fleet, QObject *parent = nullptr);
    AuditModel(const EventLog *log, const FleetState *fleet, Clock clock,
               QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setStaleAfter(std::chrono::seconds threshold);
    std::chrono::seconds staleAfter() const { return m_staleAfter; }
    // Rebuilds the rows now.
    void refresh();

    const QList<AuditRow> &rows() const { return m_rows; }
    int inForceCount() const;
    int staleCount() const;
    // Every row in the columns the view shows, the header first, as RFC 4180 CSV in UTF-8;
    // times in UTC (ISO 8601).
    QByteArray csv() const;

    static QString stateText(const AuditRow &row, const QDateTime &now);

signals:
    // After every rebuild that changed something.
    void refreshed();

private:
    QString text(const AuditRow &row, AuditColumn column, bool forExport) const;
    QVariant sortValue(const AuditRow &row, AuditColumn column) const;
    void scheduleRefresh();

    const EventLog *m_log;
    const FleetState *m_fleet;
    Clock m_clock;
    std::chrono::seconds m_staleAfter{std::chrono::hours(24)};
    QList<AuditRow> m_rows;
    QDateTime m_builtAt;
    QTimer m_refresh;
};

} // namespace anycast
