// The BGP lab harness against the real daemons: gobgpd as route collector, ExaBGP per node,
// all on loopback. Every wait has a deadline; the times printed are the budgets the agent's
// own tests start from.

#include "tests/lab/bgp/BgpLab.h"

#include "tests/lab/bgp/LabSystem.h"

#include <QElapsedTimer>
#include <QFile>

#include <gtest/gtest.h>

#include <cstdio>

using namespace anycast::lab;
using namespace std::chrono_literals;

namespace {

const QString ServicePrefix = QStringLiteral("192.0.2.1/32");

StaticRoute serviceRoute(QList<quint32> asPath = {})
{
    StaticRoute route;
    route.prefix = ServicePrefix;
    route.nextHop = QStringLiteral("198.51.100.1");
    route.med = 100;
    route.communities = {QStringLiteral("65001:100")};
    route.asPath = std::move(asPath);
    return route;
}

ExabgpNodeConfig nodeWith(const StaticRoute &route)
{
    ExabgpNodeConfig config;
    config.staticRoutes = {route};
    return config;
}

void report(const char *what, qint64 milliseconds)
{
    std::printf("[   TIME   ] %s: %lld ms\n", what, static_cast<long long>(milliseconds));
    std::fflush(stdout);
}

} // namespace

TEST(GobgpJsonTest, ParsesRibCapturedFromGobgp310)
{
    // `gobgp -j global rib` from gobgp 3.10 with one ExaBGP 4.2 peer, trimmed.
    const QByteArray json = R"({"192.0.2.1/32":[{"nlri":{"prefix":"192.0.2.1/32"},"age":1,
        "best":true,"attrs":[{"type":1,"value":0},{"type":2,"as_paths":[{"segment_type":2,
        "num":2,"asns":[65001,65001]}]},{"type":3,"nexthop":"198.51.100.1"},{"type":4,
        "metric":100},{"type":8,"communities":[4259905636]}],"stale":false,
        "source-id":"127.0.0.2","neighbor-ip":"127.0.0.2"}]})";
    const auto routes = parseGobgpRib(json);
    ASSERT_TRUE(routes.has_value());
    ASSERT_EQ(routes->size(), 1);
    const RibRoute &route = routes->first();
    EXPECT_EQ(route.prefix, ServicePrefix);
    EXPECT_EQ(route.nextHop, QStringLiteral("198.51.100.1"));
    EXPECT_EQ(route.med, 100u);
    EXPECT_EQ(route.asPath, (QList<quint32>{65001, 65001}));
    EXPECT_EQ(route.communities, QStringList{QStringLiteral("65001:100")});
    EXPECT_EQ(route.neighbor, QStringLiteral("127.0.0.2"));
    EXPECT_TRUE(route.best);

    EXPECT_EQ(parseGobgpRib("{}")->size(), 0);
    EXPECT_FALSE(parseGobgpRib("[1]").has_value());
    EXPECT_EQ(communityText(0xFFFF0000u), QStringLiteral("65535:0"));
}

TEST(GobgpJsonTest, ParsesNeighborStates)
{
    const QByteArray json = R"([{"conf":{"neighbor_address":"127.0.0.2","peer_asn":65001},
        "state":{"neighbor_address":"127.0.0.2","session_state":6}},
        {"conf":{"neighbor_address":"127.0.0.3"},"state":{}},
        {"conf":{"neighbor_address":"127.0.0.4"},"state":{"session_state":"ACTIVE"}}])";
    const auto states = parseGobgpNeighborStates(json);
    ASSERT_TRUE(states.has_value());
    EXPECT_EQ(states->value(QStringLiteral("127.0.0.2")), QStringLiteral("established"));
    EXPECT_EQ(states->value(QStringLiteral("127.0.0.3")), QStringLiteral("unknown"));
    EXPECT_EQ(states->value(QStringLiteral("127.0.0.4")), QStringLiteral("active"));
    EXPECT_FALSE(parseGobgpNeighborStates("{").has_value());
}

