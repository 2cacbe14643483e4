#include "app/words/StateNames.h"

#include <QCoreApplication>

namespace anycast {

QString StateNames::of(Observation observation)
{
    switch (observation) {
    case Observation::Reporting:
        //: What the console observes: the node's checks answer (drawn as a circle).
        return QCoreApplication::translate("anycast::StateStyle", "reporting");
    case Observation::Failing:
        //: What the console observes: the node's checks say it is down (drawn as a diamond).
        return QCoreApplication::translate("anycast::StateStyle", "failing");
    case Observation::NoData:
        //: What the console observes: nothing answers (drawn as a square).
        return QCoreApplication::translate("anycast::StateStyle", "no data");
    }
    return {};
}

QString StateNames::of(RoutingState state)
{
    switch (state) {
    case RoutingState::Announced:
        //: Routing state of a prefix: the route is announced over BGP.
        return QCoreApplication::translate("anycast::StateStyle", "announced");
    case RoutingState::DePreferred:
        //: Routing state: still announced, but made less attractive (MED, AS path prepends).
        return QCoreApplication::translate("anycast::StateStyle", "de-preferred");
    case RoutingState::RedundancyLost:
        //: Routing state of a region: fewer of its nodes announce than it has; a warning.
        return QCoreApplication::translate("anycast::StateStyle", "redundancy lost");
    case RoutingState::Draining:
        //: Routing state: an operator's drain is in progress, connections are leaving.
        return QCoreApplication::translate("anycast::StateStyle", "draining");
    case RoutingState::Drained:
        //: Routing state: an operator's drain is complete; withdrawn on purpose, not down.
        return QCoreApplication::translate("anycast::StateStyle", "drained");
    case RoutingState::Withdrawn:
        //: Routing state: the route is withdrawn because the service failed.
        return QCoreApplication::translate("anycast::StateStyle", "withdrawn");
    case RoutingState::Unknown:
        //: Routing state unknown although the node's agent answers: no route reported yet.
        return QCoreApplication::translate("anycast::StateStyle", "route unknown");
    case RoutingState::Unreachable:
        //: Routing state unknown: the console cannot reach the node's agent.
        return QCoreApplication::translate("anycast::StateStyle", "unreachable");
    }
    return {};
}

} // namespace anycast
