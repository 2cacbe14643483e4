#pragma once

#include "common/Result.h"

#include <QString>

namespace anycast {

// Makes `path` ready for a listening Unix socket: fails when a live process answers there
// (taking the path over would leave that process deaf) or when its folder is missing, and
// removes a socket file left by a crashed process.
Result<bool> prepareUnixSocketPath(const QString &path);

} // namespace anycast
