#pragma once

#include "common/JsonReader.h"
#include "common/TcpState.h"

namespace anycast {

// How many sockets are in each of the 11 TCP states.
struct TcpStateCounts
{
    std::array<quint64, kTcpStateCount> counts{};

    quint64 &operator[](TcpState state) { return counts[stateIndex(state)]; }
    quint64 operator[](TcpState state) const { return counts[stateIndex(state)]; }
    quint64 total() const;
    TcpStateCounts &operator+=(const TcpStateCounts &other);

    // {"ESTABLISHED": 12, "SYN_SENT": 0, ...}: every state, always.
    QJsonObject toJson() const;
    static TcpStateCounts fromJson(JsonReader &reader);

    bool operator==(const TcpStateCounts &) const = default;
};

} // namespace anycast
