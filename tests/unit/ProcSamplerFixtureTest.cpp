#include "agent/sampler/ProcSampler.h"
#include "tests/unit/UnprivilegedChild.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace anycast {
namespace {

QString fixtureRoot(const char *name)
{
    return QStringLiteral(ANYCAST_FIXTURE_DIR "/proc/tcp/") + QLatin1String(name);
}

std::string text(const QString &string)
{
    return string.toStdString();
}

PortMap servicePorts()
{
    auto map = PortMap::build({{QStringLiteral("https"), {443}},
                               {QStringLiteral("dns"), {53, 853}},
                               {QStringLiteral("alt"), {8443}},
                               {QStringLiteral("idle"), {9999}}});
    EXPECT_TRUE(map.ok()) << text(map.error());
    return std::move(map).value();
}

// "ADDRESS port P queue Q backlog B", one per listener, so a mismatch prints readably.
std::string describe(const QList<ListenerStats> &listeners)
{
    std::string out;
    for (const ListenerStats &listener : listeners) {
        out += text(listener.address) + " port " + std::to_string(listener.port) + " queue " +
               std::to_string(listener.acceptQueue) + " backlog " +
               (listener.backlog ? std::to_string(*listener.backlog) : std::string("none")) + "; ";
    }
    return out;
}

TcpStateCounts counts(std::initializer_list<std::pair<TcpState, quint64>> values)
{
    TcpStateCounts out;
    for (const auto &[state, count] : values)
        out[state] = count;
    return out;
}

std::string describe(const TcpStateCounts &states)
{
    std::string out;
    for (int i = 0; i < kTcpStateCount; ++i) {
        if (states.counts[i] > 0)
            out += text(tcpStateName(stateAt(i))) + "=" + std::to_string(states.counts[i]) + " ";
    }
    return out;
}

const char kHttpsListeners[] = "0.0.0.0 port 443 queue 3 backlog none; "
                               "2001:db8::10 port 443 queue 5 backlog none; ";
const char kDnsListeners[] = "127.0.0.1 port 53 queue 0 backlog none; "
                             "::1 port 853 queue 1 backlog none; ";
const char kAltListeners[] = ":: port 8443 queue 2 backlog none; ";

TEST(ProcSamplerFixture, FullSampleCountsEverySocketOfBothFiles)
{
    ProcSampler sampler(servicePorts(), fixtureRoot("dual"));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const auto sample = sampler.sampleSockets();
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    ASSERT_TRUE(sample.ok()) << text(sample.error());

    EXPECT_EQ(text(sample->source), "proc");
    EXPECT_GE(sample->timestampMs, before);
    EXPECT_LE(sample->timestampMs, after);
    EXPECT_TRUE(sample->warnings.isEmpty()) << text(sample->warnings.join('\n'));
    ASSERT_EQ(sample->services.size(), 4);

    const ServiceSocketStats &https = sample->services[0];
    EXPECT_EQ(text(https.name), "https");
    EXPECT_EQ(https.ports, QList<quint16>({443}));
    EXPECT_EQ(describe(https.listeners), kHttpsListeners);
    EXPECT_EQ(describe(https.states), describe(counts({{TcpState::Listen, 2},
                                                       {TcpState::Established, 3},
                                                       {TcpState::SynRecv, 1},
                                                       {TcpState::TimeWait, 1}})));

    const ServiceSocketStats &dns = sample->services[1];
    EXPECT_EQ(text(dns.name), "dns");
    EXPECT_EQ(dns.ports, QList<quint16>({53, 853}));
    EXPECT_EQ(describe(dns.listeners), kDnsListeners);
    EXPECT_EQ(describe(dns.states),
              describe(counts({{TcpState::Listen, 2}, {TcpState::Established, 1}})));

    const ServiceSocketStats &alt = sample->services[2];
    EXPECT_EQ(text(alt.name), "alt");
    EXPECT_EQ(describe(alt.listeners), kAltListeners);
    EXPECT_EQ(describe(alt.states),
              describe(counts({{TcpState::Listen, 1}, {TcpState::Established, 2}})));

    const ServiceSocketStats &idle = sample->services[3];
    EXPECT_EQ(text(idle.name), "idle");
    EXPECT_EQ(idle.ports, QList<quint16>({9999}));
    EXPECT_TRUE(idle.listeners.isEmpty());
    EXPECT_EQ(idle.states.total(), 0u);

    // Clients whose remote port is a service port (443, 8443, 853) count here: only the
    // local port decides.
    EXPECT_EQ(describe(sample->otherSockets),
              describe(counts(
                  {{TcpState::Listen, 2}, {TcpState::Established, 6}, {TcpState::TimeWait, 1}})));

    for (const ServiceSocketStats &service : sample->services) {
        EXPECT_FALSE(service.tcpInfo.available) << text(service.name);
        EXPECT_EQ(service.tcpInfo.sockets, 0u) << text(service.name);
    }
}

TEST(ProcSamplerFixture, ListenerSampleHasEveryServiceAndOnlyItsListeners)
{
    ProcSampler sampler(servicePorts(), fixtureRoot("dual"));
    const auto sample = sampler.sampleListeners();
    ASSERT_TRUE(sample.ok()) << text(sample.error());
    EXPECT_EQ(text(sample->source), "proc");
    ASSERT_EQ(sample->services.size(), 4);
    EXPECT_EQ(text(sample->services[0].name), "https");
    EXPECT_EQ(describe(sample->services[0].listeners), kHttpsListeners);
    EXPECT_EQ(text(sample->services[1].name), "dns");
    EXPECT_EQ(sample->services[1].ports, QList<quint16>({53, 853}));
    EXPECT_EQ(describe(sample->services[1].listeners), kDnsListeners);
    EXPECT_EQ(text(sample->services[2].name), "alt");
    EXPECT_EQ(describe(sample->services[2].listeners), kAltListeners);
    EXPECT_EQ(text(sample->services[3].name), "idle");
    EXPECT_EQ(sample->services[3].ports, QList<quint16>({9999}));
    EXPECT_TRUE(sample->services[3].listeners.isEmpty());
}

TEST(ProcSamplerFixture, BothSamplesAgreeOnListeners)
{
    ProcSampler sampler(servicePorts(), fixtureRoot("dual"));
    const auto full = sampler.sampleSockets();
    const auto fast = sampler.sampleListeners();
    ASSERT_TRUE(full.ok() && fast.ok());
    ASSERT_EQ(full->services.size(), fast->services.size());
    for (qsizetype i = 0; i < full->services.size(); ++i)
        EXPECT_EQ(full->services[i].listeners, fast->services[i].listeners) << i;
}

TEST(ProcSamplerFixture, RepeatedSamplesStartFromZero)
{
    ProcSampler sampler(servicePorts(), fixtureRoot("dual"));
    const auto first = sampler.sampleSockets();
    const auto second = sampler.sampleSockets();
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_EQ(first->services, second->services);
    EXPECT_EQ(first->otherSockets, second->otherSockets);
    EXPECT_EQ(second->services[0].states.total(), 7u);
}

TEST(ProcSamplerFixture, WithoutServicesEverySocketIsOther)
{
    auto map = PortMap::build({});
    ASSERT_TRUE(map.ok());
    ProcSampler sampler(std::move(map).value(), fixtureRoot("dual"));
    const auto sample = sampler.sampleSockets();
    ASSERT_TRUE(sample.ok()) << text(sample.error());
    EXPECT_TRUE(sample->services.isEmpty());
    EXPECT_EQ(describe(sample->otherSockets), describe(counts({{TcpState::Listen, 7},
                                                               {TcpState::Established, 12},
                                                               {TcpState::SynRecv, 1},
                                                               {TcpState::TimeWait, 2}})));
}

TEST(ProcSamplerFixture, MissingTcp6IsNotAnError)
{
    ProcSampler sampler(servicePorts(), fixtureRoot("v4only"));
    const auto sample = sampler.sampleSockets();
    ASSERT_TRUE(sample.ok()) << text(sample.error());
    EXPECT_TRUE(sample->warnings.isEmpty());
    EXPECT_EQ(describe(sample->services[0].listeners), "0.0.0.0 port 443 queue 1 backlog none; ");
    EXPECT_EQ(describe(sample->services[0].states),
              describe(counts({{TcpState::Listen, 1}, {TcpState::Established, 1}})));
    EXPECT_EQ(describe(sample->otherSockets), describe(counts({{TcpState::Established, 1}})));

    const auto listeners = sampler.sampleListeners();
    ASSERT_TRUE(listeners.ok()) << text(listeners.error());
    EXPECT_EQ(describe(listeners->services[0].listeners),
              "0.0.0.0 port 443 queue 1 backlog none; ");
}

TEST(ProcSamplerFixture, MalformedLinesBecomeAWarning)
{
    const QString root = fixtureRoot("malformed");
    ProcSampler sampler(servicePorts(), root);
    const auto sample = sampler.sampleSockets();
    ASSERT_TRUE(sample.ok()) << text(sample.error());
    const QString path = root + QStringLiteral("/net/tcp");
    ASSERT_EQ(sample->warnings.size(), 1);
    EXPECT_EQ(text(sample->warnings[0]), text(path) +
                                             ": 2 malformed lines skipped; first: " + text(path) +
                                             ":3: state: expected a hex state 01..0B, got '0C'");
    // The good lines around the bad ones still count.
    EXPECT_EQ(describe(sample->services[0].states),
              describe(counts({{TcpState::Listen, 2}, {TcpState::Established, 1}})));
    EXPECT_EQ(describe(sample->otherSockets), describe(counts({{TcpState::Established, 1}})));
}

TEST(ProcSamplerFixture, PercentSignsInPathsAndLinesAreReportedVerbatim)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString root = dir.filePath(QStringLiteral("odd%1root%2"));
    ASSERT_TRUE(QDir(root).mkpath(QStringLiteral("net")));
    const QString path = root + QStringLiteral("/net/tcp");
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt\n"
        "   0: %1%2%3%4:01BB 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1\n");
    file.close();
    ProcSampler sampler(servicePorts(), root);
    const auto sample = sampler.sampleSockets();
    ASSERT_TRUE(sample.ok()) << text(sample.error());
    ASSERT_EQ(sample->warnings.size(), 1);
    EXPECT_EQ(text(sample->warnings[0]),
              text(path) + ": 1 malformed line skipped; first: " + text(path) +
                  ":2: local address: expected 8 hex digits, got '%1%2%3%4'");
}

