#include "HostCountersReader.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <sys/stat.h>

namespace anycast {
namespace {

const QString kHostFixtures = QStringLiteral(ANYCAST_FIXTURE_DIR "/proc/host");

QByteArray fixture(const QString &relative)
{
    QFile file(kHostFixtures + QLatin1Char('/') + relative);
    if (!file.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot open fixture " << relative.toStdString();
        return {};
    }
    return file.readAll();
}

std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

std::string text(const QString &value)
{
    return value.toStdString();
}

// A second, deliberately different reading of the snmp format (QString splitting and
// regular expressions instead of string_view cursors): every "Group.Name" in the text with
// its value as written. The tests compare the parser against this, not against numbers
// copied from the parser's own output.
QMap<QString, QString> referenceCounters(const QByteArray &bytes)
{
    QMap<QString, QString> result;
    const QStringList lines =
        QString::fromLatin1(bytes).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QRegularExpression blanks(QStringLiteral("\\s+"));
    for (qsizetype i = 0; i + 1 < lines.size(); i += 2) {
        QStringList names = lines[i].split(blanks, Qt::SkipEmptyParts);
        QStringList values = lines[i + 1].split(blanks, Qt::SkipEmptyParts);
        EXPECT_EQ(names.first(), values.first()) << "fixture lines are not in pairs";
        const QString group = names.takeFirst().chopped(1); // "Tcp:" -> "Tcp"
        values.removeFirst();
        EXPECT_EQ(names.size(), values.size());
        for (qsizetype n = 0; n < names.size() && n < values.size(); ++n)
            result.insert(group + QLatin1Char('.') + names[n], values[n]);
    }
    return result;
}

// The watched counters the reference reading finds, as numbers.
QMap<QString, quint64> watchedInReference(const QByteArray &bytes)
{
    const QMap<QString, QString> all = referenceCounters(bytes);
    QMap<QString, quint64> result;
    for (const QString &name : watchedHostCounters()) {
        if (!all.contains(name))
            continue;
        bool ok = false;
        result.insert(name, all.value(name).toULongLong(&ok));
        EXPECT_TRUE(ok) << text(name) << " in the fixture is not a number";
    }
    return result;
}

// The TCP line of a sockstat text, read independently of parseSockStat.
SockStat referenceSockStat(const QByteArray &bytes)
{
    SockStat result;
    const QStringList lines = QString::fromLatin1(bytes).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.startsWith(QStringLiteral("TCP: ")))
            continue;
        const QStringList parts = line.mid(5).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (qsizetype i = 0; i + 1 < parts.size(); i += 2) {
            const quint64 value = parts[i + 1].toULongLong();
            if (parts[i] == QStringLiteral("inuse"))
                result.inUse = value;
            else if (parts[i] == QStringLiteral("orphan"))
                result.orphan = value;
            else if (parts[i] == QStringLiteral("tw"))
                result.timeWait = value;
            else if (parts[i] == QStringLiteral("alloc"))
                result.allocated = value;
            else if (parts[i] == QStringLiteral("mem"))
                result.memoryPages = value;
        }
    }
    return result;
}

bool isPrintable(const QString &message)
{
    for (QChar c : message) {
        if (c.unicode() < 0x20 || c.unicode() >= 0x7f)
            return false;
    }
    return true;
}

const QString kTcpNames = QStringLiteral(
    "Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails "
    "EstabResets CurrEstab InSegs OutSegs RetransSegs InErrs OutRsts InCsumErrors\n");

// ---- parseSnmpFormat ---------------------------------------------------------------------

TEST(HostCountersParseTest, WatchedListIsTheTenCountersTheHeaderDocuments)
{
    const QStringList expected = {
        QStringLiteral("Tcp.RetransSegs"),      QStringLiteral("Tcp.OutSegs"),
        QStringLiteral("Tcp.AttemptFails"),     QStringLiteral("Tcp.EstabResets"),
        QStringLiteral("Tcp.InErrs"),           QStringLiteral("TcpExt.ListenOverflows"),
        QStringLiteral("TcpExt.ListenDrops"),   QStringLiteral("TcpExt.TCPTimeouts"),
        QStringLiteral("TcpExt.TCPSynRetrans"), QStringLiteral("TcpExt.TCPAbortOnTimeout"),
    };
    EXPECT_EQ(watchedHostCounters(), expected);
}

