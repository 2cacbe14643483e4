#pragma once

#include "agent/sampler/ProcNetTcpReader.h"
#include "agent/sampler/Sampler.h"
#include "agent/sampler/SocketAggregator.h"

namespace anycast {

// The fallback backend: /proc/net/tcp and /proc/net/tcp6 under a proc root
// (callers pass defaultProcRoot() or a fixture tree). No tcp_info and no backlog: /proc has
// neither. A missing tcp6 file (IPv6 disabled) is not an error; an unreadable tcp file is.
class ProcSampler final : public Sampler
{
public:
    explicit ProcSampler(PortMap portMap, QString procRoot);

    QString name() const final { return QStringLiteral("proc"); }
    Result<ListenerSample> sampleListeners() final;
    Result<SocketSample> sampleSockets() final;

private:
    PortMap m_portMap;
    QString m_procRoot;
    SocketAggregator m_aggregator;
    ProcNetTcpReader m_reader;
};

} // namespace anycast