TEST(ProcSamplerFixture, MissingTcpIsAnError)
{
    QTemporaryDir root;
    ASSERT_TRUE(root.isValid());
    ProcSampler sampler(servicePorts(), root.path());
    const std::string expected =
        "cannot open " + text(root.path()) + "/net/tcp: " + std::strerror(ENOENT);
    const auto sample = sampler.sampleSockets();
    ASSERT_FALSE(sample.ok());
    EXPECT_EQ(text(sample.error()), expected);
    const auto listeners = sampler.sampleListeners();
    ASSERT_FALSE(listeners.ok());
    EXPECT_EQ(text(listeners.error()), expected);
}

TEST(ProcSamplerFixture, TcpThatIsADirectoryIsAnError)
{
    QTemporaryDir root;
    ASSERT_TRUE(root.isValid());
    ASSERT_TRUE(QDir(root.path()).mkpath(QStringLiteral("net/tcp")));
    ProcSampler sampler(servicePorts(), root.path());
    const auto sample = sampler.sampleSockets();
    ASSERT_FALSE(sample.ok());
    EXPECT_EQ(text(sample.error()),
              "cannot read " + text(root.path()) + "/net/tcp: " + std::strerror(EISDIR));
}

TEST(ProcSamplerFixture, Tcp6ThatExistsButCannotBeReadIsAnError)
{
    // Only a missing tcp6 means "IPv6 disabled"; any other failure is reported.
    QTemporaryDir root;
    ASSERT_TRUE(root.isValid());
    ASSERT_TRUE(QDir(root.path()).mkpath(QStringLiteral("net/tcp6")));
    ASSERT_TRUE(
        QFile::copy(fixtureRoot("v4only/net/tcp"), root.filePath(QStringLiteral("net/tcp"))));
    ProcSampler sampler(servicePorts(), root.path());
    const auto sample = sampler.sampleSockets();
    ASSERT_FALSE(sample.ok());
    EXPECT_EQ(text(sample.error()),
              "cannot read " + text(root.path()) + "/net/tcp6: " + std::strerror(EISDIR));
}