TEST(HostCountersParseTest, CapturedSnmpHasEveryWatchedTcpCounterWithTheFileValues)
{
    const QByteArray snmp = fixture(QStringLiteral("captured/net/snmp"));
    const QMap<QString, quint64> expected = watchedInReference(snmp);
    // A modern kernel exports all five Tcp counters; otherwise this test would prove little.
    ASSERT_EQ(expected.size(), 5);

    const auto parsed = parseSnmpFormat(view(snmp));
    ASSERT_TRUE(parsed.ok()) << text(parsed.error());
    EXPECT_EQ(parsed.value(), expected);
}

TEST(HostCountersParseTest, CapturedNetstatHasEveryWatchedTcpExtCounterWithTheFileValues)
{
    const QByteArray netstat = fixture(QStringLiteral("captured/net/netstat"));
    const QMap<QString, quint64> expected = watchedInReference(netstat);
    ASSERT_EQ(expected.size(), 5);

    const auto parsed = parseSnmpFormat(view(netstat));
    ASSERT_TRUE(parsed.ok()) << text(parsed.error());
    EXPECT_EQ(parsed.value(), expected);
}

TEST(HostCountersParseTest, HandWrittenSnmpGivesTheNumbersItSays)
{
    // known/net/snmp: distinct numbers so a name/value shifted by one position shows up,
    // MaxConn -1 (signed, not watched), an OutSegs above 2^63, and IcmpMsg split over two
    // pairs as the kernel does once more than 16 ICMP types have been seen.
    const auto parsed = parseSnmpFormat(view(fixture(QStringLiteral("known/net/snmp"))));
    ASSERT_TRUE(parsed.ok()) << text(parsed.error());
    const QMap<QString, quint64> expected = {
        {QStringLiteral("Tcp.RetransSegs"), 4242},
        {QStringLiteral("Tcp.OutSegs"), 18446744073709551000ULL},
        {QStringLiteral("Tcp.AttemptFails"), 31},
        {QStringLiteral("Tcp.EstabResets"), 41},
        {QStringLiteral("Tcp.InErrs"), 7},
    };
    EXPECT_EQ(parsed.value(), expected);
}

TEST(HostCountersParseTest, HandWrittenNetstatGivesTheNumbersItSays)
{
    const auto parsed = parseSnmpFormat(view(fixture(QStringLiteral("known/net/netstat"))));
    ASSERT_TRUE(parsed.ok()) << text(parsed.error());
    const QMap<QString, quint64> expected = {
        {QStringLiteral("TcpExt.ListenOverflows"), 12},
        {QStringLiteral("TcpExt.ListenDrops"), 13},
        {QStringLiteral("TcpExt.TCPTimeouts"), 14},
        {QStringLiteral("TcpExt.TCPSynRetrans"), 15},
        {QStringLiteral("TcpExt.TCPAbortOnTimeout"), 16},
    };
    EXPECT_EQ(parsed.value(), expected);
}

TEST(HostCountersParseTest, CounterAnOlderKernelLacksIsAbsentNotZero)
{
    // variants/netstat-old-kernel is a 2.6-era TcpExt list: no TCPSynRetrans.
    const auto parsed =
        parseSnmpFormat(view(fixture(QStringLiteral("variants/netstat-old-kernel"))));
    ASSERT_TRUE(parsed.ok()) << text(parsed.error());
    EXPECT_FALSE(parsed->contains(QStringLiteral("TcpExt.TCPSynRetrans")));
    const QMap<QString, quint64> expected = {
        {QStringLiteral("TcpExt.ListenOverflows"), 57},
        {QStringLiteral("TcpExt.ListenDrops"), 58},
        {QStringLiteral("TcpExt.TCPTimeouts"), 61},
        {QStringLiteral("TcpExt.TCPAbortOnTimeout"), 62},
    };
    EXPECT_EQ(parsed.value(), expected);
}

