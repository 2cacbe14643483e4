#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace anycast {

class AuditModel;
class EventLog;
class FleetState;

// The audit view: drains and undrains across the fleet with who, when, reason, ticket, mode
// and the agent's answer (AuditModel), newest first; drains left in force longer than the
// threshold are marked STALE in words and with a warning triangle. A line above the table
// counts the drains in force and the stale ones; the threshold is set there, and the rows
// are exported to CSV with the same columns.
class AuditPage final : public QWidget
{
    Q_OBJECT

public:
    AuditPage(const EventLog *log, const FleetState *fleet, QWidget *parent = nullptr);
    // The model given (parented to the page): tests bring one with their own clock.
    AuditPage(AuditModel *model, QWidget *parent = nullptr);

    AuditModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    void setStaleAfterHours(int hours);

    // Writes the audit rows as CSV to `path`. False, with `error` set, if it cannot.
    bool exportCsv(const QString &path, QString *error = nullptr) const;
    // Asks where to, then exports; says so if it cannot.
    void exportWithDialog();

private:
    void countRows();

    AuditModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLabel *m_summary;
    QSpinBox *m_staleHours;
    QPushButton *m_export;
    // Ages and staleness move on with the clock.
    QTimer m_clock;
};

} // namespace anycast
