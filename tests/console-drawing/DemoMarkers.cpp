#include "tests/console-drawing/DemoMarkers.h"

namespace anycast::test {

namespace {

MapMarker region(const char *id, const char *label, double latitude, double longitude,
                 double established, Observation observation, RoutingState state)
{
    MapMarker marker;
    marker.id = QString::fromLatin1(id);
    marker.label = QString::fromLatin1(label);
    marker.latitude = latitude;
    marker.longitude = longitude;
    marker.size = established;
    marker.observation = observation;
    marker.state = state;
    marker.tooltip = QStringLiteral("%1 ESTABLISHED").arg(established);
    return marker;
}

} // namespace

QList<MapMarker> demoMarkers()
{
    return {
        region("fra", "fra: 2 of 2 announcing", 50.11, 8.68, 4200, Observation::Reporting,
               RoutingState::Announced),
        region("iad", "iad: 1 of 2 announcing", 39.04, -77.49, 2600, Observation::Reporting,
               RoutingState::RedundancyLost),
        region("gru", "gru: 2 of 2 de-preferred", -23.43, -46.47, 900, Observation::Reporting,
               RoutingState::DePreferred),
        region("sin", "sin: 0 of 2 announcing", 1.35, 103.99, 30, Observation::Failing,
               RoutingState::Withdrawn),
        region("syd", "syd: 2 of 2 draining", -33.87, 151.21, 700, Observation::Reporting,
               RoutingState::Draining),
        region("nrt", "nrt: 0 of 2 announcing", 35.77, 140.39, 0, Observation::Reporting,
               RoutingState::Drained),
        region("jnb", "jnb: no agent answers", -26.14, 28.25, 0, Observation::NoData,
               RoutingState::Unreachable),
    };
}

} // namespace anycast::test
