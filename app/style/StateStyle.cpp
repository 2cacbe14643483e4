#include "app/style/StateStyle.h"

namespace anycast {

QList<Observation> StateStyle::observations()
{
    return {Observation::Reporting, Observation::Failing, Observation::NoData};
}

QList<RoutingState> StateStyle::routingStates()
{
    return {RoutingState::Announced, RoutingState::DePreferred, RoutingState::RedundancyLost,
            RoutingState::Draining,  RoutingState::Drained,     RoutingState::Withdrawn,
            RoutingState::Unknown,   RoutingState::Unreachable};
}

GlyphShape StateStyle::shape(Observation observation)
{
    switch (observation) {
    case Observation::Reporting:
        return GlyphShape::Circle;
    case Observation::Failing:
        return GlyphShape::Diamond;
    case Observation::NoData:
        return GlyphShape::Square;
    }
    return GlyphShape::Square;
}

QColor StateStyle::fill(RoutingState state)
{
    switch (state) {
    case RoutingState::Announced:
        return QColor(0x00, 0x9E, 0x73); // Okabe-Ito bluish green
    case RoutingState::DePreferred:
    case RoutingState::RedundancyLost:
        return QColor(0xE6, 0x9F, 0x00); // Okabe-Ito orange: a warning, not an error
    case RoutingState::Draining:
    case RoutingState::Drained:
        return QColor(0x56, 0xB4, 0xE9); // Okabe-Ito sky blue: an operator's choice
    case RoutingState::Withdrawn:
        return QColor(0xD5, 0x5E, 0x00); // Okabe-Ito vermilion
    case RoutingState::Unknown:          // told from unreachable by the hatch, which it lacks
    case RoutingState::Unreachable:
        return QColor(0xA0, 0xA0, 0xA0);
    }
    return QColor(0xA0, 0xA0, 0xA0);
}

GlyphMark StateStyle::mark(RoutingState state)
{
    switch (state) {
    case RoutingState::RedundancyLost:
        return GlyphMark::Exclamation;
    case RoutingState::Drained:
        return GlyphMark::Pause;
    case RoutingState::Unreachable:
        return GlyphMark::Hatch;
    case RoutingState::Announced:
    case RoutingState::DePreferred:
    case RoutingState::Draining:
    case RoutingState::Withdrawn:
    case RoutingState::Unknown:
        return GlyphMark::None;
    }
    return GlyphMark::None;
}

QColor StateStyle::outline()
{
    return QColor(0x1A, 0x1A, 0x1A);
}

QColor StateStyle::markColour()
{
    return QColor(0x26, 0x26, 0x26);
}

} // namespace anycast
