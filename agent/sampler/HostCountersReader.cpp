#include "agent/sampler/HostCountersReader.h"

#include "agent/support/ErrnoText.h"
#include "agent/support/FileDescriptor.h"
#include "agent/support/TextQuoting.h"

#include <QFile>

#include <array>
#include <cerrno>
#include <charconv>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace anycast {

namespace {

struct WatchedCounter
{
    std::string_view group;
    std::string_view name;
};

constexpr std::array<WatchedCounter, 10> kWatchedCounters{{
    {"Tcp", "RetransSegs"},
    {"Tcp", "OutSegs"},
    {"Tcp", "AttemptFails"},
    {"Tcp", "EstabResets"},
    {"Tcp", "InErrs"},
    {"TcpExt", "ListenOverflows"},
    {"TcpExt", "ListenDrops"},
    {"TcpExt", "TCPTimeouts"},
    {"TcpExt", "TCPSynRetrans"},
    {"TcpExt", "TCPAbortOnTimeout"},
}};

// The real files are a few KiB; the cap only stops a wrong proc root (a huge file, a device)
// from costing unbounded memory.
constexpr std::size_t kMaxFileBytes = 1024 * 1024;

bool isWatchedGroup(std::string_view group)
{
    for (const WatchedCounter &counter : kWatchedCounters) {
        if (counter.group == group)
            return true;
    }
    return false;
}

bool isWatched(std::string_view group, std::string_view name)
{
    for (const WatchedCounter &counter : kWatchedCounters) {
        if (counter.group == group && counter.name == name)
            return true;
    }
    return false;
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

bool isBlankLine(std::string_view line)
{
    for (char c : line) {
        if (!isBlank(c))
            return false;
    }
    return true;
}

bool isWhitespaceOnly(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool isIdentifierChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

QString latin1(std::string_view text)
{
    return QString::fromLatin1(text.data(), static_cast<qsizetype>(text.size()));
}

// How much of the file's text an error quotes: garbage must not put megabytes of one line
// into a warning that ends up in logs and on the console.
constexpr std::size_t kQuotedBytes = 40;

// Hands out the lines of a text one at a time, numbered from 1, without copying.
class LineCursor
{
public:
    explicit LineCursor(std::string_view text)
        : m_rest(text)
    {}

    bool next(std::string_view &line)
    {
        if (m_rest.empty())
            return false;
        const std::size_t end = m_rest.find('\n');
        line = m_rest.substr(0, end);
        m_rest = end == std::string_view::npos ? std::string_view{} : m_rest.substr(end + 1);
        ++m_number;
        return true;
    }

    int number() const { return m_number; }

private:
    std::string_view m_rest;
    int m_number = 0;
};

// Walks the blank-separated tokens of a line without storing them, so a single enormous line
// costs no memory beyond the text itself.
class TokenCursor
{
public:
    explicit TokenCursor(std::string_view text)
        : m_rest(text)
    {}

    bool next(std::string_view &token)
    {
        std::size_t start = 0;
        while (start < m_rest.size() && isBlank(m_rest[start]))
            ++start;
        if (start == m_rest.size())
            return false;
        std::size_t end = start;
        while (end < m_rest.size() && !isBlank(m_rest[end]))
            ++end;
        token = m_rest.substr(start, end - start);
        m_rest = m_rest.substr(end);
        return true;
    }

private:
    std::string_view m_rest;
};

std::size_t countTokens(std::string_view text)
{
    TokenCursor cursor(text);
    std::size_t count = 0;
    std::string_view token;
    while (cursor.next(token))
        ++count;
    return count;
}

// "Tcp: a b c" splits into the group "Tcp" and the body " a b c". False when the line does
// not start with an identifier and a colon.
bool splitGroupLine(std::string_view line, std::string_view &group, std::string_view &body)
{
    const std::size_t colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos)
        return false;
    for (std::size_t i = 0; i < colon; ++i) {
        if (!isIdentifierChar(line[i]))
            return false;
    }
    group = line.substr(0, colon);
    body = line.substr(colon + 1);
    return true;
}

enum class NumberError
{
    None,
    NotANumber,
    Negative,
    OutOfRange
};

NumberError parseUnsigned(std::string_view token, quint64 &value)
{
    if (!token.empty() && token.front() == '-')
        return NumberError::Negative;
    std::uint64_t parsed = 0;
    const char *end = token.data() + token.size();
    const auto [ptr, ec] = std::from_chars(token.data(), end, parsed);
    if (ec == std::errc::result_out_of_range)
        return NumberError::OutOfRange;
    if (ec != std::errc{} || ptr != end)
        return NumberError::NotANumber;
    value = parsed;
    return NumberError::None;
}

QString numberErrorText(NumberError error)
{
    switch (error) {
    case NumberError::Negative:
        return QStringLiteral("is negative");
    case NumberError::OutOfRange:
        return QStringLiteral("is out of range");
    case NumberError::NotANumber:
    case NumberError::None:
        break;
    }
    return QStringLiteral("is not a number");
}

QString lineError(int lineNumber, const QString &message)
{
    return QStringLiteral("line %1: %2").arg(lineNumber).arg(message);
}

// What stands where a values line should be, for the error that says it is missing.
QString describeInsteadOfValues(bool atEnd, int lineNumber, std::string_view line)
{
    if (atEnd)
        return QStringLiteral("the file ends");
    std::string_view group;
    std::string_view body;
    if (splitGroupLine(line, group, body))
        return QStringLiteral("line %1 is %2").arg(lineNumber).arg(latin1(group));
    if (isBlankLine(line))
        return QStringLiteral("line %1 is blank").arg(lineNumber);
    return QStringLiteral("line %1 is %2")
        .arg(lineNumber)
        .arg(quoted(line, kQuotedBytes, CutMark::Ellipsis));
}

struct FileText
{
    std::string bytes;
    QString error;
};

// The proc files report a size of 0, so they are read until end of file rather than sized
// up front.
FileText readSmallFile(const QString &path)
{
    FileText result;
    const auto cannotRead = [&path](const QString &why) {
        return QStringLiteral("cannot read %1: %2").arg(path, why);
    };
    // O_NONBLOCK: a FIFO under a wrong proc root must not hang the sampler in open().
    FileDescriptor fd(
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (fd.get() < 0) {
        result.error = cannotRead(errnoText(errno));
        return result;
    }
    struct stat status; // filled in by fstat
    if (::fstat(fd.get(), &status) != 0) {
        result.error = cannotRead(errnoText(errno));
        return result;
    }
    if (S_ISDIR(status.st_mode)) {
        result.error = cannotRead(errnoText(EISDIR));
        return result;
    }
    if (!S_ISREG(status.st_mode)) {
        result.error = cannotRead(QStringLiteral("not a regular file"));
        return result;
    }
    std::array<char, 4096> chunk{};
    for (;;) {
        const ssize_t got = ::read(fd.get(), chunk.data(), chunk.size());
        if (got < 0) {
            if (errno == EINTR)
                continue;
            result.error = cannotRead(errnoText(errno));
            return result;
        }
        if (got == 0)
            break;
        if (result.bytes.size() + static_cast<std::size_t>(got) > kMaxFileBytes) {
            result.error = cannotRead(
                QStringLiteral("larger than %1 bytes, not a counters file").arg(kMaxFileBytes));
            return result;
        }
        result.bytes.append(chunk.data(), static_cast<std::size_t>(got));
    }
    return result;
}

QString joinPath(const QString &root, QLatin1String relative)
{
    if (root.endsWith(QLatin1Char('/')))
        return root + relative;
    return root + QLatin1Char('/') + relative;
}

} // namespace

const QStringList &watchedHostCounters()
{
    static const QStringList names = [] {
        QStringList result;
        for (const WatchedCounter &counter : kWatchedCounters)
            result.append(latin1(counter.group) + QLatin1Char('.') + latin1(counter.name));
        return result;
    }();
    return names;
}

Result<QMap<QString, quint64>> parseSnmpFormat(std::string_view text)
{
    using ParseResult = Result<QMap<QString, quint64>>;
    if (isWhitespaceOnly(text))
        return ParseResult::failure(QStringLiteral("empty file"));

    QMap<QString, quint64> counters;
    bool sawTcpGroup = false;
    LineCursor lines(text);
    std::string_view namesLine;
    while (lines.next(namesLine)) {
        if (isBlankLine(namesLine))
            continue;
        const int namesLineNumber = lines.number();
        std::string_view group;
        std::string_view names;
        if (!splitGroupLine(namesLine, group, names)) {
            return ParseResult::failure(lineError(
                namesLineNumber, QStringLiteral("expected 'Group: names...', got %1")
                                     .arg(quoted(namesLine, kQuotedBytes, CutMark::Ellipsis))));
        }

        std::string_view valuesLine;
        const bool atEnd = !lines.next(valuesLine);
        std::string_view valuesGroup;
        std::string_view values;
        if (atEnd || !splitGroupLine(valuesLine, valuesGroup, values) || valuesGroup != group) {
            return ParseResult::failure(lineError(
                namesLineNumber, QStringLiteral("%1 names line has no values line (%2)")
                                     .arg(latin1(group), describeInsteadOfValues(
                                                             atEnd, lines.number(), valuesLine))));
        }
        const int valuesLineNumber = lines.number();

        // Counted first so a short or long values line is an error before any of it is used:
        // names and values pair up by position, so one missing value shifts every other one.
        const std::size_t nameCount = countTokens(names);
        const std::size_t valueCount = countTokens(values);
        if (nameCount != valueCount) {
            return ParseResult::failure(
                lineError(valuesLineNumber, QStringLiteral("%1 has %2 names but %3 values")
                                                .arg(latin1(group))
                                                .arg(nameCount)
                                                .arg(valueCount)));
        }

        if (!isWatchedGroup(group))
            continue;
        sawTcpGroup = true;
        TokenCursor nameCursor(names);
        TokenCursor valueCursor(values);
        std::string_view name;
        std::string_view value;
        while (nameCursor.next(name) && valueCursor.next(value)) {
            if (!isWatched(group, name))
                continue;
            quint64 parsed = 0;
            const NumberError error = parseUnsigned(value, parsed);
            const QString key = latin1(group) + QLatin1Char('.') + latin1(name);
            if (error != NumberError::None) {
                return ParseResult::failure(lineError(
                    valuesLineNumber, QStringLiteral("value %1 of %2 %3")
                                          .arg(quoted(value, kQuotedBytes, CutMark::Ellipsis), key,
                                               numberErrorText(error))));
            }
            counters.insert(key, parsed);
        }
    }

    if (!sawTcpGroup) {
        return ParseResult::failure(
            QStringLiteral("no Tcp counters found: the file has neither a Tcp nor a TcpExt group"));
    }
    return ParseResult::success(std::move(counters));
}

Result<SockStat> parseSockStat(std::string_view text)
{
    using ParseResult = Result<SockStat>;
    if (isWhitespaceOnly(text))
        return ParseResult::failure(QStringLiteral("empty file"));

    LineCursor lines(text);
    std::string_view line;
    int tcpLineNumber = 0;
    SockStat result;
    while (lines.next(line)) {
        std::string_view group;
        std::string_view body;
        if (!splitGroupLine(line, group, body) || group != "TCP")
            continue;
        if (tcpLineNumber != 0) {
            return ParseResult::failure(lineError(
                lines.number(),
                QStringLiteral("a second TCP line (the first is line %1)").arg(tcpLineNumber)));
        }
        tcpLineNumber = lines.number();

        struct Field
        {
            std::string_view key;
            quint64 *target;
            bool seen;
        };
        std::array<Field, 5> fields{{
            {"inuse", &result.inUse, false},
            {"orphan", &result.orphan, false},
            {"tw", &result.timeWait, false},
            {"alloc", &result.allocated, false},
            {"mem", &result.memoryPages, false},
        }};
        TokenCursor tokens(body);
        std::string_view key;
        while (tokens.next(key)) {
            std::string_view value;
            if (!tokens.next(value)) {
                return ParseResult::failure(lineError(
                    tcpLineNumber, QStringLiteral("TCP %1 has no value")
                                       .arg(quoted(key, kQuotedBytes, CutMark::Ellipsis))));
            }
            for (Field &field : fields) {
                if (field.key != key)
                    continue; // newer kernels may add keys; only the known ones matter
                const NumberError error = parseUnsigned(value, *field.target);
                if (error != NumberError::None) {
                    return ParseResult::failure(lineError(
                        tcpLineNumber, QStringLiteral("value %1 of TCP %2 %3")
                                           .arg(quoted(value, kQuotedBytes, CutMark::Ellipsis),
                                                latin1(key), numberErrorText(error))));
                }
                field.seen = true;
            }
        }
        for (const Field &field : fields) {
            if (!field.seen) {
                return ParseResult::failure(lineError(
                    tcpLineNumber, QStringLiteral("TCP line has no '%1'").arg(latin1(field.key))));
            }
        }
    }
    if (tcpLineNumber == 0)
        return ParseResult::failure(QStringLiteral("no TCP line"));
    return ParseResult::success(result);
}

QMap<QString, double> counterRates(const QMap<QString, quint64> &previous,
                                   const QMap<QString, quint64> &current, double elapsedSeconds)
{
    QMap<QString, double> rates;
    // Written so that NaN fails too: a clock glitch gives no rates, not NaN rates.
    if (!(elapsedSeconds > 0))
        return rates;
    for (auto it = current.constBegin(); it != current.constEnd(); ++it) {
        const auto before = previous.constFind(it.key());
        if (before == previous.constEnd() || it.value() < before.value())
            continue;
        rates.insert(it.key(), static_cast<double>(it.value() - before.value()) / elapsedSeconds);
    }
    return rates;
}

HostCountersReader::HostCountersReader(QString procRoot)
    : m_procRoot(std::move(procRoot))
{}

Result<HostCounters> HostCountersReader::read() const
{
    using ReadResult = Result<HostCounters>;
    HostCounters host;

    for (const QLatin1String relative : {QLatin1String("net/snmp"), QLatin1String("net/netstat")}) {
        const QString path = joinPath(m_procRoot, relative);
        const FileText file = readSmallFile(path);
        if (!file.error.isEmpty())
            return ReadResult::failure(file.error);
        Result<QMap<QString, quint64>> parsed = parseSnmpFormat(file.bytes);
        if (!parsed)
            return ReadResult::failure(QStringLiteral("%1: %2").arg(path, parsed.error()));
        host.counters.insert(parsed.value());
    }

    const QString sockstatPath = joinPath(m_procRoot, QLatin1String("net/sockstat"));
    const FileText sockstatFile = readSmallFile(sockstatPath);
    if (!sockstatFile.error.isEmpty())
        return ReadResult::failure(sockstatFile.error);
    Result<SockStat> sockstat = parseSockStat(sockstatFile.bytes);
    if (!sockstat)
        return ReadResult::failure(QStringLiteral("%1: %2").arg(sockstatPath, sockstat.error()));
    host.sockstat = sockstat.value();
    return ReadResult::success(std::move(host));
}

} // namespace anycast
