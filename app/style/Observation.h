#pragma once

namespace anycast {

// What the console observes of a node, service or region, drawn as the marker's shape
// (circle, diamond, square). The models decide it and the drawing code draws it, so it lives
// in a header of its own that needs neither side: no Qt, no widgets, no models.
enum class Observation
{
    Reporting, // its checks answer
    Failing,   // its checks answer that something is down (a service degraded or down)
    NoData,    // nothing answers: no monitor, no connection, no report yet
};

} // namespace anycast
