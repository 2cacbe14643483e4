#include "tests/e2e/LabAgentNode.h"

#include <QElapsedTimer>
#include <QJsonDocument>

#include <gtest/gtest.h>

// Three real agents with HTTP probes and shared_fault_check, polling each other's /status
// (no BGP needed: the route decisions are in the status). A probe failure at one site is
// local and withdraws; the same failure at every site is shared and only de-prefers.
namespace anycast::labtest {
namespace {

using namespace std::chrono_literals;

constexpr int kNodes = 3;

class SharedFault : public ::testing::Test
{
protected:
    void SetUp() override
    {
        std::vector<LabAgentOptions> options(kNodes);
        for (int i = 0; i < kNodes; ++i) {
            options[i].node = QStringLiteral("lab-%1").arg(i + 1);
            options[i].httpProbe = true;
            options[i].sharedFaultCheck = true;
            m_nodes.push_back(std::make_unique<LabAgentNode>(options[i]));
        }
        for (int i = 0; i < kNodes; ++i) {
            for (int j = 0; j < kNodes; ++j) {
                if (j != i)
                    options[i].peers.append(m_nodes[j]->httpUrl());
            }
            m_nodes[i]->setOptions(options[i]);
            m_nodes[i]->startAgent();
        }
    }

    // Until node `index`'s route has `state` and a reason containing `reasonPart`.
    bool waitForRoute(int index, const QString &state, const QString &reasonPart = {})
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000) {
            m_lastRoute = m_nodes[index]->route();
            if (m_lastRoute.value(QStringLiteral("state")).toString() == state &&
                m_lastRoute.value(QStringLiteral("reason")).toString().contains(reasonPart))
                return true;
        }
        return false;
    }

    std::string lastRoute() const
    {
        QString log;
        for (const auto &node : m_nodes) {
            node->agent().waitForLine(QStringLiteral("\n"), 200ms); // reads what is there
            log += node->agent().log().join(QLatin1Char('\n')) + QLatin1Char('\n');
        }
        return QJsonDocument(m_lastRoute).toJson().toStdString() + log.toStdString();
    }

    std::vector<std::unique_ptr<LabAgentNode>> m_nodes;
    QJsonObject m_lastRoute;
};

TEST_F(SharedFault, OneFailingSiteWithdrawsEveryFailingSiteOnlyDeprefers)
{
    for (int i = 0; i < kNodes; ++i)
        ASSERT_TRUE(waitForRoute(i, QStringLiteral("announced"))) << i << lastRoute();

    // Only node 1's service answers 500: its peers' probes pass, so the fault is local.
    ASSERT_EQ(m_nodes[0]->service().command("status 500").rfind("ok", 0), 0u);
    ASSERT_TRUE(waitForRoute(0, QStringLiteral("withdrawn"), QStringLiteral("probe failed")))
        << lastRoute();
    EXPECT_FALSE(m_lastRoute.value(QStringLiteral("reason")).toString().contains("shared fault"))
        << lastRoute();

    // Every site answers 500 (a shared backend, a bad deploy everywhere): no site withdraws
    // for it; all are de-preferred with the reason.
    for (int i = 1; i < kNodes; ++i)
        ASSERT_EQ(m_nodes[i]->service().command("status 500").rfind("ok", 0), 0u);
    for (int i = 0; i < kNodes; ++i) {
        ASSERT_TRUE(waitForRoute(i, QStringLiteral("degraded"), QStringLiteral("shared fault")))
            << "node " << i + 1 << lastRoute();
    }

    for (int i = 0; i < kNodes; ++i)
        ASSERT_EQ(m_nodes[i]->service().command("status 200").rfind("ok", 0), 0u);
    for (int i = 0; i < kNodes; ++i)
        ASSERT_TRUE(waitForRoute(i, QStringLiteral("announced"))) << i << lastRoute();
}

} // namespace
} // namespace anycast::labtest
