#pragma once

#include "agent/config/AgentConfig.h"

#include <QStringList>

#include <functional>

namespace anycast {

// Whether a group of that name exists: the host's group database in the agent, a table in
// tests.
using GroupLookup = std::function<bool(const QString &name)>;

// The groups `config` names that do not exist, one "FILE:LINE:COL: message" per group, each
// saying what the running agent would do without it. A valid file can still name groups this
// host lacks (the default anycast-ops before the package created it): --check reports them,
// the running agent falls back to owner-only sockets and root-only drains.
QStringList missingGroupProblems(const AgentConfig &config, const GroupLookup &groupExists);

// getgrnam_r(3): NSS, so LDAP and sssd groups count too.
bool groupExistsOnHost(const QString &name);

} // namespace anycast
