#pragma once

#include "agent/config/AgentConfig.h"

namespace anycast {

// One BGP neighbor of the node, as `anycast-agent exabgp-config` is told on its command line.
struct ExabgpNeighbor
{
    QString address;
    quint32 peerAs = 0;
};

struct ExabgpConfigOptions
{
    QList<ExabgpNeighbor> neighbors;
    QString localAddress;    // empty: ExaBGP picks the source address
    QString routerId;        // empty: the local address
    quint16 connectPort = 0; // 0: the BGP port (179); labs use a high port
    QString bridgePath;      // the anycast-exabgp-bridge binary to run
    QString graceText = QStringLiteral("10s");
};

// A working ExaBGP 4.2 configuration for this agent: the bridge as an API process (encoder
// json, neighbor-changes) and one neighbor block per peer, so operators never hand-write
// the process stanza. Pure: text in, text out.
QString exabgpConfig(const AgentConfig &config, const ExabgpConfigOptions &options);

} // namespace anycast