TEST(ProcSamplerFixture, Tcp6WithAWrongHeaderIsAnError)
{
    QTemporaryDir root;
    ASSERT_TRUE(root.isValid());
    ASSERT_TRUE(QDir(root.path()).mkpath(QStringLiteral("net")));
    ASSERT_TRUE(
        QFile::copy(fixtureRoot("v4only/net/tcp"), root.filePath(QStringLiteral("net/tcp"))));
    ASSERT_TRUE(
        QFile::copy(fixtureRoot("wrong-header"), root.filePath(QStringLiteral("net/tcp6"))));
    ProcSampler sampler(servicePorts(), root.path());
    const auto sample = sampler.sampleSockets();
    ASSERT_FALSE(sample.ok());
    EXPECT_EQ(sample.error().indexOf(root.path() +
                                     QStringLiteral("/net/tcp6:1: not a /proc/net/tcp6 file")),
              0)
        << text(sample.error());
}

TEST(ProcSamplerFixture, UnreadableTcpIsAnError)
{
    QTemporaryDir root;
    ASSERT_TRUE(root.isValid());
    ASSERT_TRUE(QDir(root.path()).mkpath(QStringLiteral("net")));
    const QString path = root.filePath(QStringLiteral("net/tcp"));
    ASSERT_TRUE(QFile::copy(fixtureRoot("v4only/net/tcp"), path));
    // The folders stay traversable so that only the file's own mode is in the way.
    ASSERT_EQ(::chmod(QFile::encodeName(root.path()).constData(), 0755), 0);
    ASSERT_EQ(::chmod(QFile::encodeName(root.filePath(QStringLiteral("net"))).constData(), 0755),
              0);
    ASSERT_EQ(::chmod(QFile::encodeName(path).constData(), 0), 0);
    const std::string expected = "cannot open " + text(path) + ": " + std::strerror(EACCES);
    const int result = test::runUnprivileged([&] {
        ProcSampler sampler(servicePorts(), root.path());
        const auto sample = sampler.sampleSockets();
        if (sample.ok())
            return 1;
        return text(sample.error()) == expected ? 0 : 2;
    });
    EXPECT_EQ(result, 0) << "1: the sample succeeded; 2: the error was not '" << expected << "'";
}

} // namespace
} // namespace anycast
