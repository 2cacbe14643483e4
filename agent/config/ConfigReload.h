#pragma once

#include "agent/config/AgentConfig.h"

#include <QStringList>

namespace anycast {

// What a SIGHUP may change in a running agent, and what needs a restart.
//
// Applied on reload: per service rise, fall, thresholds, probe and its timing, [service.route]
// (MED, communities, prepends, drain floor and grace); [bgp] flap_budget and flap_window_s;
// [fleet] peers, min_announcing, poll timing and shared_fault_check; operators_group;
// location. Health verdicts, announced routes, flap budgets and drains carry over, so a
// reload never withdraws a healthy route.
//
// Needs a restart (the reload is refused as a whole and the running config kept): node,
// region, sockets, state_dir, http_listen, api_group, sampling intervals, history, [bgp]
// local_as, next_hop and on_agent_loss, and the set of services with their ports and
// prefixes (the sampler's port map and the BGP controller's prefixes are built at start).
//
// Returns one line per restart-only difference, e.g. "[agent] http_listen changed"; empty
// when the new config can be applied.
QStringList restartOnlyChanges(const AgentConfig &running, const AgentConfig &next);

} // namespace anycast
