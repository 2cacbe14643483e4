#pragma once

#include "common/JsonReader.h"

#include <QMap>

namespace anycast {

// /proc/net/sockstat's TCP line.
struct SockStat
{
    quint64 inUse = 0;
    quint64 orphan = 0;
    quint64 timeWait = 0;
    quint64 allocated = 0;
    quint64 memoryPages = 0;

    QJsonObject toJson() const;
    static SockStat fromJson(JsonReader &reader);

    bool operator==(const SockStat &) const = default;
};

// Host-wide TCP counters from /proc/net/snmp and /proc/net/netstat, keyed "Group.Name"
// ("Tcp.RetransSegs", "TcpExt.ListenOverflows"), with per-second rates against the
// previous sample. A counter the kernel does not export is absent, never zero.
struct HostCounters
{
    QMap<QString, quint64> counters;
    // Empty on the first reading (and the first after a failed one); a counter that went
    // backwards is left out.
    QMap<QString, double> ratesPerSecond;
    SockStat sockstat;

    QJsonObject toJson() const;
    static HostCounters fromJson(JsonReader &reader);

    bool operator==(const HostCounters &) const = default;
};

} // namespace anycast
