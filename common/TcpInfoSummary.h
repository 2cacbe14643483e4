#pragma once

#include "common/JsonReader.h"

namespace anycast {

// Aggregates of the kernel's struct tcp_info over a service's connected sockets
// (every state that has a full socket, LISTEN excluded).
struct TcpInfoSummary
{
    bool available = false;       // false where the source has no tcp_info (/proc fallback)
    quint64 sockets = 0;          // sockets that contributed
    quint64 retransmitting = 0;   // sockets with unrecovered retransmissions right now
    quint64 retransmits = 0;      // sum of tcpi_retransmits (current back-off episode)
    quint64 totalRetransmits = 0; // sum of tcpi_total_retrans (socket lifetime)
    quint64 lost = 0;             // sum of tcpi_lost
    quint64 unacked = 0;          // sum of tcpi_unacked (segments in flight)
    quint32 rttMedianUs = 0;      // over sockets with an RTT estimate; 0 when none
    quint32 rttMaxUs = 0;
    quint64 retransmittedInFlight = 0; // sum of tcpi_retrans: retransmissions among `unacked`

    QJsonObject toJson() const;
    static TcpInfoSummary fromJson(JsonReader &reader);

    bool operator==(const TcpInfoSummary &) const = default;
};

} // namespace anycast
