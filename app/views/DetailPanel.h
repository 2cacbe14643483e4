#pragma once

#include <QTimer>
#include <QWidget>

#include <chrono>

class QPlainTextEdit;

namespace anycast {

class FleetState;

// The facts about the selected region, node or service (FleetDetails), as selectable plain
// text that follows the fleet: changes to the shown nodes are gathered and redrawn at most
// every kRefreshDelay, keeping the reader's scroll position.
class DetailPanel final : public QWidget
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kRefreshDelay{250};

    explicit DetailPanel(FleetState *fleet, QWidget *parent = nullptr);

    // Empty strings where not applicable: a region alone, a node (endpoint), or a service of
    // a node.
    void setTarget(const QString &region, const QString &endpoint, const QString &service);
    // The node as it was at a moment of the charts (NodeMoment), shown above its live facts
    // until the target changes.
    void setMoment(const QString &moment);
    void clearTarget();
    QString text() const;
    // Redraws now (tests, screenshots).
    void refresh();

private:
    void concerns(const QString &endpoint);

    FleetState *m_fleet;
    QPlainTextEdit *m_text;
    bool m_hasTarget = false; // the region "" holds the nodes not yet named
    QString m_region;
    QString m_endpoint;
    QString m_service;
    QString m_moment;
    QTimer m_refresh;
};

} // namespace anycast
