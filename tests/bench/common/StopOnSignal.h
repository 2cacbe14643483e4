#pragma once

#include <sys/types.h>
#include <vector>

namespace anycast::bench {

// SIGINT, SIGTERM or SIGHUP to a benchmark must not leave its lab running (GoBGP, ExaBGP and
// what they started, the agent, the lab service): the handler sends SIGTERM to each of
// `pids` (ExaBGP ends its API processes itself) and exits with 128 + the signal. Call again
// to replace the list; at most 32 processes.
void stopOnSignal(const std::vector<pid_t> &pids);

} // namespace anycast::bench
