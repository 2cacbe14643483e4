#include "tests/e2e/LabAgentNode.h"
#include "tests/lab/bgp/BgpLab.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

#include <cstdio>

// Operator drains end to end, every part real: the API call on the agent's Unix socket ->
// drain state and audit log on disk -> the route policy -> anycast-exabgp-bridge under
// ExaBGP 4.2 -> GoBGP's RIB.
namespace anycast::labtest {
namespace {

using namespace std::chrono_literals;
using lab::RibRoute;

constexpr auto kRibPatience = 20s;
const QString kGracefulShutdown = QStringLiteral("65535:0");

void report(const char *what, const QElapsedTimer &timer)
{
    std::printf("[ timing ] %s: %lld ms\n", what, static_cast<long long>(timer.elapsed()));
    std::fflush(stdout);
}

std::string text(const QJsonObject &object)
{
    return QJsonDocument(object).toJson().toStdString();
}

class DrainOverBgp : public ::testing::Test
{
protected:
    void startAll(LabAgentOptions options)
    {
        m_node = std::make_unique<LabAgentNode>(std::move(options));
        lab::ExabgpNodeConfig exabgp;
        exabgp.api = lab::ApiProcess{QStringLiteral("anycast-agent"), m_node->bridgeArguments()};
        m_lab.addNode(exabgp);
        ASSERT_TRUE(m_lab.start()) << m_lab.diagnostics().toStdString();
        m_node->startAgent();
    }

    std::optional<RibRoute> waitForRoute(const std::function<bool(const RibRoute &)> &accept = {})
    {
        return m_lab.gobgp().waitForRoute(kPrefix, accept, kRibPatience);
    }

    QJsonObject drain(const QJsonObject &params)
    {
        return m_node->call(QStringLiteral("drain"), params);
    }

    const QString kPrefix = LabAgentOptions().prefix;
    lab::BgpLab m_lab;
    std::unique_ptr<LabAgentNode> m_node;
};

TEST_F(DrainOverBgp, GracefulDrainSignalsGracefulShutdownThenWithdrawsBelowTheFloor)
{
    LabAgentOptions options;
    options.drainFloor = 2;
    startAll(options);
    ASSERT_TRUE(waitForRoute()) << m_lab.diagnostics().toStdString();
    // Three users on the service: above the floor of 2, so the drain has to wait for them.
    std::vector<Fd> users;
    for (int i = 0; i < 3; ++i)
        users.push_back(connectTo("127.0.0.1", m_node->service().port()));
    ASSERT_TRUE(m_node->waitForEstablished(3)) << "the agent never counted the three users";

    QElapsedTimer sinceDrain;
    sinceDrain.start();
    const QJsonObject reply = drain({{QStringLiteral("reason"), QStringLiteral("kernel upgrade")},
                                     {QStringLiteral("ticket"), QStringLiteral("CHG-1234")}});
    ASSERT_TRUE(reply.value(QStringLiteral("result")).toObject().value("persisted").toBool())
        << text(reply);
    const auto draining = waitForRoute(
        [this](const RibRoute &route) { return route.communities.contains(kGracefulShutdown); });
    ASSERT_TRUE(draining) << "GRACEFUL_SHUTDOWN never reached the peer\n"
                          << m_lab.diagnostics().toStdString();
    report("drain requested -> 65535:0 in GoBGP's RIB", sinceDrain);
    EXPECT_EQ(draining->asPath, QList<quint32>(4, 65001)) << "three drain prepends expected";
    EXPECT_EQ(m_node->route().value(QStringLiteral("state")).toString(),
              QStringLiteral("draining"));

    // Still draining while three connections remain: the route must stay.
    EXPECT_TRUE(m_lab.gobgp().waitForRoute(kPrefix, {}, 1s));
    // Two users leave: one established connection is below the floor of 2.
    users.resize(1);
    QElapsedTimer sinceBleedOff;
    sinceBleedOff.start();
    ASSERT_TRUE(m_lab.gobgp().waitForNoRoute(kPrefix, kRibPatience));
    report("connections below the floor -> route withdrawn", sinceBleedOff);
    const QJsonObject status = m_node->status();
    EXPECT_EQ(status.value(QStringLiteral("operator")).toObject().value("node_state").toString(),
              QStringLiteral("drained"))
        << text(status);
    EXPECT_TRUE(m_node->route().value(QStringLiteral("reason")).toString().contains("below"))
        << text(m_node->route());

    // The audit log names who drained, why and under which ticket.
    QFile audit(m_node->stateDir() + QStringLiteral("/audit.log"));
    ASSERT_TRUE(audit.open(QIODevice::ReadOnly));
    const QByteArray auditText = audit.readAll();
    EXPECT_TRUE(auditText.contains("\"reason\":\"kernel upgrade\"")) << auditText.toStdString();
    EXPECT_TRUE(auditText.contains("\"ticket\":\"CHG-1234\"")) << auditText.toStdString();
}

TEST_F(DrainOverBgp, DrainedNodeNeverAnnouncesAfterAgentAndExabgpAreKilled)
{
    startAll({});
    ASSERT_TRUE(waitForRoute()) << m_lab.diagnostics().toStdString();
    const QJsonObject reply = drain({{QStringLiteral("reason"), QStringLiteral("maintenance")},
                                     {QStringLiteral("mode"), QStringLiteral("immediate")}});
    ASSERT_TRUE(reply.contains(QStringLiteral("result"))) << text(reply);
    ASSERT_TRUE(m_lab.gobgp().waitForNoRoute(kPrefix, kRibPatience));

    // A crash of everything on the node: no clean shutdown anywhere.
    m_node->killAgent();
    m_lab.node(0).kill();
    ASSERT_TRUE(m_lab.startNode(0)) << m_lab.diagnostics().toStdString();
    m_node->startAgent();
    ASSERT_TRUE(m_node->agent().waitForLine(QStringLiteral("drain state from"), 10s));
    ASSERT_TRUE(m_node->agent().waitForLine(QStringLiteral("bgp: bridge connected"), 20s))
        << m_lab.diagnostics().toStdString();

    // The session is up and the agent has told the bridge everything: for five seconds the
    // prefix must never show in the RIB, and the agent must never have asked to announce it.
    QElapsedTimer watching;
    watching.start();
    while (watching.elapsed() < 5000) {
        const auto rib = m_lab.gobgp().rib();
        ASSERT_TRUE(rib);
        for (const RibRoute &route : *rib)
            ASSERT_NE(route.prefix, kPrefix) << "a drained node announced after a restart";
    }
    for (const QString &line : m_node->agent().log())
        EXPECT_FALSE(line.contains(QStringLiteral("announce route ") + kPrefix))
            << line.toStdString();
    const QJsonObject status = m_node->status();
    EXPECT_EQ(status.value(QStringLiteral("operator")).toObject().value("node_state").toString(),
              QStringLiteral("drained"))
        << text(status);

    // Undrained, it comes back once healthy for `rise` checks.
    QElapsedTimer sinceUndrain;
    sinceUndrain.start();
    const QJsonObject undrained = m_node->call(
        QStringLiteral("undrain"), {{QStringLiteral("reason"), QStringLiteral("done")}});
    ASSERT_TRUE(undrained.contains(QStringLiteral("result"))) << text(undrained);
    ASSERT_TRUE(waitForRoute()) << m_lab.diagnostics().toStdString();
    report("undrain -> announced again", sinceUndrain);
}

} // namespace
} // namespace anycast::labtest
