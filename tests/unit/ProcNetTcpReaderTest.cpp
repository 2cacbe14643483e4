// ProcNetTcpReader on real files: captured fixtures, lines cut short or garbled, binary bytes,
// overlong lines, lines across the buffer's edge, files it may not read, and 200,000 lines.
#include "agent/sampler/ProcNetTcpReader.h"

#include "tests/unit/ProcNetTcpTestSupport.h"
#include "tests/unit/UnprivilegedChild.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace anycast {
namespace {

using namespace proctcptest;

constexpr char kHeader4[] = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when "
                            "retrnsmt   uid  timeout inode";
QString fixture(const char *name)
{
    return QStringLiteral(ANYCAST_FIXTURE_DIR "/proc/tcp/") + QLatin1String(name);
}

// A line as get_tcp4_sock prints it. The address is printed from its in-memory bytes read as
// a native integer, exactly as the kernel does, so the round trip holds on any endianness.
std::string kernelLine(int slot, std::array<std::uint8_t, 4> address, unsigned port, unsigned state,
                       unsigned rxQueue, unsigned long inode)
{
    std::uint32_t native = 0;
    std::memcpy(&native, address.data(), sizeof native);
    char line[256];
    std::snprintf(line, sizeof line,
                  "%4d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX %08X %5u %8d %lu %d "
                  "%016lx %lu %lu %u %u %d",
                  slot, native, port, 0u, 0u, state, 0u, rxQueue, 0u, 0ul, 0u, 0u, 0, inode, 1, 0ul,
                  100ul, 0ul, 0u, 10u, 0);
    return line;
}

std::string padded(std::string line, std::size_t length)
{
    line.resize(length, ' ');
    return line;
}

struct ReadOutcome
{
    Result<ProcNetTcpReadSummary> summary;
    std::vector<ProcTcpEntry> entries;
};

ReadOutcome readFile(const QString &path, bool ipv6)
{
    ProcNetTcpReader reader;
    std::vector<ProcTcpEntry> entries;
    auto summary =
        reader.read(path, ipv6, [&](const ProcTcpEntry &entry) { entries.push_back(entry); });
    return {std::move(summary), std::move(entries)};
}

QString writeFile(const QTemporaryDir &dir, const char *name, const QByteArray &contents)
{
    const QString path = dir.filePath(QLatin1String(name));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    EXPECT_EQ(file.write(contents), contents.size());
    return path;
}

QByteArray joined(const std::vector<std::string> &lines)
{
    QByteArray out;
    for (const std::string &line : lines)
        out.append(line.data(), static_cast<qsizetype>(line.size())).append('\n');
    return out;
}

TEST(ProcNetTcpReader, ReadsACapturedIpv4File)
{
    const ReadOutcome read = readFile(fixture("dual/net/tcp"), false);
    ASSERT_TRUE(read.summary.ok()) << text(read.summary.error());
    EXPECT_EQ(read.summary->lines, 15u);
    EXPECT_EQ(read.summary->entries, 15u);
    EXPECT_EQ(read.summary->malformed, 0u);
    EXPECT_TRUE(read.summary->firstErrors.isEmpty());
    ASSERT_EQ(read.entries.size(), 15u);
    // Line 4 of the file: the 443 listener with three connections waiting to be accepted.
    const ProcTcpEntry &listener = read.entries[2];
    EXPECT_EQ(listener.state, TcpState::Listen);
    EXPECT_EQ(listener.localPort, 443);
    EXPECT_EQ(listener.rxQueue, 3u);
    EXPECT_EQ(listener.inode, 14458u);
    EXPECT_EQ(text(localAddressText(listener)), "0.0.0.0");
    EXPECT_EQ(read.entries[12].state, TcpState::TimeWait);
    EXPECT_EQ(read.entries[13].state, TcpState::SynRecv);
}

TEST(ProcNetTcpReader, ReadsACapturedIpv6File)
{
    const ReadOutcome read = readFile(fixture("dual/net/tcp6"), true);
    ASSERT_TRUE(read.summary.ok()) << text(read.summary.error());
    EXPECT_EQ(read.summary->lines, 7u);
    EXPECT_EQ(read.summary->entries, 7u);
    ASSERT_EQ(read.entries.size(), 7u);
    const char *expected[] = {"::",  "::1",         "::1", "::ffff:127.0.0.1", "::ffff:127.0.0.1",
                              "::1", "2001:db8::10"};
    for (std::size_t i = 0; i < read.entries.size(); ++i)
        EXPECT_EQ(text(localAddressText(read.entries[i])), expected[i]) << "entry " << i;
    EXPECT_EQ(read.entries[0].rxQueue, 2u);
    EXPECT_EQ(read.entries[6].uid, 101u);
    EXPECT_EQ(read.entries[6].inode, 20001u);
}

TEST(ProcNetTcpReader, HeaderOnlyFileHasNoEntries)
{
    const ReadOutcome read = readFile(fixture("header-only"), true);
    ASSERT_TRUE(read.summary.ok()) << text(read.summary.error());
    EXPECT_EQ(read.summary->lines, 0u);
    EXPECT_EQ(read.summary->entries, 0u);
    EXPECT_EQ(read.summary->malformed, 0u);
    EXPECT_TRUE(read.entries.empty());
}

TEST(ProcNetTcpReader, CountsAndReportsTruncatedLines)
{
    const QString path = fixture("truncated");
    const ReadOutcome read = readFile(path, false);
    ASSERT_TRUE(read.summary.ok()) << text(read.summary.error());
    EXPECT_EQ(read.summary->lines, 5u);
    EXPECT_EQ(read.summary->entries, 2u);
    EXPECT_EQ(read.summary->malformed, 3u);
    const QStringList expected = {
        path + QStringLiteral(":3: expected at least 10 fields (sl to inode), got 9"),
        path + QStringLiteral(":4: expected at least 10 fields (sl to inode), got 2"),
        path + QStringLiteral(":5: expected at least 10 fields (sl to inode), got 3"),
    };
    EXPECT_EQ(read.summary->firstErrors, expected);
    ASSERT_EQ(read.entries.size(), 2u);
    EXPECT_EQ(read.entries[0].inode, 5001u);
    EXPECT_EQ(read.entries[1].inode, 5005u);
}

TEST(ProcNetTcpReader, SkipsGarbageButKeepsCountingAndStopsReportingAtTheLimit)
{
    const QString path = fixture("garbage");
    const ReadOutcome read = readFile(path, false);
    ASSERT_TRUE(read.summary.ok()) << text(read.summary.error());
    EXPECT_EQ(read.summary->lines, 15u);
    EXPECT_EQ(read.summary->entries, 2u);
    EXPECT_EQ(read.summary->malformed, 13u);
    const QStringList expected = {
        path + QStringLiteral(":3: local address: expected 8 hex digits, got '0100007G'"),
        path + QStringLiteral(":4: state: expected a hex state 01..0B, got '00'"),
        path + QStringLiteral(":5: state: expected a hex state 01..0B, got '0C'"),
        path + QStringLiteral(":6: local port: expected 4 hex digits, got '00ZZ'"),
        path + QStringLiteral(":7: local port: expected 4 hex digits, got '035'"),
    };
    static_assert(ProcNetTcpReader::kMaxReportedErrors == 5);
    EXPECT_EQ(read.summary->firstErrors, expected);
    ASSERT_EQ(read.entries.size(), 2u);
    EXPECT_EQ(read.entries[0].inode, 6001u);
    EXPECT_EQ(read.entries[1].inode, 6012u);
}

TEST(ProcNetTcpReader, FileWithoutTheHeaderIsAnError)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const std::string expected = ":1: not a /proc/net/tcp file: expected a header starting with "
                                 "'sl', got ";
    const std::string overlong = padded(kHeader4, ProcNetTcpReader::kBufferSize + 1);
    static constexpr char kElf[] = "\x7f"
                                   "ELF\x02\x01\x01\x00\n";
    const std::pair<QString, std::string> cases[] = {
        {fixture("wrong-header"),
         expected + "'Num       RefCount Protocol Flags    Type St Ino' (55 bytes)"},
        {writeFile(dir, "elf", QByteArray(kElf, sizeof kElf - 1)),
         expected + "'\\x7fELF\\x02\\x01\\x01\\x00'"},
        {writeFile(dir, "overlong", joined({overlong, kListenLine})),
         expected + "line longer than 4096 bytes"},
        {writeFile(dir, "empty", QByteArray()), ": empty file, expected the /proc/net/tcp header"},
    };
    for (const auto &[path, error] : cases) {
        const ReadOutcome read = readFile(path, false);
        ASSERT_FALSE(read.summary.ok()) << text(path);
        EXPECT_EQ(text(read.summary.error()), text(path) + error);
        EXPECT_TRUE(read.entries.empty());
    }
}

