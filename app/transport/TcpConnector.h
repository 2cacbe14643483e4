#pragma once

#include "app/transport/CancelToken.h"
#include "common/Result.h"

#include <QString>

#include <chrono>

namespace anycast {

// A TCP connection to host:port for libssh to run over (SSH_OPTIONS_FD). Made here rather
// than by libssh so that a cancelled transport stops waiting at once and a dead host costs
// at most `timeout` per address. Name resolution blocks the calling network thread only.
// Returns a non-blocking socket; the caller closes it.
Result<int> connectTcp(const QString &host, quint16 port, CancelToken &cancel,
                       std::chrono::milliseconds timeout);

} // namespace anycast
