#include "tests/unit/HostCountersTestSupport.h"

namespace anycast {
namespace {

using namespace hosttest;

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
    const QMap<QString, quint64> expected = knownSnmpCounters();
    EXPECT_EQ(parsed.value(), expected);
}

TEST(HostCountersParseTest, HandWrittenNetstatGivesTheNumbersItSays)
{
    const auto parsed = parseSnmpFormat(view(fixture(QStringLiteral("known/net/netstat"))));
    ASSERT_TRUE(parsed.ok()) << text(parsed.error());
    const QMap<QString, quint64> expected = knownNetstatCounters();
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

} // namespace
} // namespace anycast
