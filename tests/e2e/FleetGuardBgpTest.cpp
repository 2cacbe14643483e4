#include "tests/e2e/LabAgentNode.h"
#include "tests/lab/bgp/BgpLab.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

#include <cstdio>

// Three anycast nodes announce one prefix, each agent polling the other two's /status.
// With min_announcing = 1 the last announcer must keep its route (de-preferred) when its
// own service fails, until an operator forces the withdrawal.
namespace anycast::labtest {
namespace {

using namespace std::chrono_literals;
using lab::RibRoute;

constexpr auto kRibPatience = 20s;
constexpr int kNodes = 3;

std::string text(const QJsonObject &object)
{
    return QJsonDocument(object).toJson().toStdString();
}

class FleetOverBgp : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // Ports first: every agent needs the others' URLs in its config.
        std::vector<LabAgentOptions> options(kNodes);
        for (int i = 0; i < kNodes; ++i) {
            options[i].node = QStringLiteral("lab-%1").arg(i + 1);
            m_nodes.push_back(std::make_unique<LabAgentNode>(options[i]));
        }
        for (int i = 0; i < kNodes; ++i) {
            LabAgentOptions withPeers = options[i];
            for (int j = 0; j < kNodes; ++j) {
                if (j != i)
                    withPeers.peers.append(m_nodes[j]->httpUrl());
            }
            m_nodes[i]->setOptions(withPeers);
            lab::ExabgpNodeConfig exabgp;
            exabgp.api =
                lab::ApiProcess{QStringLiteral("anycast-agent"), m_nodes[i]->bridgeArguments()};
            m_lab.addNode(exabgp);
        }
        ASSERT_TRUE(m_lab.start()) << m_lab.diagnostics().toStdString();
        for (auto &node : m_nodes)
            node->startAgent();
    }

    // Paths for the prefix in GoBGP's RIB, one per announcing node.
    int announcers()
    {
        const auto rib = m_lab.gobgp().rib();
        int count = 0;
        for (const RibRoute &route : rib.value_or(QList<RibRoute>()))
            count += route.prefix == kPrefix ? 1 : 0;
        return count;
    }

    bool waitForAnnouncers(int expected, std::chrono::milliseconds patience = kRibPatience)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < patience.count()) {
            if (announcers() == expected)
                return true;
        }
        return false;
    }

    // Until every peer in the node's status was polled after `since`.
    static bool waitForFleetViewNewerThan(const LabAgentNode &node, const QDateTime &since)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 10000) {
            const QJsonArray peers = node.status()
                                         .value(QStringLiteral("fleet"))
                                         .toObject()
                                         .value(QStringLiteral("peers"))
                                         .toArray();
            const double sinceSeconds = since.msecsTo(QDateTime::currentDateTimeUtc()) / 1000.0;
            bool allNewer = !peers.isEmpty();
            for (const QJsonValue &peer : peers) {
                const QJsonValue age = peer.toObject().value(QStringLiteral("age_s"));
                allNewer = allNewer && age.isDouble() && age.toDouble() < sinceSeconds;
            }
            if (allNewer)
                return true;
        }
        return false;
    }

    const QString kPrefix = LabAgentOptions().prefix;
    lab::BgpLab m_lab;
    std::vector<std::unique_ptr<LabAgentNode>> m_nodes;
};

TEST_F(FleetOverBgp, GuardHoldsBackTheLastAnnouncersWithdrawalUntilForced)
{
    ASSERT_TRUE(waitForAnnouncers(kNodes)) << m_lab.diagnostics().toStdString();

    // Node 1 is drained at once; node 2's service dies. Two others announce, then one: both
    // withdrawals are allowed.
    const QJsonObject drained = m_nodes[0]->call(
        QStringLiteral("drain"), {{QStringLiteral("reason"), QStringLiteral("maintenance")},
                                  {QStringLiteral("mode"), QStringLiteral("immediate")}});
    ASSERT_TRUE(drained.contains(QStringLiteral("result"))) << text(drained);
    ASSERT_TRUE(waitForAnnouncers(2));
    ASSERT_EQ(m_nodes[1]->service().command("close-listener").rfind("ok", 0), 0u);
    ASSERT_TRUE(waitForAnnouncers(1));

    // Node 3 must have polled both peers since they withdrew; then its service fails too.
    ASSERT_TRUE(waitForFleetViewNewerThan(*m_nodes[2], QDateTime::currentDateTimeUtc()));
    ASSERT_EQ(m_nodes[2]->service().command("close-listener").rfind("ok", 0), 0u);
    ASSERT_TRUE(m_nodes[2]->agent().waitForLine(QStringLiteral("withdrawal held back"), 10s))
        << "the last announcer must not withdraw";
    // Held back means announced, de-preferred: the path is prepended, and it stays.
    const auto held = m_lab.gobgp().waitForRoute(
        kPrefix, [](const RibRoute &route) { return route.asPath.size() == 4; }, kRibPatience);
    ASSERT_TRUE(held) << m_lab.diagnostics().toStdString();
    QElapsedTimer holding;
    holding.start();
    while (holding.elapsed() < 3000)
        ASSERT_EQ(announcers(), 1) << "the guard let the last route go";
    const QJsonObject route = m_nodes[2]->route();
    EXPECT_EQ(route.value(QStringLiteral("state")).toString(), QStringLiteral("degraded"))
        << text(route);
    EXPECT_TRUE(route.value(QStringLiteral("reason")).toString().contains("held back"))
        << text(route);

    // An operator forces it: the withdrawal happens and the audit log says who and why.
    const QJsonObject forced = m_nodes[2]->call(
        QStringLiteral("drain"), {{QStringLiteral("reason"), QStringLiteral("site is broken")},
                                  {QStringLiteral("mode"), QStringLiteral("immediate")},
                                  {QStringLiteral("force"), true}});
    ASSERT_TRUE(forced.contains(QStringLiteral("result"))) << text(forced);
    ASSERT_TRUE(m_lab.gobgp().waitForNoRoute(kPrefix, kRibPatience));
    QFile audit(m_nodes[2]->stateDir() + QStringLiteral("/audit.log"));
    ASSERT_TRUE(audit.open(QIODevice::ReadOnly));
    const QByteArray auditText = audit.readAll();
    EXPECT_TRUE(auditText.contains("\"force\":true")) << auditText.toStdString();
    EXPECT_TRUE(auditText.contains("site is broken")) << auditText.toStdString();
}

} // namespace
} // namespace anycast::labtest
