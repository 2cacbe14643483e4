#pragma once

#include "agent/probe/SocketProbe.h"

namespace anycast {

// tcp://HOST:PORT: healthy when the three-way handshake completes within the timeout. The
// connection is closed at once; nothing is sent. A refused connection, an unreachable or
// unresolvable host and a timeout are failures.
class TcpProbe final : public SocketProbe
{
    Q_OBJECT

public:
    explicit TcpProbe(ProbeSpec spec, QObject *parent = nullptr);
};

} // namespace anycast