TEST(ExabgpConfigTest, RendersNeighborApiAndStaticRoute)
{
    ExabgpNodeConfig config;
    config.localAddress = QStringLiteral("127.0.0.5");
    config.peerPort = 10179;
    config.api = ApiProcess{QStringLiteral("bridge"),
                            {QStringLiteral("/bin/bridge"), QStringLiteral("--socket"),
                             QStringLiteral("/run/bgp.sock")}};
    config.staticRoutes = {serviceRoute({65001, 65001})};
    const QString text = ExabgpProcess::renderConfig(config);
    EXPECT_TRUE(text.contains(
        QStringLiteral("process bridge {\n    run /bin/bridge --socket /run/bgp.sock;\n"
                       "    encoder json;\n}")))
        << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("neighbor 127.0.0.1 {\n    router-id 127.0.0.5;\n"
                                             "    local-address 127.0.0.5;\n")))
        << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("    connect 10179;\n")));
    EXPECT_TRUE(text.contains(QStringLiteral("processes [ bridge ];\n        neighbor-changes;")));
    EXPECT_TRUE(text.contains(
        QStringLiteral("route 192.0.2.1/32 next-hop 198.51.100.1 med 100 community [ 65001:100 ] "
                       "as-path [ 65001 65001 ];")))
        << qPrintable(text);

    config.api->argv = {QStringLiteral("/bin/bridge --socket x")};
    QString error;
    EXPECT_TRUE(ExabgpProcess::renderConfig(config, &error).isEmpty());
    EXPECT_FALSE(error.isEmpty());
}

TEST(BgpLabTest, GobgpStartsOnLoopbackWithPassiveNeighbor)
{
    GobgpDaemon gobgp;
    gobgp.addNeighbor(QStringLiteral("127.0.0.2"));
    QElapsedTimer timer;
    timer.start();
    ASSERT_TRUE(gobgp.start()) << qPrintable(gobgp.lastError() + u'\n' + gobgp.log());
    report("gobgpd ready", timer.elapsed());
    EXPECT_TRUE(isListeningOnLoopback(gobgp.bgpPort()));
    const auto states = gobgp.neighborStates();
    ASSERT_TRUE(states.has_value()) << qPrintable(gobgp.lastError());
    EXPECT_NE(states->value(QStringLiteral("127.0.0.2")), QStringLiteral("established"));
    EXPECT_EQ(gobgp.rib()->size(), 0);
    // The waits must be able to fail: nobody announces, nobody connects.
    EXPECT_FALSE(gobgp.waitForRoute(ServicePrefix, {}, 200ms).has_value());
    EXPECT_FALSE(gobgp.waitEstablished(QStringLiteral("127.0.0.2"), 200ms));
}

TEST(BgpLabTest, StaticRouteReachesGobgpWithItsAttributes)
{
    BgpLab lab;
    lab.addNode(nodeWith(serviceRoute()));
    ASSERT_TRUE(lab.start()) << qPrintable(lab.diagnostics());
    report("ExaBGP start to Established", lab.establishedAfter().count());

    const auto route = lab.gobgp().waitForRoute(ServicePrefix);
    ASSERT_TRUE(route.has_value()) << qPrintable(lab.diagnostics());
    EXPECT_EQ(route->nextHop, QStringLiteral("198.51.100.1"));
    EXPECT_EQ(route->med, 100u);
    EXPECT_EQ(route->communities, QStringList{QStringLiteral("65001:100")});
    EXPECT_EQ(route->asPath, QList<quint32>{65001});
    EXPECT_EQ(route->neighbor, QStringLiteral("127.0.0.2"));
    EXPECT_FALSE(lab.gobgp()
                     .waitForRoute(
                         ServicePrefix, [](const RibRoute &r) { return r.med == 999u; }, 200ms)
                     .has_value());
}

TEST(BgpLabTest, PrependedNodeShowsTheLongerPath)
{
    BgpLab lab;
    lab.addNode(nodeWith(serviceRoute()));
    lab.addNode(nodeWith(serviceRoute({65001, 65001, 65001})));
    ASSERT_TRUE(lab.start()) << qPrintable(lab.diagnostics());
    report("two ExaBGP nodes to Established", lab.establishedAfter().count());

    // The two paths arrive in either order, and whichever came first is best until the
    // other is there: wait for the settled RIB, where the shorter path wins.
    const auto plain = lab.gobgp().waitForRoute(ServicePrefix, [](const RibRoute &r) {
        return r.neighbor == QStringLiteral("127.0.0.2") && r.best;
    });
    ASSERT_TRUE(plain.has_value()) << "the shorter path never became best\n"
                                   << qPrintable(lab.diagnostics());
    EXPECT_EQ(plain->asPath, QList<quint32>{65001});
    const auto prepended = lab.gobgp().waitForRoute(ServicePrefix, [](const RibRoute &r) {
        return r.neighbor == QStringLiteral("127.0.0.3") && !r.best;
    });
    ASSERT_TRUE(prepended.has_value()) << qPrintable(lab.diagnostics());
    EXPECT_EQ(prepended->asPath, (QList<quint32>{65001, 65001, 65001}));
}

