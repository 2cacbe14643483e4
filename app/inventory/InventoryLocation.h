#pragma once

#include <QString>

namespace anycast {

// Where the inventory lives when --inventory does not say:
// $XDG_CONFIG_HOME/anycast-console/fleet.toml, with XDG_CONFIG_HOME defaulting to ~/.config
// (an empty or relative XDG_CONFIG_HOME is ignored, as the XDG spec says).
QString defaultInventoryPath();
// The same rule with the environment and home folder given, for tests.
QString inventoryPathFor(const QString &xdgConfigHome, const QString &home);

} // namespace anycast