TEST(ProcNetTcpReader, BinaryBytesAreMalformedLinesNotACrash)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    static constexpr char kNulLine[] = "\x00\x01\xff\xfe 0100007F:1F90\x00\x00\n";
    std::string controlAddress = kListenLine;
    controlAddress.replace(controlAddress.find("0100007F"), 8, "\x1b[2J\x80\x81\x00\x7f", 8);
    QByteArray contents = joined({kHeader4, kListenLine});
    contents.append(QByteArray(kNulLine, sizeof kNulLine - 1));
    contents.append(QByteArray(300, '\0')).append('\n');
    contents.append(controlAddress.data(), static_cast<qsizetype>(controlAddress.size()));
    contents.append('\n').append(kListenLine).append('\n');
    const QString path = writeFile(dir, "tcp", contents);

    const ReadOutcome read = readFile(path, false);
    ASSERT_TRUE(read.summary.ok()) << text(read.summary.error());
    EXPECT_EQ(read.summary->lines, 5u);
    EXPECT_EQ(read.summary->entries, 2u);
    EXPECT_EQ(read.summary->malformed, 3u);
    ASSERT_EQ(read.summary->firstErrors.size(), 3);
    EXPECT_EQ(text(read.summary->firstErrors[0]),
              text(path) + ":3: expected at least 10 fields (sl to inode), got 2");
    EXPECT_EQ(text(read.summary->firstErrors[1]),
              text(path) + ":4: expected at least 10 fields (sl to inode), got 1");
    EXPECT_EQ(text(read.summary->firstErrors[2]),
              text(path) + ":5: local address: expected 8 hex digits, got "
                           "'\\x1b[2J\\x80\\x81\\x00\\x7f'");
    EXPECT_EQ(read.entries.size(), 2u);
}

