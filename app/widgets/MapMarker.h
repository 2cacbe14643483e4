#pragma once

#include "app/style/StateStyle.h"

#include <QString>

namespace anycast {

// One marker on the announcement map: where, how big, what state, and the caller's words.
// Markers without a location are the caller's to list beside the map.
struct MapMarker
{
    QString id;
    QString label; // e.g. "fra: 2 of 2 announcing"
    double latitude = 0;
    double longitude = 0;
    double size = 0; // e.g. ESTABLISHED connections; drawn as the marker's area, never its colour
    Observation observation = Observation::NoData;
    RoutingState state = RoutingState::Unreachable;
    QString tooltip;

    friend bool operator==(const MapMarker &, const MapMarker &) = default;
};

} // namespace anycast
