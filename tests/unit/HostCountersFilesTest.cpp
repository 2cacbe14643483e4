#include "tests/unit/HostCountersTestSupport.h"

namespace anycast {
namespace {

using namespace hosttest;

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
    QMap<QString, quint64> expected = knownSnmpCounters();
    expected.insert(knownNetstatCounters());
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
