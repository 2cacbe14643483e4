#pragma once

#include "app/widgets/MarkerLayout.h"

#include <QList>

namespace anycast {

// How the keyboard moves between map markers: Tab in reading order across the map, arrow
// keys to the nearest marker in that direction.
class MarkerNavigation final
{
public:
    enum class Direction
    {
        Left,
        Right,
        Up,
        Down
    };

    // Indexes into `placed`, west to east, north to south where they line up.
    static QList<qsizetype> tabOrder(const QList<PlacedMarker> &placed);

    // The nearest marker from placed[from] in `direction`, where one straight ahead beats
    // one off to the side; -1 when there is none.
    static qsizetype neighbour(const QList<PlacedMarker> &placed, qsizetype from,
                               Direction direction);
};

} // namespace anycast
