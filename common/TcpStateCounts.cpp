#include "common/TcpStateCounts.h"

#include <array>
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
    // Built once: every sample of a backfill reads these eleven keys.
    static const std::array<QString, kTcpStateCount> keys = [] {
        std::array<QString, kTcpStateCount> names;
        for (int i = 0; i < kTcpStateCount; ++i)
            names[static_cast<std::size_t>(i)] = tcpStateName(stateAt(i));
        return names;
    }();
    TcpStateCounts result;
    for (int i = 0; i < kTcpStateCount; ++i)
        result.counts[i] = reader.unsignedInteger(keys[static_cast<std::size_t>(i)]);
    reader.rejectUnknownKeys();
    return result;
}

} // namespace anycast
