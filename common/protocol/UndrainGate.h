#pragma once

#include <QString>

#include <optional>

namespace anycast {

// A route held withdrawn after an undrain until the service has passed `needed` healthy
// checks (`seen` so far). The agent says so in the route's reason, "undrained: announcing
// after N healthy checks (M so far)", and readers of `status` (the console) recognise it
// through this one pair of functions: such a route is still the operator's doing, not a
// failure, and N is what the undrain waits for.
struct UndrainGate
{
    int needed = 0;
    int seen = 0;

    bool operator==(const UndrainGate &) const = default;
};

QString undrainGateReason(const UndrainGate &gate);
// The gate a route's reason speaks of, or nullopt for any other reason.
std::optional<UndrainGate> undrainGateOf(const QString &reason);

} // namespace anycast