TEST(HostCountersParseTest, MoreNamesThanValuesNamesTheValuesLine)
{
    const auto parsed =
        parseSnmpFormat(view(fixture(QStringLiteral("variants/snmp-count-mismatch"))));
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(text(parsed.error()), "line 4: Tcp has 15 names but 14 values");
}

TEST(HostCountersParseTest, MismatchInAGroupWeDoNotWatchIsStillAnError)
{
    // A short Udp values line means the file was cut or mangled; nothing in it is trusted.
    const std::string snmp = text(kTcpNames) + "Tcp: 1 200 120000 -1 13 2 0 0 0 1131 634 0 0 2 0\n"
                                               "Udp: InDatagrams NoPorts InErrors\n"
                                               "Udp: 26 0 0 9\n";
    const auto parsed = parseSnmpFormat(snmp);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(text(parsed.error()), "line 4: Udp has 3 names but 4 values");
}

TEST(HostCountersParseTest, NonNumericWatchedValueIsNamed)
{
    const auto parsed =
        parseSnmpFormat(view(fixture(QStringLiteral("variants/snmp-not-a-number"))));
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(text(parsed.error()), "line 2: value 'x12' of Tcp.RetransSegs is not a number");
}

TEST(HostCountersParseTest, NegativeMaxConnIsFineButANegativeWatchedCounterIsNot)
{
    const std::string good = text(kTcpNames) + "Tcp: 1 200 120000 -1 13 2 0 0 0 1131 634 9 0 2 0\n";
    const auto parsed = parseSnmpFormat(good);
    ASSERT_TRUE(parsed.ok()) << text(parsed.error());
    EXPECT_EQ(parsed->value(QStringLiteral("Tcp.RetransSegs")), 9u);
    EXPECT_FALSE(parsed->contains(QStringLiteral("Tcp.MaxConn")));

    const std::string bad = text(kTcpNames) + "Tcp: 1 200 120000 -1 13 2 0 0 0 1131 634 -9 0 2 0\n";
    const auto rejected = parseSnmpFormat(bad);
    ASSERT_FALSE(rejected.ok());
    EXPECT_EQ(text(rejected.error()), "line 2: value '-9' of Tcp.RetransSegs is negative");
}

TEST(HostCountersParseTest, ValuesAtAndBeyondTheUnsigned64BitLimit)
{
    const std::string atLimit =
        text(kTcpNames) + "Tcp: 1 200 120000 -1 13 2 0 0 0 1131 18446744073709551615 0 0 2 0\n";
    const auto parsed = parseSnmpFormat(atLimit);
    ASSERT_TRUE(parsed.ok()) << text(parsed.error());
    EXPECT_EQ(parsed->value(QStringLiteral("Tcp.OutSegs")), std::numeric_limits<quint64>::max());

    const std::string beyond =
        text(kTcpNames) + "Tcp: 1 200 120000 -1 13 2 0 0 0 1131 18446744073709551616 0 0 2 0\n";
    const auto rejected = parseSnmpFormat(beyond);
    ASSERT_FALSE(rejected.ok());
    EXPECT_EQ(text(rejected.error()),
              "line 2: value '18446744073709551616' of Tcp.OutSegs is out of range");
}

TEST(HostCountersParseTest, TrailingJunkInANumberIsNotANumber)
{
    const std::string snmp =
        text(kTcpNames) + "Tcp: 1 200 120000 -1 13 2 0 0 0 1131 634 12x 0 2 0\n";
    const auto parsed = parseSnmpFormat(snmp);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(text(parsed.error()), "line 2: value '12x' of Tcp.RetransSegs is not a number");
}