TEST(ProcNetTcpReader, ParsesAFinalLineWithoutNewlineAndCrlfLines)
{
    for (const auto &[name, firstInode] : {std::pair{"no-final-newline", 7001u}, {"crlf", 8001u}}) {
        const ReadOutcome read = readFile(fixture(name), false);
        ASSERT_TRUE(read.summary.ok()) << text(read.summary.error());
        EXPECT_EQ(read.summary->lines, 2u) << name;
        EXPECT_EQ(read.summary->malformed, 0u) << name;
        ASSERT_EQ(read.entries.size(), 2u) << name;
        EXPECT_EQ(read.entries[0].inode, firstInode) << name;
        EXPECT_EQ(read.entries[1].inode, firstInode + 1) << name;
        EXPECT_EQ(read.entries[1].state, TcpState::Established) << name;
    }
}

TEST(ProcNetTcpReader, OverlongLinesAreMalformedAndReadingGoesOn)
{
    constexpr std::size_t kMax = ProcNetTcpReader::kMaxLineLength;
    static_assert(ProcNetTcpReader::kBufferSize > kMax);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QByteArray contents = joined({
        kHeader4,
        padded(kernelLine(0, {127, 0, 0, 1}, 80, 0x0A, 0, 1001), kMax), // at the limit: fine
        padded(kernelLine(1, {127, 0, 0, 1}, 80, 0x0A, 0, 1002), kMax + 1),
        std::string(3 * ProcNetTcpReader::kBufferSize + 17, 'x'), // spans several reads
        kernelLine(3, {127, 0, 0, 1}, 80, 0x0A, 0, 1004),
        std::string(kMax + 1, 'y'),
        kernelLine(5, {127, 0, 0, 1}, 80, 0x0A, 0, 1006),
    });
    // And a last line that is still too long when the file ends without a newline.
    contents.append(QByteArray(2 * ProcNetTcpReader::kBufferSize, 'z'));
    const QString path = writeFile(dir, "tcp", contents);

    const ReadOutcome read = readFile(path, false);
    ASSERT_TRUE(read.summary.ok()) << text(read.summary.error());
    EXPECT_EQ(read.summary->lines, 7u);
    EXPECT_EQ(read.summary->entries, 3u);
    EXPECT_EQ(read.summary->malformed, 4u);
    QStringList expected;
    for (const int line : {3, 4, 6, 8})
        expected.append(
            QStringLiteral("%1:%2: line longer than %3 bytes").arg(path).arg(line).arg(kMax));
    EXPECT_EQ(read.summary->firstErrors, expected);
    ASSERT_EQ(read.entries.size(), 3u);
    EXPECT_EQ(read.entries[0].inode, 1001u);
    EXPECT_EQ(read.entries[1].inode, 1004u);
    EXPECT_EQ(read.entries[2].inode, 1006u);
}

// Builds a file of valid lines whose inodes count up from 1, and places lines exactly where a
// test wants them relative to the reader's buffer.
class LinePlanner
{
public:
    LinePlanner() { add(kHeader4); }

