#include "agent/sampler/ProcNetTcpReader.h"

#include "agent/support/ErrnoText.h"
#include "agent/support/FileDescriptor.h"
#include "agent/support/TextQuoting.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace anycast {

Result<ProcNetTcpReadSummary> ProcNetTcpReader::read(const QString &path, bool ipv6,
                                                     const EntryHandler &onEntry)
{
    using ReadResult = Result<ProcNetTcpReadSummary>;
    m_lastErrno = 0;
    const auto systemFailure = [&](const char *what) {
        m_lastErrno = errno;
        return ReadResult::failure(QStringLiteral("cannot %1 %2: %3")
                                       .arg(QLatin1String(what), path, errnoText(m_lastErrno)));
    };

    const QByteArray nativePath = QFile::encodeName(path);
    const FileDescriptor file(::open(nativePath.constData(), O_RDONLY | O_CLOEXEC));
    if (file.get() < 0)
        return systemFailure("open");
    if (m_buffer.size() < kBufferSize)
        m_buffer.resize(kBufferSize);

    ProcNetTcpReadSummary summary;
    std::uint64_t lineNumber = 0;
    QString headerError;
    ProcNetTcpParser parser(ipv6);
    ProcTcpEntry entry;

    const auto reportMalformed = [&](const QString &message) {
        ++summary.malformed;
        if (summary.firstErrors.size() < kMaxReportedErrors)
            summary.firstErrors.append(
                QStringLiteral("%1:%2: %3").arg(path, QString::number(lineNumber), message));
    };
    const auto overlong = [&] {
        return QStringLiteral("line longer than %1 bytes").arg(kMaxLineLength);
    };
    // Returns false when the header is wrong: then the file is not ours to count.
    const auto handleLine = [&](std::string_view line, bool cutShort) {
        const bool tooLong = cutShort || line.size() > kMaxLineLength;
        ++lineNumber;
        if (lineNumber == 1) {
            if (!tooLong && ProcNetTcpParser::isHeader(line))
                return true;
            headerError = QStringLiteral("%1:1: not a /proc/net/tcp%2 file: expected a header "
                                         "starting with 'sl', got %3")
                              .arg(path, ipv6 ? QStringLiteral("6") : QString(),
                                   tooLong ? overlong()
                                           : quoted(line, ProcNetTcpParser::kQuotedBytes,
                                                    CutMark::ByteCount));
            return false;
        }
        ++summary.lines;
        if (tooLong) {
            reportMalformed(overlong());
        } else if (parser.parse(line, entry)) {
            ++summary.entries;
            onEntry(entry);
        } else {
            reportMalformed(parser.error());
        }
        return true;
    };

    char *const buffer = m_buffer.data();
    std::size_t begin = 0; // first byte not yet handled
    std::size_t end = 0;   // one past the last byte read
    bool skipping = false; // inside an overlong line already counted: drop bytes to its end
    for (;;) {
        const ssize_t got = ::read(file.get(), buffer + end, m_buffer.size() - end);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return systemFailure("read");
        }
        end += static_cast<std::size_t>(got);

        while (begin < end) {
            const auto *newline =
                static_cast<const char *>(std::memchr(buffer + begin, '\n', end - begin));
            if (!newline)
                break;
            const auto length = static_cast<std::size_t>(newline - (buffer + begin));
            if (skipping)
                skipping = false;
            else if (!handleLine(std::string_view(buffer + begin, length), false))
                return ReadResult::failure(headerError);
            begin += length + 1;
        }

        const std::size_t partial = end - begin;
        if (got == 0) {
            // A last line with no newline is still a line.
            if (!skipping && partial > 0 &&
                !handleLine(std::string_view(buffer + begin, partial), false)) {
                return ReadResult::failure(headerError);
            }
            break;
        }
        if (skipping) {
            begin = end = 0;
        } else if (partial > kMaxLineLength) {
            // Count it now and drop it, so no line can make the buffer grow.
            if (!handleLine(std::string_view(buffer + begin, partial), true))
                return ReadResult::failure(headerError);
            skipping = true;
            begin = end = 0;
        } else {
            std::memmove(buffer, buffer + begin, partial);
            begin = 0;
            end = partial;
        }
    }

    if (lineNumber == 0) {
        return ReadResult::failure(
            QStringLiteral("%1: empty file, expected the /proc/net/tcp header").arg(path));
    }
    return ReadResult::success(std::move(summary));
}

} // namespace anycast