TEST(HostCountersParseTest, NamesLineAtTheEndOfTheFileHasNoValues)
{
    const auto parsed =
        parseSnmpFormat(view(fixture(QStringLiteral("variants/snmp-missing-values"))));
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(text(parsed.error()), "line 3: Tcp names line has no values line (the file ends)");
}

TEST(HostCountersParseTest, NamesLineFollowedByAnotherGroupHasNoValues)
{
    const auto parsed = parseSnmpFormat(
        view(fixture(QStringLiteral("variants/snmp-values-line-is-another-group"))));
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(text(parsed.error()), "line 3: Tcp names line has no values line (line 4 is Udp)");
}

TEST(HostCountersParseTest, FileWithoutTcpGroupIsAnError)
{
    const auto parsed = parseSnmpFormat(view(fixture(QStringLiteral("variants/snmp-no-tcp"))));
    ASSERT_FALSE(parsed.ok());
    EXPECT_TRUE(parsed.error().startsWith(QStringLiteral("no Tcp counters found")))
        << text(parsed.error());
}

TEST(HostCountersParseTest, EmptyFileIsAnError)
{
    const QByteArray empty = fixture(QStringLiteral("variants/empty"));
    ASSERT_TRUE(empty.isEmpty());
    const auto parsed = parseSnmpFormat(view(empty));
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(text(parsed.error()), "empty file");

    const auto blank = parseSnmpFormat(" \n\n \t\n");
    ASSERT_FALSE(blank.ok());
    EXPECT_EQ(text(blank.error()), "empty file");
}

TEST(HostCountersParseTest, BinaryGarbageIsAShortPrintableError)
{
    const QByteArray garbage = fixture(QStringLiteral("variants/garbage.bin"));
    ASSERT_GT(garbage.size(), 4000);
    const auto parsed = parseSnmpFormat(view(garbage));
    ASSERT_FALSE(parsed.ok());
    EXPECT_TRUE(parsed.error().startsWith(QStringLiteral("line "))) << text(parsed.error());
    EXPECT_TRUE(isPrintable(parsed.error())) << text(parsed.error());
    EXPECT_LT(parsed.error().size(), 200);
}

TEST(HostCountersParseTest, HugeLineWithoutAGroupIsQuotedShort)
{
    const std::string huge(8 * 1024 * 1024, 'A');
    const auto parsed = parseSnmpFormat(huge);
    ASSERT_FALSE(parsed.ok());
    EXPECT_TRUE(parsed.error().startsWith(QStringLiteral("line 1: expected 'Group: names...'")))
        << text(parsed.error().left(200));
    EXPECT_LT(parsed.error().size(), 200);
}

TEST(HostCountersParseTest, HugeGroupPairIsCountedNotStored)
{
    constexpr int kNames = 1'000'000;
    std::string snmp = text(kTcpNames) + "Tcp: 1 200 120000 -1 13 2 0 0 0 1131 634 0 0 2 0\n";
    snmp += "Udp:";
    for (int i = 0; i < kNames; ++i)
        snmp += " N";
    snmp += "\nUdp:";
    for (int i = 0; i < kNames - 1; ++i)
        snmp += " 1";
    snmp += '\n';
    const auto parsed = parseSnmpFormat(snmp);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(text(parsed.error()), "line 4: Udp has 1000000 names but 999999 values");
}

TEST(HostCountersParseTest, WindowsLineEndingsAndMissingFinalNewlineStillParse)
{
    const std::string snmp = "Tcp: RetransSegs OutSegs\r\nTcp: 5 6";
    const auto parsed = parseSnmpFormat(snmp);
    ASSERT_TRUE(parsed.ok()) << text(parsed.error());
    const QMap<QString, quint64> expected = {{QStringLiteral("Tcp.RetransSegs"), 5},
                                             {QStringLiteral("Tcp.OutSegs"), 6}};
    EXPECT_EQ(parsed.value(), expected);
}

