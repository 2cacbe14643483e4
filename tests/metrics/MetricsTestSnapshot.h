#pragma once

#include "agent/metrics/MetricsSnapshot.h"

namespace anycast {

// A node as an operator would see it mid-incident: https healthy and announcing over IPv4
// and IPv6, dns degraded and draining, one BGP neighbor down, one fleet peer unreachable.
MetricsSnapshot realisticSnapshot();

} // namespace anycast
