#include "agent/sampler/SampleCollector.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <chrono>

namespace anycast {
namespace {

using namespace std::chrono_literals;

const QString kHostFixtures = QStringLiteral(ANYCAST_FIXTURE_DIR "/proc/host");

std::string text(const QString &value)
{
    return value.toStdString();
}

// Sockets are not what these tests are about: the fake hands back a fixed sample, or fails.
class FakeSampler : public Sampler
{
public:
    QString name() const override { return QStringLiteral("fake"); }

    Result<ListenerSample> sampleListeners() override
    {
        return Result<ListenerSample>::failure(QStringLiteral("not used"));
    }

    Result<SocketSample> sampleSockets() override
    {
        ++calls;
        if (!failure.isEmpty())
            return Result<SocketSample>::failure(failure);
        SocketSample sample;
        sample.source = QStringLiteral("fake");
        sample.warnings.append(QStringLiteral("from the sampler"));
        return Result<SocketSample>::success(sample);
    }

    int calls = 0;
    QString failure;
};

// A proc root whose net/ files the test swaps between fixture snapshots.
class SwappableProcRoot
{
public:
    SwappableProcRoot()
    {
        EXPECT_TRUE(m_dir.isValid());
        EXPECT_TRUE(QDir(m_dir.path()).mkpath(QStringLiteral("net")));
    }

    void load(const QString &fixtureRoot)
    {
        for (const char *name : {"snmp", "netstat", "sockstat"}) {
            const QString relative = QStringLiteral("net/") + QLatin1String(name);
            QFile::remove(path(relative));
            EXPECT_TRUE(QFile::copy(kHostFixtures + QLatin1Char('/') + fixtureRoot +
                                        QLatin1Char('/') + relative,
                                    path(relative)))
                << text(relative);
        }
    }

    QString root() const { return m_dir.path(); }
    QString path(const QString &relative) const { return m_dir.filePath(relative); }

private:
    QTemporaryDir m_dir;
};

class SampleCollectorTest : public ::testing::Test
{
protected:
    SampleCollector makeCollector()
    {
        return SampleCollector(
            m_sampler, HostCountersReader(m_root.root()), [this] { return m_steadyNow; },
            [this] { return m_wallNowMs; });
    }