TEST(HostCountersParseTest, FileCutAtEveryByteNeverCrashesAndACutNamesLineFails)
{
    // A truncated read: every prefix of the captured file. A prefix whose last line is a
    // names line (complete or not) has lost that line's values, so it must fail.
    const QByteArray snmp = fixture(QStringLiteral("captured/net/snmp"));
    ASSERT_FALSE(snmp.isEmpty());
    const QStringList watched = watchedHostCounters();
    for (qsizetype cut = 1; cut < snmp.size(); ++cut) {
        const QByteArray prefix = snmp.left(cut);
        const auto parsed = parseSnmpFormat(view(prefix));
        const qsizetype linesBefore = prefix.left(prefix.size() - 1).count('\n');
        const bool lastLineIsNames = linesBefore % 2 == 0;
        if (lastLineIsNames) {
            EXPECT_FALSE(parsed.ok()) << "cut at byte " << cut;
        }
        if (parsed.ok()) {
            for (const QString &key : parsed->keys())
                EXPECT_TRUE(watched.contains(key)) << text(key);
        } else {
            EXPECT_TRUE(isPrintable(parsed.error())) << text(parsed.error());
        }
    }
}

TEST(HostCountersParseTest, RandomlyMangledFilesNeverCrash)
{
    const QByteArray snmp = fixture(QStringLiteral("captured/net/snmp"));
    const QByteArray sockstat = fixture(QStringLiteral("captured/net/sockstat"));
    ASSERT_FALSE(snmp.isEmpty());
    std::mt19937 random(20240611);
    const QStringList watched = watchedHostCounters();
    for (int round = 0; round < 3000; ++round) {
        QByteArray mangled = round % 2 == 0 ? snmp : sockstat;
        const int edits = 1 + static_cast<int>(random() % 8);
        for (int e = 0; e < edits && !mangled.isEmpty(); ++e) {
            const auto at = static_cast<qsizetype>(random() % mangled.size());
            switch (random() % 3) {
            case 0:
                mangled[at] = static_cast<char>(random() % 256);
                break;
            case 1:
                mangled.insert(at, static_cast<char>(random() % 256));
                break;
            default:
                mangled.remove(at, static_cast<qsizetype>(random() % 16));
                break;
            }
        }
        const auto parsed = parseSnmpFormat(view(mangled));
        if (parsed.ok()) {
            for (const QString &key : parsed->keys())
                EXPECT_TRUE(watched.contains(key)) << text(key);
        } else {
            EXPECT_TRUE(isPrintable(parsed.error())) << text(parsed.error());
        }
        const auto sock = parseSockStat(view(mangled));
        if (!sock.ok()) {
            EXPECT_TRUE(isPrintable(sock.error())) << text(sock.error());
        }
    }
}

// ---- parseSockStat -----------------------------------------------------------------------

TEST(HostSockStatTest, CapturedFileGivesTheTcpLineNumbers)
{
    const QByteArray sockstat = fixture(QStringLiteral("captured/net/sockstat"));
    ASSERT_TRUE(sockstat.contains("\nTCP: inuse "));
    const auto parsed = parseSockStat(view(sockstat));
    ASSERT_TRUE(parsed.ok()) << text(parsed.error());
    EXPECT_EQ(parsed.value(), referenceSockStat(sockstat));
}

TEST(HostSockStatTest, HandWrittenFileGivesTheNumbersItSays)
{
    const auto parsed = parseSockStat(view(fixture(QStringLiteral("known/net/sockstat"))));
    ASSERT_TRUE(parsed.ok()) << text(parsed.error());
    EXPECT_EQ(parsed->inUse, 11u);
    EXPECT_EQ(parsed->orphan, 2u);
    EXPECT_EQ(parsed->timeWait, 37u);
    EXPECT_EQ(parsed->allocated, 19u);
    EXPECT_EQ(parsed->memoryPages, 205u);
}

TEST(HostSockStatTest, MissingTcpLineIsAnError)
{
    const auto parsed = parseSockStat(view(fixture(QStringLiteral("variants/sockstat-no-tcp"))));
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(text(parsed.error()), "no TCP line");
}

