#include "StateStyle.h"

namespace anycast {

QList<Observation> StateStyle::observations()
{
    return {Observation::Reporting, Observation::Failing, Observation::NoData};
}

QList<RoutingState> StateStyle::routingStates()
{
    return {RoutingState::Announced,  RoutingState::DePreferred, RoutingState::RedundancyLost,
            RoutingState::Draining,   RoutingState::Drained,     RoutingState::Withdrawn,
            RoutingState::Unreachable};
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

QString StateStyle::word(Observation observation)
{
    switch (observation) {
    case Observation::Reporting:
        //: What the console observes: the node's checks answer (drawn as a circle).
        return tr("reporting");
    case Observation::Failing:
        //: What the console observes: the node's checks say it is down (drawn as a diamond).
        return tr("failing");
    case Observation::NoData:
        //: What the console observes: nothing answers (drawn as a square).
        return tr("no data");
    }
    return {};
}

QString StateStyle::word(RoutingState state)
{
    switch (state) {
    case RoutingState::Announced:
        //: Routing state of a prefix: the route is announced over BGP.
        return tr("announced");
    case RoutingState::DePreferred:
        //: Routing state: still announced, but made less attractive (MED, AS path prepends).
        return tr("de-preferred");
    case RoutingState::RedundancyLost:
        //: Routing state of a region: fewer of its nodes announce than it has; a warning.
        return tr("redundancy lost");
    case RoutingState::Draining:
        //: Routing state: an operator's drain is in progress, connections are leaving.
        return tr("draining");
    case RoutingState::Drained:
        //: Routing state: an operator's drain is complete; withdrawn on purpose, not down.
        return tr("drained");
    case RoutingState::Withdrawn:
        //: Routing state: the route is withdrawn because the service failed.
        return tr("withdrawn");
    case RoutingState::Unreachable:
        //: Routing state unknown: the console cannot reach the node's agent.
        return tr("unreachable");
    }
    return {};
}

} // namespace anycast
