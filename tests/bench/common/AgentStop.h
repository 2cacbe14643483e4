#pragma once

#include "tests/bench/common/TimedChild.h"

namespace anycast::bench {

// SIGTERM to an agent run as a TimedChild, as systemd stops it; true when it stopped cleanly
// (AgentStopCheck: exit 0, no Qt warning or sanitizer report in its output). Prints the
// outcome: a line on stdout, or what went wrong on stderr.
bool stopAgentCleanly(TimedChild &agent);

} // namespace anycast::bench