TEST(HostSockStatTest, EmptyFileIsAnError)
{
    const auto parsed = parseSockStat(view(fixture(QStringLiteral("variants/empty"))));
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(text(parsed.error()), "empty file");
}

TEST(HostSockStatTest, TcpLineMissingAFieldIsAnError)
{
    const auto parsed = parseSockStat("sockets: used 3\nTCP: inuse 1 orphan 0 tw 0 alloc 1\n");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(text(parsed.error()), "line 2: TCP line has no 'mem'");
}

TEST(HostSockStatTest, NonNumericFieldIsNamed)
{
    const auto parsed = parseSockStat("TCP: inuse 1 orphan zz tw 0 alloc 1 mem 4\n");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(text(parsed.error()), "line 1: value 'zz' of TCP orphan is not a number");
}

TEST(HostSockStatTest, KeyWithoutValueIsAnError)
{
    const auto parsed = parseSockStat("TCP: inuse 1 orphan 0 tw 0 alloc 1 mem\n");
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(text(parsed.error()), "line 1: TCP 'mem' has no value");
}

TEST(HostSockStatTest, UnknownKeysFromNewerKernelsAreIgnored)
{
    const auto parsed = parseSockStat("TCP: inuse 1 orphan 2 tw 3 alloc 4 mem 5 future 6\n");
    ASSERT_TRUE(parsed.ok()) << text(parsed.error());
    EXPECT_EQ(parsed.value(), (SockStat{1, 2, 3, 4, 5}));
}

TEST(HostSockStatTest, BinaryGarbageIsAnError)
{
    const auto parsed = parseSockStat(view(fixture(QStringLiteral("variants/garbage.bin"))));
    ASSERT_FALSE(parsed.ok());
    EXPECT_TRUE(isPrintable(parsed.error())) << text(parsed.error());
}

// ---- counterRates ------------------------------------------------------------------------

TEST(HostCounterRatesTest, IncreaseOverElapsedSeconds)
{
    const QMap<QString, quint64> before = {{QStringLiteral("a"), 100}, {QStringLiteral("b"), 50}};
    const QMap<QString, quint64> after = {{QStringLiteral("a"), 300}, {QStringLiteral("b"), 50}};
    const QMap<QString, double> expected = {{QStringLiteral("a"), 100.0},
                                            {QStringLiteral("b"), 0.0}};
    EXPECT_EQ(counterRates(before, after, 2.0), expected);
}

TEST(HostCounterRatesTest, CounterThatWentBackwardsGetsNoRate)
{
    const QMap<QString, quint64> before = {{QStringLiteral("a"), 300}, {QStringLiteral("b"), 10}};
    const QMap<QString, quint64> after = {{QStringLiteral("a"), 10}, {QStringLiteral("b"), 15}};
    const QMap<QString, double> expected = {{QStringLiteral("b"), 5.0}};
    EXPECT_EQ(counterRates(before, after, 1.0), expected);
}

TEST(HostCounterRatesTest, CounterMissingFromEitherReadingGetsNoRate)
{
    const QMap<QString, quint64> before = {{QStringLiteral("gone"), 1},
                                           {QStringLiteral("kept"), 4}};
    const QMap<QString, quint64> after = {{QStringLiteral("new"), 9}, {QStringLiteral("kept"), 8}};
    const QMap<QString, double> expected = {{QStringLiteral("kept"), 8.0}};
    EXPECT_EQ(counterRates(before, after, 0.5), expected);
}

TEST(HostCounterRatesTest, NoElapsedTimeGivesNoRates)
{
    const QMap<QString, quint64> before = {{QStringLiteral("a"), 1}};
    const QMap<QString, quint64> after = {{QStringLiteral("a"), 2}};
    EXPECT_TRUE(counterRates(before, after, 0.0).isEmpty());
    EXPECT_TRUE(counterRates(before, after, -1.0).isEmpty());
    EXPECT_TRUE(counterRates(before, after, std::nan("")).isEmpty());
}