    // Pads with valid lines until the file is `target` bytes long.
    void fillTo(std::size_t target)
    {
        constexpr std::size_t kChunk = 4000;
        constexpr std::size_t kShortest = 200; // any kernelLine() fits
        while (m_size < target) {
            const std::size_t remaining = target - m_size;
            std::size_t length = std::min(remaining, kChunk);
            if (remaining > kChunk && remaining - kChunk < kShortest)
                length = remaining / 2;
            addLine(length - 1);
        }
    }
    void addLine(std::size_t length)
    {
        add(padded(kernelLine(0, {10, 0, 0, 1}, 443, 1, 0, m_nextInode++), length));
    }
    std::size_t size() const { return m_size; }
    unsigned long linesAdded() const { return m_nextInode - 1; }
    const QByteArray &contents() const { return m_contents; }

private:
    void add(const std::string &line)
    {
        m_contents.append(line.data(), static_cast<qsizetype>(line.size())).append('\n');
        m_size += line.size() + 1;
    }

    QByteArray m_contents;
    std::size_t m_size = 0;
    unsigned long m_nextInode = 1;
};

void expectEveryLineParsed(const LinePlanner &plan, const std::string &label)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const ReadOutcome read = readFile(writeFile(dir, "tcp", plan.contents()), false);
    ASSERT_TRUE(read.summary.ok()) << text(read.summary.error());
    EXPECT_EQ(read.summary->malformed, 0u)
        << label << ": " << text(read.summary->firstErrors.join('\n'));
    ASSERT_EQ(read.entries.size(), plan.linesAdded()) << label;
    for (std::size_t i = 0; i < read.entries.size(); ++i)
        EXPECT_EQ(read.entries[i].inode, i + 1) << label;
}

TEST(ProcNetTcpReader, LinesAcrossTheBufferBoundaryParse)
{
    constexpr auto kBuffer = static_cast<long>(ProcNetTcpReader::kBufferSize);
    constexpr auto kMax = static_cast<long>(ProcNetTcpReader::kMaxLineLength);
    for (long delta = -3; delta <= 3; ++delta) {
        // A newline just before, on and just after the end of the first read, where an
        // off-by-one in carrying a partial line over would corrupt or drop a line.
        LinePlanner newlines;
        newlines.fillTo(static_cast<std::size_t>(kBuffer + delta));
        ASSERT_EQ(newlines.size(), static_cast<std::size_t>(kBuffer + delta));
        for (int i = 0; i < 3; ++i)
            newlines.addLine(150);
        expectEveryLineParsed(newlines, "newline at " + std::to_string(kBuffer + delta - 1));

        // A line of exactly kMaxLineLength still unfinished at the end of a read: the largest
        // partial line the reader must carry over rather than drop as overlong.
        LinePlanner longest;
        longest.fillTo(static_cast<std::size_t>(kBuffer - kMax + delta));
        longest.addLine(static_cast<std::size_t>(kMax));
        longest.addLine(150);
        expectEveryLineParsed(longest, "longest line at " + std::to_string(kBuffer - kMax + delta));
    }
}

TEST(ProcNetTcpReader, FileThatCannotBeReadIsAnErrorWithItsErrno)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString unreadable = writeFile(dir, "unreadable", joined({kHeader4, kListenLine}));
    ASSERT_EQ(::chmod(QFile::encodeName(unreadable).constData(), 0), 0);
    struct Case
    {
        QString path;
        const char *verb;
        int error;
    };
    std::vector<Case> cases = {{dir.filePath(QStringLiteral("missing")), "open", ENOENT},
                               {dir.path(), "read", EISDIR}};
    for (const Case &c : cases) {
        ProcNetTcpReader reader;
        const auto read = reader.read(c.path, false, [](const ProcTcpEntry &) {});
        ASSERT_FALSE(read.ok()) << text(c.path);
        EXPECT_EQ(reader.lastErrno(), c.error) << text(c.path);
        EXPECT_EQ(text(read.error()), std::string("cannot ") + c.verb + " " + text(c.path) + ": " +
                                          std::strerror(c.error));
    }

    // Root reads anything: the permission case runs as nobody in a child process.
    ASSERT_EQ(::chmod(QFile::encodeName(dir.path()).constData(), 0755), 0);
    const std::string expected = "cannot open " + text(unreadable) + ": " + std::strerror(EACCES);
    const int result = test::runUnprivileged([&] {
        ProcNetTcpReader reader;
        const auto read = reader.read(unreadable, false, [](const ProcTcpEntry &) {});
        if (read.ok())
            return 1;
        return reader.lastErrno() == EACCES && text(read.error()) == expected ? 0 : 2;
    });
    EXPECT_EQ(result, 0) << "1: the read succeeded; 2: not EACCES or not '" << expected << "'";
}

