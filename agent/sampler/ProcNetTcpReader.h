#pragma once

#include "agent/sampler/ProcNetTcpParser.h"
#include "common/Result.h"

#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace anycast {

struct ProcNetTcpReadSummary
{
    std::uint64_t lines = 0;     // data lines seen (header excluded)
    std::uint64_t entries = 0;   // lines that parsed
    std::uint64_t malformed = 0; // lines that did not
    QStringList firstErrors;     // "PATH:LINE: message" for the first few malformed lines
};

// Streams a /proc/net/tcp-format file through a reusable buffer (no whole-file read, so a
// file with a million lines costs no more memory than one with ten) and hands each line to
// ProcNetTcpParser. Malformed lines are counted and skipped; a file that cannot be opened or
// read, or whose header is wrong, is an error.
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
