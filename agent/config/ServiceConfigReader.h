#pragma once

#include "agent/config/AgentConfig.h"
#include "common/config/ConfigReader.h"

#include <QHash>

namespace anycast {

// Canonical prefix -> the service that announces it: a prefix belongs to one service, or
// its status and its BGP command could disagree.
using PrefixOwners = QHash<QString, QString>;

// One [[service]] table with its [service.thresholds] and [service.route] sub-tables. Its
// prefixes are added to `owners`; one already there is an error naming both services.
ServiceConfig readServiceConfig(ConfigReader &reader, const toml::table &table,
                                PrefixOwners &owners);

} // namespace anycast