TEST(ProcNetTcpReader, ReaderCanBeReusedAcrossFiles)
{
    ProcNetTcpReader reader;
    std::uint64_t inodeSum = 0;
    const auto add = [&](const ProcTcpEntry &entry) { inodeSum += entry.inode; };
    ASSERT_TRUE(reader.read(fixture("truncated"), false, add).ok());
    EXPECT_EQ(inodeSum, 5001u + 5005u);
    // A failed read in between must leave nothing behind for the next one.
    EXPECT_FALSE(reader.read(fixture("wrong-header"), false, add).ok());
    EXPECT_EQ(reader.lastErrno(), 0);
    inodeSum = 0;
    const auto again = reader.read(fixture("truncated"), false, add);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->malformed, 3u);
    EXPECT_EQ(inodeSum, 5001u + 5005u);
}

// Everything a line carries that the generator varies, folded into one number per line.
std::uint64_t fingerprint(std::uint64_t inode, unsigned port, unsigned queue,
                          const std::array<std::uint8_t, 16> &address)
{
    std::uint32_t host = 0;
    std::memcpy(&host, address.data(), sizeof host);
    return inode * 1'000'003 ^ (std::uint64_t{port} << 24) ^ (std::uint64_t{queue} << 44) ^
           (std::uint64_t{host} << 8);
}

TEST(ProcNetTcpReader, LargeFileCountsAreExact)
{
    constexpr int kLines = 200000;
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("tcp"));
    std::FILE *file = std::fopen(QFile::encodeName(path).constData(), "w");
    ASSERT_NE(file, nullptr);
    std::fprintf(file, "%-149s\n", kHeader4);
    std::array<std::uint64_t, kTcpStateCount> written{};
    std::uint64_t writtenSum = 0;
    int bad = 0;
    int firstBadLine = 0;
    for (int i = 0; i < kLines; ++i) {
        const bool malformed = i % 997 == 500;
        const unsigned state = malformed ? 0x0C : 1 + i % kTcpStateCount;
        const auto port = static_cast<unsigned>(1 + i % 65535);
        const auto queue = static_cast<unsigned>(i % 7);
        const std::array<std::uint8_t, 4> address = {10, static_cast<std::uint8_t>(i >> 16),
                                                     static_cast<std::uint8_t>(i >> 8),
                                                     static_cast<std::uint8_t>(i)};
        const std::string line = kernelLine(i, address, port, state, queue, 100000ul + i);
        std::fprintf(file, "%-149s\n", line.c_str());
        if (malformed && bad++ == 0)
            firstBadLine = i + 2;
        if (malformed)
            continue;
        ++written[state - 1];
        writtenSum += fingerprint(100000ul + i, port, queue,
                                  bytes({address[0], address[1], address[2], address[3]}));
    }
    ASSERT_EQ(std::fclose(file), 0);

    std::array<std::uint64_t, kTcpStateCount> seen{};
    std::uint64_t seenSum = 0;
    ProcNetTcpReader reader;
    const auto start = std::chrono::steady_clock::now();
    const auto read = reader.read(path, false, [&](const ProcTcpEntry &entry) {
        ++seen[stateIndex(entry.state)];
        seenSum += fingerprint(entry.inode, entry.localPort, entry.rxQueue, entry.localAddress);
    });
    const auto elapsed =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::cout << "[ timing   ] " << kLines << " lines parsed in " << elapsed << " ms\n";
    RecordProperty("parse_ms", std::to_string(elapsed));

    ASSERT_TRUE(read.ok()) << text(read.error());
    EXPECT_EQ(read->lines, static_cast<std::uint64_t>(kLines));
    EXPECT_EQ(read->malformed, static_cast<std::uint64_t>(bad));
    EXPECT_EQ(read->entries, static_cast<std::uint64_t>(kLines - bad));
    ASSERT_FALSE(read->firstErrors.isEmpty());
    EXPECT_EQ(text(read->firstErrors[0]), text(path) + ":" + std::to_string(firstBadLine) +
                                              ": state: expected a hex state 01..0B, got '0C'");
    EXPECT_EQ(seen, written);
    EXPECT_EQ(seenSum, writtenSum);
    // Generous, so a sanitizer or debug build passes; an optimised build takes tens of ms.
    EXPECT_LT(elapsed, 2000.0);
}

} // namespace
} // namespace anycast
