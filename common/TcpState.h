#pragma once

#include <QString>

#include <array>
#include <cstdint>
#include <optional>

namespace anycast {

// Numbered as the kernel numbers them (include/net/tcp_states.h), so a value read from
// sock_diag or /proc/net/tcp converts without a lookup table.
enum class TcpState : std::uint8_t
{
    Established = 1,
    SynSent,
    SynRecv,
    FinWait1,
    FinWait2,
    TimeWait,
    Close,
    CloseWait,
    LastAck,
    Listen,
    Closing,
};

inline constexpr int kTcpStateCount = 11;

constexpr int stateIndex(TcpState state)
{
    return static_cast<int>(state) - 1;
}
constexpr TcpState stateAt(int index)
{
    return static_cast<TcpState>(index + 1);
}

// The kernel's raw state number to a state; nullopt for anything outside 1..11.
std::optional<TcpState> tcpStateFromKernel(unsigned value);

// Names as `ss` prints them ("ESTABLISHED", "SYN_RECV", ...), used in JSON and on screen.
QString tcpStateName(TcpState state);
std::optional<TcpState> tcpStateFromName(QStringView name);

} // namespace anycast
