#pragma once

#include "app/inventory/Inventory.h"
#include "common/Result.h"

#include <QString>

namespace anycast {

// Reads the console's inventory (TOML). Strict, every problem reported at once as
// `FILE:LINE:COL: message`: unknown keys (with a suggestion), wrong types, a bad
// user@host:port, a node with both or neither of ssh and local, a relative or overlong socket
// path, a missing ssh_config file, the same endpoint twice, no nodes at all.
Result<Inventory> parseInventory(const QString &text, const QString &path);
// The file at `path` (at most 1 MiB), parsed.
Result<Inventory> loadInventory(const QString &path);

} // namespace anycast
