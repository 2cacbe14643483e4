// What only the /proc backend does: no tcp_info, no backlog, and the proc root it reads can
// be missing or broken. The behaviour it shares with NetlinkSampler is tested for both in
// SamplerAgreementTest.cpp.

#include "agent/sampler/ProcSampler.h"

#include "tests/kernel/LoopbackSockets.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <stdexcept>

namespace anycast {
namespace {

using namespace loopback;

const QString kV4 = QStringLiteral("127.0.0.1");

QByteArray readProcFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path.toStdString());
    return file.readAll(); // /proc files report size 0; readAll reads to the end anyway
}

// A fake proc root holding net/tcp with `content` and no net/tcp6.
class FakeProcRoot
{
public:
    explicit FakeProcRoot(const QByteArray &tcpContent)
    {
        if (!m_dir.isValid() || !QDir(m_dir.path()).mkdir(QStringLiteral("net")))
            throw std::runtime_error("cannot create a temporary proc root");
        QFile file(tcpPath());
        if (!file.open(QIODevice::WriteOnly) || file.write(tcpContent) != tcpContent.size())
            throw std::runtime_error("cannot write " + tcpPath().toStdString());
    }
    QString path() const { return m_dir.path(); }
    QString tcpPath() const { return m_dir.path() + QStringLiteral("/net/tcp"); }

private:
    QTemporaryDir m_dir;
};

// 6. /proc/net/tcp has neither tcp_info nor the listen backlog: the summary says so (not
// available, all zero) even for connections that carried data, and the backlog is unknown.
TEST(ProcSampler, ReportsNoTcpInfoAndNoBacklog)
{
    const PortReservation reservation;
    const std::uint16_t port = reservation.port();
    ProcSampler sampler(singleServicePortMap(port), QStringLiteral("/proc"));
    EXPECT_EQ(sampler.name(), QStringLiteral("proc"));
    const Socket server = listenOn(kV4, port, 8);
    auto connections = connectAndAccept(server, kV4, port, 3);
    for (Connection &connection : connections) {
        connection.client.sendAll(4096);
        connection.server.receiveExactly(4096);
    }

    // Read until settled: see settledSocketsOf for why a /proc read can be torn.
    const SocketSample sample = settledSocketsOf(sampler);
    EXPECT_EQ(sample.source, QStringLiteral("proc"));
    EXPECT_TRUE(sample.warnings.isEmpty()) << sample.warnings.join(u'\n').toStdString();
    EXPECT_EQ(serviceOf(sample).tcpInfo, TcpInfoSummary{});
    EXPECT_EQ(serviceOf(sample).states,
              stateCounts({{TcpState::Listen, 1}, {TcpState::Established, 3}}));
    ASSERT_EQ(serviceOf(sample).listeners.size(), 1);
    EXPECT_EQ(serviceOf(sample).listeners[0].backlog, std::nullopt);
    const ListenerSample fast = settledListenersOf(sampler);
    ASSERT_EQ(serviceOf(fast).listeners.size(), 1);
    EXPECT_EQ(serviceOf(fast).listeners[0].backlog, std::nullopt);
}

// 8. A proc root that does not exist: both samples fail, naming the file they could not
// read, and the sampler keeps working (no crash, no stale state).
TEST(ProcSampler, MissingProcRootFailsNamingTheFile)
{
    const QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString root = dir.path() + QStringLiteral("/no-such-proc");
    const PortReservation reservation;
    ProcSampler sampler(singleServicePortMap(reservation.port()), root);
    const QString file = root + QStringLiteral("/net/tcp");

    for (int round = 0; round < 2; ++round) {
        const auto listeners = sampler.sampleListeners();
        ASSERT_FALSE(listeners);
        EXPECT_TRUE(listeners.error().contains(file)) << listeners.error().toStdString();
        const auto sockets = sampler.sampleSockets();
        ASSERT_FALSE(sockets);
        EXPECT_TRUE(sockets.error().contains(file)) << sockets.error().toStdString();
    }
}

