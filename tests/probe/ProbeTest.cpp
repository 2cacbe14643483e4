#include "tests/probe/LocalServers.h"
#include "tests/probe/ProbeRunner.h"

#include <QTcpServer>

#include <gtest/gtest.h>

namespace anycast {
namespace {

using namespace probetest;

QString tcpUrl(quint16 port)
{
    return QStringLiteral("tcp://127.0.0.1:%1").arg(port);
}

TEST(Probe, CreateMakesTheProbeOfTheSpecsKind)
{
    for (const char *text : {"tcp://127.0.0.1:1", "http://127.0.0.1/", "exec:/bin/true"}) {
        const auto probe = Probe::create(specFor(QString::fromLatin1(text)));
        ASSERT_NE(probe, nullptr) << text;
        EXPECT_FALSE(probe->running()) << text;
    }
    EXPECT_STREQ(
        Probe::create(specFor(QStringLiteral("tcp://127.0.0.1:1")))->metaObject()->className(),
        "anycast::TcpProbe");
    EXPECT_STREQ(
        Probe::create(specFor(QStringLiteral("https://127.0.0.1/")))->metaObject()->className(),
        "anycast::HttpProbe");
    EXPECT_STREQ(
        Probe::create(specFor(QStringLiteral("exec:/bin/true")))->metaObject()->className(),
        "anycast::ExecProbe");
}

TEST(TcpProbe, ConnectsToAListener)
{
    QTcpServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    const auto probe = Probe::create(specFor(tcpUrl(server.serverPort())));
    const ProbeRun run = runProbe(*probe);
    ASSERT_TRUE(run.started);
    ASSERT_EQ(run.results.size(), 1u);
    EXPECT_TRUE(run.results[0].ok) << run.results[0].detail.toStdString();
    EXPECT_TRUE(run.results[0].detail.startsWith(QStringLiteral("connected in ")))
        << run.results[0].detail.toStdString();
    EXPECT_FALSE(probe->running());
}

TEST(TcpProbe, ConnectsOverIpv6Loopback)
{
    QTcpServer server;
    // The agent supports IPv6 services, so a host without IPv6 loopback fails here loudly.
    ASSERT_TRUE(server.listen(QHostAddress::LocalHostIPv6, 0))
        << "no IPv6 loopback here: " << server.errorString().toStdString();
    const auto probe =
        Probe::create(specFor(QStringLiteral("tcp://[::1]:%1").arg(server.serverPort())));
    const ProbeRun run = runProbe(*probe);
    ASSERT_EQ(run.results.size(), 1u);
    EXPECT_TRUE(run.results[0].ok) << run.results[0].detail.toStdString();
}

TEST(TcpProbe, RefusedConnectionIsAFailure)
{
    const auto probe = Probe::create(specFor(tcpUrl(closedPort())));
    const ProbeRun run = runProbe(*probe);
    ASSERT_EQ(run.results.size(), 1u);
    EXPECT_FALSE(run.results[0].ok);
    EXPECT_TRUE(run.results[0].detail.contains(QStringLiteral("refused"), Qt::CaseInsensitive))
        << run.results[0].detail.toStdString();
}

TEST(TcpProbe, UnansweredSynTimesOut)
{
    const FullListener listener;
    const auto probe = Probe::create(specFor(tcpUrl(listener.port()), 200ms));
    const ProbeRun run = runProbe(*probe, 3s);
    ASSERT_EQ(run.results.size(), 1u);
    EXPECT_FALSE(run.results[0].ok);
    EXPECT_EQ(run.results[0].detail, QStringLiteral("timed out after 200 ms"));
    EXPECT_GE(run.results[0].elapsed, 200ms);
    EXPECT_LT(run.waited, 2s);
}

TEST(TcpProbe, StartWhileRunningIsRefusedAndFinishedComesOnce)
{
    const FullListener listener;
    const auto probe = Probe::create(specFor(tcpUrl(listener.port()), 200ms));
    expectStartRefusedWhileRunningAndFinishedOnce(*probe);
}

TEST(TcpProbe, RunsAgainAfterFinishing)
{
    QTcpServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    const auto probe = Probe::create(specFor(tcpUrl(server.serverPort())));
    for (int i = 0; i < 3; ++i) {
        const ProbeRun run = runProbe(*probe);
        ASSERT_EQ(run.results.size(), 1u) << "run " << i;
        EXPECT_TRUE(run.results[0].ok) << run.results[0].detail.toStdString();
    }
}

TEST(Probe, FailureNeverArrivesBeforeStartReturns)
{
    // Each of these can fail inside the call that starts the work; the caller must still
    // see start() return first, and then exactly one finished().
    const quint16 port = closedPort();
    for (const QString &text : {tcpUrl(port), QStringLiteral("tcp://nonexistent.invalid:80"),
                                QStringLiteral("http://127.0.0.1:%1/").arg(port),
                                QStringLiteral("exec:/nonexistent/anycast-probe-test")}) {
        const auto probe = Probe::create(specFor(text));
        bool startReturned = false;
        bool early = false;
        int finishedCount = 0;
        QObject::connect(probe.get(), &Probe::finished, [&](const ProbeResult &result) {
            early = early || !startReturned;
            ++finishedCount;
            EXPECT_FALSE(result.ok) << text.toStdString();
        });
        ASSERT_TRUE(probe->start()) << text.toStdString();
        startReturned = true;
        EXPECT_TRUE(waitUntil([&] { return finishedCount > 0; }, 5s)) << text.toStdString();
        EXPECT_FALSE(waitUntil([&] { return finishedCount > 1; }, 100ms)) << text.toStdString();
        EXPECT_FALSE(early) << text.toStdString();
        EXPECT_EQ(finishedCount, 1) << text.toStdString();
    }
}

} // namespace
} // namespace anycast
