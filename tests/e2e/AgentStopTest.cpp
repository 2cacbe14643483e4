#include "tests/e2e/LabAgentNode.h"
#include "tests/lab/bgp/BgpLab.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QThread>

#include <gtest/gtest.h>

// systemctl stop and restart in production: the agent with its ExaBGP bridge connected (real
// ExaBGP 4.2 and a GoBGP peer holding its route) and an operator's `watch` subscribed on the
// API socket, stopped by SIGTERM. It must exit 0 with no Qt warning in its log, every time.
namespace anycast::labtest {
namespace {

using namespace std::chrono_literals;

constexpr auto kPatience = 20s;

class StopOverBgp : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_node = std::make_unique<LabAgentNode>(LabAgentOptions{});
        lab::ExabgpNodeConfig exabgp;
        exabgp.api = lab::ApiProcess{QStringLiteral("anycast-agent"), m_node->bridgeArguments()};
        m_lab.addNode(exabgp);
        ASSERT_TRUE(m_lab.start()) << m_lab.diagnostics().toStdString();
    }

    // The bridge is connected and ExaBGP has acknowledged the agent's route.
    bool waitForConvergedBridge() const
    {
        const QDeadlineTimer deadline(kPatience);
        while (!deadline.hasExpired()) {
            const QJsonObject bgp = m_node->status().value(QStringLiteral("bgp")).toObject();
            const QJsonObject prefix =
                bgp.value(QStringLiteral("prefixes")).toArray().at(0).toObject();
            if (bgp.value(QStringLiteral("bridge_connected")).toBool() &&
                prefix.value(QStringLiteral("converged")).toBool())
                return true;
            QThread::msleep(50);
        }
        return false;
    }

    // An API client subscribed to samples and events, with one notification received.
    std::unique_ptr<QLocalSocket> subscribe() const
    {
        auto socket = std::make_unique<QLocalSocket>();
        socket->connectToServer(m_node->apiSocket());
        if (!socket->waitForConnected(5000))
            return nullptr;
        socket->write(R"({"jsonrpc": "2.0", "id": 1, "method": "subscribe"})"
                      "\n");
        const QDeadlineTimer deadline(kPatience);
        int lines = 0;
        while (lines < 2 && !deadline.hasExpired()) {
            if (!socket->canReadLine() && !socket->waitForReadyRead(100))
                continue;
            const QJsonObject line = QJsonDocument::fromJson(socket->readLine()).object();
            if (lines == 0 && !line.contains(QStringLiteral("result")))
                return nullptr;
            ++lines;
        }
        return lines == 2 ? std::move(socket) : nullptr;
    }

    lab::BgpLab m_lab;
    std::unique_ptr<LabAgentNode> m_node;
};

TEST_F(StopOverBgp, SigtermWithTheBridgeAndASubscriberExitsZeroThreeTimesInARow)
{
    for (int round = 1; round <= 3; ++round) {
        SCOPED_TRACE(round);
        m_node->startAgent();
        ASSERT_TRUE(m_lab.gobgp().waitForRoute(LabAgentOptions().prefix, {}, kPatience))
            << m_lab.diagnostics().toStdString();
        ASSERT_TRUE(waitForConvergedBridge()) << "the bridge never connected and converged";
        const std::unique_ptr<QLocalSocket> watcher = subscribe();
        ASSERT_TRUE(watcher) << "no subscription with a notification on the API socket";

        const QStringList problems = m_node->agent().stop();
        EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
        const QStringList &log = m_node->agent().log();
        EXPECT_TRUE(log.contains(QStringLiteral("agent: stopped")))
            << "the shutdown did not run to its end";
        // The subscriber is told: its connection ends instead of hanging.
        EXPECT_TRUE(watcher->state() == QLocalSocket::UnconnectedState ||
                    watcher->waitForDisconnected(5000));
    }
}

} // namespace
} // namespace anycast::labtest
