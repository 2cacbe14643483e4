#include "agent/probe/TcpProbe.h"

namespace anycast {

TcpProbe::TcpProbe(ProbeSpec spec, QObject *parent)
    : SocketProbe(spec, spec.host, spec.port, parent)
{
    connect(&socket(), &QAbstractSocket::connected, this,
            [this] { finish(true, QStringLiteral("connected in %1 ms").arg(elapsedMs())); });
    connect(&socket(), &QAbstractSocket::errorOccurred, this,
            [this] { finish(false, socket().errorString()); });
}

} // namespace anycast
