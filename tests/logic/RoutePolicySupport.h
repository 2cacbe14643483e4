#pragma once

#include "agent/policy/RoutePolicy.h"
#include "tests/logic/LogicTestSupport.h"

namespace anycast::logictest {

inline const QString kPrefix = QStringLiteral("192.0.2.1/32");
inline const QString kCommunity = QStringLiteral("65001:100");

// Every attribute differs from the others, so a test can tell which rule produced a route.
inline RouteConfig routeConfig()
{
    RouteConfig route;
    route.med = 100;
    route.communities = {kCommunity};
    route.degradedPrepend = 3;
    route.degradedMed = 200;
    route.withdrawOnDown = true;
    route.downMed = 4294967295u;
    route.drainPrepend = 5;
    route.drainFloor = 10;
    route.drainGrace = std::chrono::seconds(300);
    return route;
}

// A budget no single test comes near, for tests about something else.
inline constexpr int kAmpleBudget = 1000;

inline PolicyInput healthInput(ServiceHealth health, QStringList reasons = {})
{
    PolicyInput input;
    input.health = health;
    input.healthReasons = std::move(reasons);
    return input;
}

inline FleetLookup fleetOf(FleetView view)
{
    return [view](const QString &) { return view; };
}

} // namespace anycast::logictest
