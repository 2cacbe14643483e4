#include "common/TcpState.h"

namespace anycast {
namespace {

constexpr std::array<const char *, kTcpStateCount> kNames = {
    "ESTABLISHED", "SYN_SENT",   "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT",
    "CLOSE",       "CLOSE_WAIT", "LAST_ACK", "LISTEN",    "CLOSING",
};

} // namespace

std::optional<TcpState> tcpStateFromKernel(unsigned value)
{
    if (value < 1 || value > kTcpStateCount)
        return std::nullopt;
    return static_cast<TcpState>(value);
}

QString tcpStateName(TcpState state)
{
    return QString::fromLatin1(kNames[stateIndex(state)]);
}

std::optional<TcpState> tcpStateFromName(QStringView name)
{
    for (int i = 0; i < kTcpStateCount; ++i) {
        if (name == QLatin1String(kNames[i]))
            return stateAt(i);
    }
    return std::nullopt;
}

} // namespace anycast