TEST(HostCounterRatesTest, DifferenceNearTheTopOf64BitsIsExact)
{
    // Doubles near 2^64 are 4096 apart; subtracting after converting would give 0 or 4096.
    const QMap<QString, quint64> before = {{QStringLiteral("a"), 18446744073709551000ULL}};
    const QMap<QString, quint64> after = {{QStringLiteral("a"), 18446744073709551615ULL}};
    const QMap<QString, double> expected = {{QStringLiteral("a"), 615.0}};
    EXPECT_EQ(counterRates(before, after, 1.0), expected);
}

// ---- HostCountersReader::read ------------------------------------------------------------

// A writable proc root holding copies of one fixture root's net/ files.
class ProcRootCopy
{
public:
    explicit ProcRootCopy(const QString &fixtureRoot)
    {
        EXPECT_TRUE(m_dir.isValid());
        EXPECT_TRUE(QDir(m_dir.path()).mkpath(QStringLiteral("net")));
        for (const char *name : {"snmp", "netstat", "sockstat"}) {
            const QString relative = QStringLiteral("net/") + QLatin1String(name);
            EXPECT_TRUE(QFile::copy(kHostFixtures + QLatin1Char('/') + fixtureRoot +
                                        QLatin1Char('/') + relative,
                                    path(relative)));
        }
    }

    QString root() const { return m_dir.path(); }
    QString path(const QString &relative) const { return m_dir.filePath(relative); }

private:
    QTemporaryDir m_dir;
};

TEST(HostCountersReaderTest, CapturedRootGivesTheFilesCountersAndSockstat)
{
    const HostCountersReader reader(kHostFixtures + QStringLiteral("/captured"));
    const auto host = reader.read();
    ASSERT_TRUE(host.ok()) << text(host.error());

    QMap<QString, quint64> expected =
        watchedInReference(fixture(QStringLiteral("captured/net/snmp")));
    expected.insert(watchedInReference(fixture(QStringLiteral("captured/net/netstat"))));
    ASSERT_EQ(expected.size(), 10);
    EXPECT_EQ(host->counters, expected);
    EXPECT_EQ(host->sockstat, referenceSockStat(fixture(QStringLiteral("captured/net/sockstat"))));
    EXPECT_TRUE(host->ratesPerSecond.isEmpty());
}

TEST(HostCountersReaderTest, HandWrittenRootGivesTheNumbersItSays)
{
    const HostCountersReader reader(kHostFixtures + QStringLiteral("/known/"));
    const auto host = reader.read();
    ASSERT_TRUE(host.ok()) << text(host.error());
    const QMap<QString, quint64> expected = {
        {QStringLiteral("Tcp.RetransSegs"), 4242},
        {QStringLiteral("Tcp.OutSegs"), 18446744073709551000ULL},
        {QStringLiteral("Tcp.AttemptFails"), 31},
        {QStringLiteral("Tcp.EstabResets"), 41},
        {QStringLiteral("Tcp.InErrs"), 7},
        {QStringLiteral("TcpExt.ListenOverflows"), 12},
        {QStringLiteral("TcpExt.ListenDrops"), 13},
        {QStringLiteral("TcpExt.TCPTimeouts"), 14},
        {QStringLiteral("TcpExt.TCPSynRetrans"), 15},
        {QStringLiteral("TcpExt.TCPAbortOnTimeout"), 16},
    };
    EXPECT_EQ(host->counters, expected);
    EXPECT_EQ(host->sockstat, (SockStat{11, 2, 37, 19, 205}));
}

TEST(HostCountersReaderTest, EachMissingFileIsNamedInTheError)
{
    for (const char *name : {"snmp", "netstat", "sockstat"}) {
        SCOPED_TRACE(name);
        const ProcRootCopy root(QStringLiteral("known"));
        const QString missing = root.path(QStringLiteral("net/") + QLatin1String(name));
        ASSERT_TRUE(QFile::remove(missing));
        const auto host = HostCountersReader(root.root()).read();
        ASSERT_FALSE(host.ok());
        EXPECT_EQ(text(host.error()),
                  "cannot read " + text(missing) + ": No such file or directory");
    }
}

