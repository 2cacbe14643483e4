#include "TcpStateCounts.h"

#include <numeric>

namespace anycast {

quint64 TcpStateCounts::total() const
{
    return std::accumulate(counts.begin(), counts.end(), quint64{0});
}

TcpStateCounts &TcpStateCounts::operator+=(const TcpStateCounts &other)
{
    for (int i = 0; i < kTcpStateCount; ++i)
        counts[i] += other.counts[i];
    return *this;
}

QJsonObject TcpStateCounts::toJson() const
{
    QJsonObject json;
    for (int i = 0; i < kTcpStateCount; ++i)
        json.insert(tcpStateName(stateAt(i)), jsonUnsigned(counts[i]));
    return json;
}

TcpStateCounts TcpStateCounts::fromJson(JsonReader &reader)
{
    TcpStateCounts result;
    for (int i = 0; i < kTcpStateCount; ++i)
        result.counts[i] = reader.unsignedInteger(tcpStateName(stateAt(i)));
    reader.rejectUnknownKeys();
    return result;
}

} // namespace anycast
