#pragma once

#include "common/Result.h"
#include "common/TcpState.h"

#include <QString>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace anycast {

// One data line of /proc/net/tcp or /proc/net/tcp6.
struct ProcTcpEntry
{
    bool ipv6 = false;
    // Address bytes in network order; IPv4 uses the first 4.
    std::array<std::uint8_t, 16> localAddress{};
    std::array<std::uint8_t, 16> remoteAddress{};
    std::uint16_t localPort = 0;
    std::uint16_t remotePort = 0;
    TcpState state = TcpState::Close;
    std::uint32_t txQueue = 0;
    std::uint32_t rxQueue = 0;     // for LISTEN sockets: the accept-queue depth
    std::uint32_t retransmits = 0; // the "retrnsmt" column
    std::uint32_t uid = 0;
    std::uint64_t inode = 0;
};

// "127.0.0.1", "::1", "::ffff:10.0.0.1": the local address as text.
QString localAddressText(const ProcTcpEntry &entry);

// The line format of /proc/net/tcp (or, with `ipv6`, /proc/net/tcp6). Pure: no I/O, and a
// line that parses allocates nothing, so a reader can run it over a million lines. Errors
// say what was wrong in plain words; nothing throws.
class ProcNetTcpParser
{
public:
    // What was wrong with a line, kept as pointers into the line so the parse itself never
    // allocates; only a caller that reports the error turns it into text.
    struct LineError
    {
        const char *field = nullptr;
        const char *expected = nullptr;
        std::string_view got;
        int fieldCount = -1; // >= 0: the line had too few fields
    };

    explicit ProcNetTcpParser(bool ipv6)
        : m_ipv6(ipv6)
    {}

    // Fills `entry` from one data line (not the header); false when the line is malformed.
    bool parse(std::string_view line, ProcTcpEntry &entry);
    // What was wrong with the line the last parse() refused, e.g. "local address: expected 8
    // hex digits, got 'zz'". It quotes that line: ask before the line's bytes change.
    QString error() const;

    // Whether `line` is the column header the kernel prints first ("  sl  local_address ...").
    static bool isHeader(std::string_view line);
    // How much of a line an error message quotes; past it, quoted() says the full length
    // (CutMark::ByteCount).
    static constexpr std::size_t kQuotedBytes = 48;

private:
    bool m_ipv6;
    LineError m_error;
};

// Parses one data line on its own (not the header). Errors as ProcNetTcpParser::error().
Result<ProcTcpEntry> parseProcNetTcpLine(std::string_view line, bool ipv6);

} // namespace anycast
