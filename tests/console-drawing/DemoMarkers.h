#pragma once

#include "app/widgets/MapMarker.h"

#include <QList>

namespace anycast::test {

// One region per routing state, at real anycast sites, as the drawing tests and the demo
// picture use them.
QList<MapMarker> demoMarkers();

} // namespace anycast::test
