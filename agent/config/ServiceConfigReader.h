#pragma once

#include "AgentConfig.h"
#include "ConfigReader.h"

namespace anycast {

// One [[service]] table with its [service.thresholds] and [service.route] sub-tables.
ServiceConfig readServiceConfig(ConfigReader &reader, const toml::table &table);

} // namespace anycast
