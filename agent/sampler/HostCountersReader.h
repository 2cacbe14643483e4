#pragma once

#include "common/HostCounters.h"
#include "common/Result.h"

#include <QStringList>

#include <string_view>

namespace anycast {

// The counters the health engine watches, as "Group.Name".
// /proc/net/snmp:    Tcp.RetransSegs Tcp.OutSegs Tcp.AttemptFails Tcp.EstabResets Tcp.InErrs
// /proc/net/netstat: TcpExt.ListenOverflows TcpExt.ListenDrops TcpExt.TCPTimeouts
//                    TcpExt.TCPSynRetrans TcpExt.TCPAbortOnTimeout
const QStringList &watchedHostCounters();

// Pure parsers, tested against captured fixtures.
// The header-line/value-line pair format of /proc/net/snmp and /proc/net/netstat. Returns
// the watched counters found; errors name the line ("line 4: Tcp has 12 names but 11
// values"). A text with neither a Tcp nor a TcpExt group is an error.
Result<QMap<QString, quint64>> parseSnmpFormat(std::string_view text);
// /proc/net/sockstat's "TCP: inuse N orphan N tw N alloc N mem N" line.
Result<SockStat> parseSockStat(std::string_view text);

// Per-second rates between two readings. A counter missing from either reading, or one
// that went backwards (a reset, a namespace change), gets no rate rather than a wrong one.
QMap<QString, double> counterRates(const QMap<QString, quint64> &previous,
                                   const QMap<QString, quint64> &current, double elapsedSeconds);

// Reads net/snmp, net/netstat and net/sockstat under a proc root. Any file that cannot be
// read or parsed is an error naming the file.
class HostCountersReader
{
public:
    explicit HostCountersReader(QString procRoot);
    Result<HostCounters> read() const;

private:
    QString m_procRoot;
};

} // namespace anycast
