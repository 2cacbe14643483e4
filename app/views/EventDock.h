#pragma once

#include <QDockWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;

namespace anycast {

class EventFilterProxy;
class EventLog;
class EventLogModel;
class FleetState;

// The event dock: every node's events merged by time (EventLogModel), narrowed by node,
// region, kind and text (EventFilterProxy), and a "follow latest" toggle that keeps the
// newest row in sight while it is on; scrolling up turns it off. A line under the filters
// counts the rows shown and those the log's caps dropped.
class EventDock final : public QDockWidget
{
    Q_OBJECT

public:
    // The object name QMainWindow::saveState() knows it by.
    static constexpr const char *kObjectName = "eventDock";

    EventDock(const EventLog *log, const FleetState *fleet, QWidget *parent = nullptr);

    EventLogModel *model() const { return m_model; }
    EventFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }

    bool followsLatest() const;
    void setFollowLatest(bool on);
    // Empty: no filter. The controls show what is set.
    void setNodeFilter(const QString &endpoint);
    void setRegionFilter(const QString &region);
    void setKindFilter(const QString &kind);
    void setTextFilter(const QString &text);

private:
    void fillNodeChoices();
    void fillKindChoices();
    void applyChoices();
    void countRows();
    void scrollToLatest();
    void onScrolled(int value);

    const EventLog *m_log;
    const FleetState *m_fleet;
    EventLogModel *m_model;
    EventFilterProxy *m_proxy;
    QComboBox *m_node;
    QComboBox *m_region;
    QComboBox *m_kind;
    QLineEdit *m_text;
    QToolButton *m_follow;
    QLabel *m_count;
    QTableView *m_table;
    bool m_scrollingToLatest = false;
};

} // namespace anycast
