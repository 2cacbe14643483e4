#pragma once

#include "app/style/StateStyle.h"

#include <QList>
#include <QWidget>

class QGridLayout;

namespace anycast {

// One row of the legend: a shape (what is observed, drawn hollow) or a fill (a routing state,
// drawn as a reporting circle), with its word.
struct LegendEntry
{
    enum class Kind
    {
        Shape,
        Fill
    };
    Kind kind = Kind::Fill;
    Observation observation = Observation::Reporting;
    RoutingState state = RoutingState::Announced;
    QString word;
};

// Every shape and fill the console draws, each with its word printed beside it. Follows the
// palette and the language at run time.
class StateLegend final : public QWidget
{
    Q_OBJECT

public:
    explicit StateLegend(Qt::Orientation orientation = Qt::Vertical, QWidget *parent = nullptr);

    // What the legend shows, in the language installed now.
    static QList<LegendEntry> entries();

protected:
    void changeEvent(QEvent *event) final;

private:
    void rebuild();

    Qt::Orientation m_orientation;
    QGridLayout *m_grid = nullptr;
};

} // namespace anycast
