#pragma once

#include "app/models/FleetCounts.h"

#include <QTimer>
#include <QWidget>

#include <chrono>

class QLabel;

namespace anycast {

class FleetState;

// The status bar's permanent counts, each a sentence with its words, not only a number or a
// colour: nodes connected and unreachable, prefixes fully, partly and not announced, drains
// in force. Counted from the fleet in one pass (FleetCounts) at most every kRecountDelay,
// however many nodes change at once.
class FleetStatusStrip final : public QWidget
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kRecountDelay{250};

    explicit FleetStatusStrip(FleetState *fleet, QWidget *parent = nullptr);

    const FleetCounts &counts() const { return m_counts; }
    // Counts now (tests, screenshots).
    void recount();

private:
    void schedule();

    FleetState *m_fleet;
    FleetCounts m_counts;
    QLabel *m_nodes;
    QLabel *m_prefixes;
    QLabel *m_drains;
    QTimer m_recount;
};

} // namespace anycast