TEST(HostCountersReaderTest, FileThatIsADirectoryIsNamedInTheError)
{
    const ProcRootCopy root(QStringLiteral("known"));
    const QString netstat = root.path(QStringLiteral("net/netstat"));
    ASSERT_TRUE(QFile::remove(netstat));
    ASSERT_TRUE(QDir().mkdir(netstat));
    const auto host = HostCountersReader(root.root()).read();
    ASSERT_FALSE(host.ok());
    EXPECT_EQ(text(host.error()), "cannot read " + text(netstat) + ": Is a directory");
}

TEST(HostCountersReaderTest, FifoIsRefusedWithoutWaitingForAWriter)
{
    const ProcRootCopy root(QStringLiteral("known"));
    const QString sockstat = root.path(QStringLiteral("net/sockstat"));
    ASSERT_TRUE(QFile::remove(sockstat));
    ASSERT_EQ(::mkfifo(QFile::encodeName(sockstat).constData(), 0600), 0);
    const auto host = HostCountersReader(root.root()).read();
    ASSERT_FALSE(host.ok());
    EXPECT_EQ(text(host.error()), "cannot read " + text(sockstat) + ": not a regular file");
}

TEST(HostCountersReaderTest, OversizedFileIsRefused)
{
    const ProcRootCopy root(QStringLiteral("known"));
    const QString snmp = root.path(QStringLiteral("net/snmp"));
    QFile file(snmp);
    ASSERT_TRUE(file.open(QIODevice::Append));
    ASSERT_EQ(file.write(QByteArray(2 * 1024 * 1024, 'x')), 2 * 1024 * 1024);
    file.close();
    const auto host = HostCountersReader(root.root()).read();
    ASSERT_FALSE(host.ok());
    EXPECT_TRUE(
        host.error().startsWith(QStringLiteral("cannot read ") + snmp + QStringLiteral(": ")))
        << text(host.error());
    EXPECT_TRUE(host.error().contains(QStringLiteral("larger than"))) << text(host.error());
}

TEST(HostCountersReaderTest, ParseErrorIsPrefixedWithThePath)
{
    const ProcRootCopy root(QStringLiteral("known"));
    const QString snmp = root.path(QStringLiteral("net/snmp"));
    ASSERT_TRUE(QFile::remove(snmp));
    ASSERT_TRUE(QFile::copy(kHostFixtures + QStringLiteral("/variants/snmp-not-a-number"), snmp));
    const auto host = HostCountersReader(root.root()).read();
    ASSERT_FALSE(host.ok());
    EXPECT_EQ(text(host.error()),
              text(snmp) + ": line 2: value 'x12' of Tcp.RetransSegs is not a number");
}

TEST(HostCountersReaderTest, SockstatWithoutTcpLineIsPrefixedWithThePath)
{
    const ProcRootCopy root(QStringLiteral("known"));
    const QString sockstat = root.path(QStringLiteral("net/sockstat"));
    ASSERT_TRUE(QFile::remove(sockstat));
    ASSERT_TRUE(QFile::copy(kHostFixtures + QStringLiteral("/variants/sockstat-no-tcp"), sockstat));
    const auto host = HostCountersReader(root.root()).read();
    ASSERT_FALSE(host.ok());
    EXPECT_EQ(text(host.error()), text(sockstat) + ": no TCP line");
}

TEST(HostCountersReaderTest, NonexistentRootNamesTheFirstFile)
{
    const HostCountersReader reader(kHostFixtures + QStringLiteral("/no-such-root"));
    const auto host = reader.read();
    ASSERT_FALSE(host.ok());
    EXPECT_EQ(text(host.error()), "cannot read " + text(kHostFixtures) +
                                      "/no-such-root/net/snmp: No such file or directory");
}

} // namespace
} // namespace anycast