// A net/tcp that is not a /proc/net/tcp file is an error naming it, not an empty host.
TEST(ProcSampler, TcpFileWithTheWrongHeaderFails)
{
    const FakeProcRoot root("this is not /proc/net/tcp\n");
    const PortReservation reservation;
    ProcSampler sampler(singleServicePortMap(reservation.port()), root.path());

    const auto listeners = sampler.sampleListeners();
    ASSERT_FALSE(listeners);
    EXPECT_TRUE(listeners.error().contains(root.tcpPath())) << listeners.error().toStdString();
    const auto sockets = sampler.sampleSockets();
    ASSERT_FALSE(sockets);
    EXPECT_TRUE(sockets.error().contains(root.tcpPath())) << sockets.error().toStdString();
}

// A net/tcp written out by hand, in the kernel's format (get_tcp4_sock and
// get_timewait4_sock in net/ipv4/tcp_ipv4.c): addresses and ports in hex, the address as
// the host-order print of a network-order word (127.0.0.1 -> 0100007F). Being fixed, it has
// exact counts for the other sockets as well.
constexpr std::uint16_t kFakePort = 8443; // 20FB
QByteArray fakeTcpTable(const QByteArray &extraLine = {})
{
    QByteArray table = readProcFile(QStringLiteral("/proc/net/tcp")).split('\n').value(0) + '\n';
    table += "   0: 0100007F:20FB 00000000:0000 0A 00000000:00000002 00:00000000 00000000     0"
             "        0 4242 1 0000000000000000 100 0 0 10 0\n";
    table += extraLine;
    table += "   1: 0100007F:20FB 0100007F:A001 01 00000000:00000000 00:00000000 00000000     0"
             "        0 4243 1 0000000000000000 20 4 30 10 -1\n";
    table += "   2: 0100007F:20FB 0100007F:A002 01 00000000:00000000 00:00000000 00000000     0"
             "        0 4244 1 0000000000000000 20 4 30 10 -1\n";
    table += "   3: 0100007F:20FB 0100007F:A003 06 00000000:00000000 03:00001248 00000000     0"
             "        0 0 3 0000000000000000\n";
    table += "   4: 0100007F:A001 0100007F:20FB 01 00000000:00000000 00:00000000 00000000     0"
             "        0 4245 1 0000000000000000 20 4 30 10 -1\n";
    table += "   5: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0"
             "        0 4246 1 0000000000000000 100 0 0 10 0\n";
    return table;
}

// What ProcSampler must make of fakeTcpTable(): the service's listener with 2 queued, 2
// ESTABLISHED and 1 TIME_WAIT; one ESTABLISHED client end and one listener elsewhere.
void expectFakeTableCounted(ProcSampler &sampler)
{
    ListenerStats listener;
    listener.address = kV4;
    listener.port = kFakePort;
    listener.acceptQueue = 2;
    EXPECT_EQ(serviceOf(listenersOf(sampler)).listeners, QList<ListenerStats>{listener});
    const SocketSample sample = socketsOf(sampler);
    EXPECT_EQ(serviceOf(sample).listeners, QList<ListenerStats>{listener});
    EXPECT_EQ(
        serviceOf(sample).states,
        stateCounts({{TcpState::Listen, 1}, {TcpState::Established, 2}, {TcpState::TimeWait, 1}}));
    EXPECT_EQ(sample.otherSockets,
              stateCounts({{TcpState::Listen, 1}, {TcpState::Established, 1}}));
}

// No net/tcp6 means IPv6 is off, not an error: net/tcp alone is counted.
TEST(ProcSampler, MissingTcp6IsNotAnError)
{
    const FakeProcRoot root(fakeTcpTable());
    ProcSampler sampler(singleServicePortMap(kFakePort), root.path());
    expectFakeTableCounted(sampler);
    EXPECT_TRUE(socketsOf(sampler).warnings.isEmpty());
}

// A line that does not parse is skipped and reported as one warning naming the file; the
// lines around it still count.
TEST(ProcSampler, MalformedLineIsSkippedWithAWarning)
{
    const FakeProcRoot root(fakeTcpTable("   9: this line is broken\n"));
    ProcSampler sampler(singleServicePortMap(kFakePort), root.path());
    expectFakeTableCounted(sampler);
    const SocketSample sample = socketsOf(sampler);
    ASSERT_EQ(sample.warnings.size(), 1) << sample.warnings.join(u'\n').toStdString();
    EXPECT_TRUE(sample.warnings[0].contains(root.tcpPath())) << sample.warnings[0].toStdString();
}

} // namespace
} // namespace anycast
