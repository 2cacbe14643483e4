#pragma once

#include "agent/support/SteadyTime.h"

#include <QString>

#include <optional>

namespace anycast {

// A finished probe run, as the decision needs it (the probe itself is I/O and lives apart;
// ProbeResult::outcome() makes one).
struct ProbeOutcome
{
    bool ok = false;
    QString detail;
    bool wrongAnswer = false; // the service answered, wrongly (see ProbeResult)
    // The service answered (see ProbeResult::answered), after this long.
    std::optional<Milliseconds> answeredIn;
};

} // namespace anycast