TEST(BgpLabTest, StoppingExabgpWithdrawsAndRestartingAnnouncesAgain)
{
    BgpLab lab;
    lab.addNode(nodeWith(serviceRoute()));
    ASSERT_TRUE(lab.start()) << qPrintable(lab.diagnostics());
    ASSERT_TRUE(lab.gobgp().waitForRoute(ServicePrefix)) << qPrintable(lab.diagnostics());
    const QString address = lab.node(0).config().localAddress;

    QElapsedTimer timer;
    timer.start();
    ASSERT_TRUE(lab.stopNode(0)) << qPrintable(lab.diagnostics());
    EXPECT_TRUE(lab.gobgp().waitForNoRoute(ServicePrefix)) << qPrintable(lab.diagnostics());
    report("SIGTERM to route gone", timer.elapsed());
    EXPECT_FALSE(lab.node(0).isRunning());

    // GoBGP holds a dropped neighbor in Idle for 5 s; startNode() waits that out.
    timer.restart();
    ASSERT_TRUE(lab.startNode(0)) << qPrintable(lab.diagnostics());
    report("restart to Established (incl. GoBGP's 5 s idle hold)", timer.elapsed());
    timer.restart();
    EXPECT_TRUE(lab.gobgp().waitForRoute(ServicePrefix).has_value())
        << qPrintable(lab.diagnostics());
    report("Established to route back", timer.elapsed());
}

TEST(BgpLabTest, KilledExabgpDropsTheSession)
{
    BgpLab lab;
    lab.addNode(nodeWith(serviceRoute()));
    ASSERT_TRUE(lab.start()) << qPrintable(lab.diagnostics());
    ASSERT_TRUE(lab.gobgp().waitForRoute(ServicePrefix)) << qPrintable(lab.diagnostics());

    QElapsedTimer timer;
    timer.start();
    const qint64 pid = lab.node(0).pid();
    lab.node(0).kill();
    EXPECT_FALSE(lab.node(0).isRunning());
    EXPECT_FALSE(QFile::exists(QStringLiteral("/proc/%1/cmdline").arg(pid)));
    EXPECT_TRUE(lab.gobgp().waitForNoRoute(ServicePrefix)) << qPrintable(lab.diagnostics());
    report("SIGKILL to route gone", timer.elapsed());
}

TEST(BgpLabTest, ApiProcessAnnouncesThroughExabgp)
{
    QTemporaryDir scripts;
    ASSERT_TRUE(scripts.isValid());
    // A stand-in for anycast-exabgp-bridge: one announce on stdout, then read ExaBGP's JSON.
    const QString script = scripts.filePath(QStringLiteral("announce.sh"));
    QFile file(script);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\n"
               "echo 'announce route 192.0.2.7/32 next-hop 198.51.100.7 med 7'\n"
               "while read -r line; do :; done\n");
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    BgpLab lab;
    ExabgpNodeConfig config;
    config.api = ApiProcess{QStringLiteral("bridge"), {script}};
    lab.addNode(config);
    ASSERT_TRUE(lab.start()) << qPrintable(lab.diagnostics());
    const auto route = lab.gobgp().waitForRoute(QStringLiteral("192.0.2.7/32"));
    ASSERT_TRUE(route.has_value()) << qPrintable(lab.diagnostics());
    EXPECT_EQ(route->med, 7u);
    EXPECT_FALSE(processesMentioning(script).isEmpty());

    lab.stop();
    EXPECT_EQ(processesMentioning(script), QList<qint64>{});
}

TEST(BgpLabTest, TeardownLeavesNothingRunning)
{
    QStringList paths;
    QElapsedTimer timer;
    {
        BgpLab lab;
        lab.addNode(nodeWith(serviceRoute()));
        lab.addNode(nodeWith(serviceRoute({65001, 65001})));
        ASSERT_TRUE(lab.start()) << qPrintable(lab.diagnostics());
        paths.append(lab.gobgp().configPath());
        for (int index = 0; index < lab.nodeCount(); ++index)
            paths.append(lab.node(index).configPath());
        for (const QString &path : paths)
            EXPECT_EQ(processesMentioning(path).size(), 1) << qPrintable(path);
        timer.start();
    }
    report("teardown of gobgpd + 2 ExaBGP", timer.elapsed());
    for (const QString &path : paths)
        EXPECT_EQ(processesMentioning(path), QList<qint64>{}) << qPrintable(path);
}
