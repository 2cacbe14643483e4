#pragma once

#include "common/HealthStates.h"
#include "common/protocol/PrefixDecision.h"

#include <QJsonObject>
#include <QStringList>

#include <chrono>

namespace anycast {

// RFC 8326: routers that honour it lower the route's preference during a drain.
inline const QString kGracefulShutdownCommunity = QStringLiteral("65535:0");

// [service.route]: how each health and operator state is announced.
struct RouteConfig
{
    quint32 med = 100;
    QStringList communities;
    int degradedPrepend = 3;   // providers often ignore MED, so prepending is the default
    quint32 degradedMed = 100; // may be raised in addition
    bool withdrawOnDown = true;
    quint32 downMed = 4294967295u; // used when withdraw_on_down = false
    int drainPrepend = 3;
    quint64 drainFloor = 10;              // withdraw once established connections fall below this
    std::chrono::seconds drainGrace{300}; // ... or after this long in any case

    bool operator==(const RouteConfig &) const = default;
};

} // namespace anycast