    FakeSampler m_sampler;
    SwappableProcRoot m_root;
    std::chrono::steady_clock::time_point m_steadyNow{1000s};
    qint64 m_wallNowMs = 1'700'000'000'000;
};

TEST_F(SampleCollectorTest, FirstCollectionHasCountersButNoRates)
{
    m_root.load(QStringLiteral("known"));
    SampleCollector collector = makeCollector();

    const auto sample = collector.collect();
    ASSERT_TRUE(sample.ok()) << text(sample.error());
    EXPECT_EQ(sample->source, QStringLiteral("fake"));
    EXPECT_EQ(sample->timestampMs, m_wallNowMs);
    EXPECT_EQ(sample->warnings, QStringList{QStringLiteral("from the sampler")});
    // Numbers as written in known/net/{snmp,netstat,sockstat}.
    EXPECT_EQ(sample->host.counters.value(QStringLiteral("Tcp.RetransSegs")), 4242u);
    EXPECT_EQ(sample->host.counters.value(QStringLiteral("TcpExt.ListenDrops")), 13u);
    EXPECT_EQ(sample->host.counters.size(), 10);
    EXPECT_EQ(sample->host.sockstat.timeWait, 37u);
    EXPECT_TRUE(sample->host.ratesPerSecond.isEmpty());
}

TEST_F(SampleCollectorTest, SecondCollectionHasRatesOverTheSteadyClockInterval)
{
    m_root.load(QStringLiteral("known"));
    SampleCollector collector = makeCollector();
    ASSERT_TRUE(collector.collect().ok());

    // The wall clock jumps back an hour (NTP, an operator): rates must follow the steady
    // clock's two seconds, not the wall clock.
    m_root.load(QStringLiteral("known-later"));
    m_steadyNow += 2s;
    m_wallNowMs -= 3'600'000;
    const auto sample = collector.collect();
    ASSERT_TRUE(sample.ok()) << text(sample.error());
    EXPECT_EQ(sample->timestampMs, m_wallNowMs);

    // known -> known-later, over 2 s. Tcp.EstabResets went 41 -> 3 (a reset) and Tcp.InErrs
    // is not in known-later's snmp: neither gets a rate.
    const QMap<QString, double> expected = {
        {QStringLiteral("Tcp.RetransSegs"), (4342.0 - 4242.0) / 2},
        {QStringLiteral("Tcp.OutSegs"), 615.0 / 2},
        {QStringLiteral("Tcp.AttemptFails"), 0.0},
        {QStringLiteral("TcpExt.ListenOverflows"), (22.0 - 12.0) / 2},
        {QStringLiteral("TcpExt.ListenDrops"), (33.0 - 13.0) / 2},
        {QStringLiteral("TcpExt.TCPTimeouts"), (15.0 - 14.0) / 2},
        {QStringLiteral("TcpExt.TCPSynRetrans"), 0.0},
        {QStringLiteral("TcpExt.TCPAbortOnTimeout"), (20.0 - 16.0) / 2},
    };
    EXPECT_EQ(sample->host.ratesPerSecond, expected);
    EXPECT_EQ(sample->host.counters.value(QStringLiteral("Tcp.EstabResets")), 3u);
    EXPECT_FALSE(sample->host.counters.contains(QStringLiteral("Tcp.InErrs")));
    EXPECT_EQ(sample->host.sockstat.timeWait, 40u);
}

TEST_F(SampleCollectorTest, RatesAreAgainstTheImmediatelyPreviousCollection)
{
    m_root.load(QStringLiteral("known"));
    SampleCollector collector = makeCollector();
    ASSERT_TRUE(collector.collect().ok());
    m_root.load(QStringLiteral("known-later"));
    m_steadyNow += 2s;
    ASSERT_TRUE(collector.collect().ok());

    // Same files one second on: every counter present in both stood still.
    m_steadyNow += 1s;
    const auto sample = collector.collect();
    ASSERT_TRUE(sample.ok()) << text(sample.error());
    ASSERT_EQ(sample->host.ratesPerSecond.size(), 9);
    for (auto it = sample->host.ratesPerSecond.constBegin();
         it != sample->host.ratesPerSecond.constEnd(); ++it)
        EXPECT_EQ(it.value(), 0.0) << text(it.key());
}

TEST_F(SampleCollectorTest, NoSteadyTimeElapsedGivesNoRates)
{
    m_root.load(QStringLiteral("known"));
    SampleCollector collector = makeCollector();
    ASSERT_TRUE(collector.collect().ok());
    m_root.load(QStringLiteral("known-later"));
    const auto sample = collector.collect();
    ASSERT_TRUE(sample.ok()) << text(sample.error());
    EXPECT_EQ(sample->host.counters.value(QStringLiteral("Tcp.RetransSegs")), 4342u);
    EXPECT_TRUE(sample->host.ratesPerSecond.isEmpty());
}

TEST_F(SampleCollectorTest, UnreadableCountersAreAWarningAndRestartTheRateBaseline)
{
    m_root.load(QStringLiteral("known"));
    SampleCollector collector = makeCollector();
    ASSERT_TRUE(collector.collect().ok());

    const QString netstat = m_root.path(QStringLiteral("net/netstat"));
    ASSERT_TRUE(QFile::remove(netstat));
    m_steadyNow += 1s;
    const auto broken = collector.collect();
    ASSERT_TRUE(broken.ok()) << "socket state must survive unreadable host counters";
    ASSERT_EQ(broken->warnings.size(), 2);
    EXPECT_EQ(broken->warnings[0], QStringLiteral("from the sampler"));
    EXPECT_TRUE(broken->warnings[1].contains(netstat)) << text(broken->warnings[1]);
    EXPECT_TRUE(broken->host.counters.isEmpty());

    // The first good reading after the gap has nothing to compare against: a rate against
    // the reading from before the gap would average over the gap.
    m_root.load(QStringLiteral("known-later"));
    m_steadyNow += 1s;
    const auto recovered = collector.collect();
    ASSERT_TRUE(recovered.ok()) << text(recovered.error());
    EXPECT_EQ(recovered->warnings, QStringList{QStringLiteral("from the sampler")});
    EXPECT_EQ(recovered->host.counters.size(), 9);
    EXPECT_TRUE(recovered->host.ratesPerSecond.isEmpty());
}

TEST_F(SampleCollectorTest, SamplerFailureIsTheCollectionsFailure)
{
    m_root.load(QStringLiteral("known"));
    m_sampler.failure = QStringLiteral("netlink: permission denied");
    SampleCollector collector = makeCollector();
    const auto sample = collector.collect();
    ASSERT_FALSE(sample.ok());
    EXPECT_EQ(sample.error(), QStringLiteral("netlink: permission denied"));
    EXPECT_EQ(m_sampler.calls, 1);
}

} // namespace
} // namespace anycast
