#pragma once

#include "agent/bgp/NextHop.h"
#include "agent/policy/RouteDecision.h"

#include <optional>

namespace anycast {

// ExaBGP 4.2 API text for a decision: what the bridge writes to ExaBGP's API pipe.
//   announce route 192.0.2.1/32 next-hop self med 100 community [65001:100 65535:0] as-path [65001
//   65001] withdraw route 192.0.2.1/32 next-hop self
// Prepends: ExaBGP sends an explicit as-path verbatim, so n prepends are written as n + 1
// copies of the local AS (the lab test reads the path GoBGP receives).
// Every token is written from a parsed value (Prefix, NextHop, BgpCommunity), never from the
// text it came from: a command is empty, so nothing is sent, when the prefix is not a
// canonical announceable prefix, a community is not ASN:VALUE or the next hop is not valid.
class ExabgpCommands
{
public:
    ExabgpCommands(const QString &nextHop, quint32 localAs);

    QString announce(const PrefixDecision &decision) const;
    QString withdraw(const QString &prefix) const;
    QString forDecision(const PrefixDecision &decision) const;

private:
    std::optional<NextHop> m_nextHop;
    quint32 m_localAs;
};

} // namespace anycast
