#pragma once

#include "Result.h"
#include "TcpState.h"

#include <QStringList>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

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

// Parses one data line (not the header). Errors say what was wrong in plain words,
// e.g. "local address: expected 8 hex digits, got 'zz'". Never throws.
Result<ProcTcpEntry> parseProcNetTcpLine(std::string_view line, bool ipv6);

struct ProcNetTcpReadSummary
{
    std::uint64_t lines = 0;     // data lines seen (header excluded)
    std::uint64_t entries = 0;   // lines that parsed
    std::uint64_t malformed = 0; // lines that did not
    QStringList firstErrors;     // "PATH:LINE: message" for the first few malformed lines
};

// Streams a /proc/net/tcp-format file through a reusable buffer (no whole-file read, so a
// file with a million lines costs no more memory than one with ten). Malformed lines are
// counted and skipped; a file that cannot be opened or read, or whose header is wrong, is
// an error.
class ProcNetTcpReader
{
public:
    static constexpr int kMaxReportedErrors = 5;
    // The kernel writes lines of about 150 bytes; anything this long is not its output.
    static constexpr std::size_t kMaxLineLength = 4096;
    static constexpr std::size_t kBufferSize = 64 * 1024;

    using EntryHandler = std::function<void(const ProcTcpEntry &)>;
    Result<ProcNetTcpReadSummary> read(const QString &path, bool ipv6, const EntryHandler &onEntry);

    // errno of the open() or read() that made the last read() fail, 0 when it did not fail
    // that way: lets a caller tell a missing file (ENOENT, e.g. tcp6 with IPv6 disabled) from
    // an unreadable one without racing a separate existence check.
    int lastErrno() const { return m_lastErrno; }

private:
    std::vector<char> m_buffer;
    int m_lastErrno = 0;
};

} // namespace anycast
