#include "tests/integration/AgentProcess.h"
#include "tests/lab/LabClient.h"
#include "tests/lab/bgp/BgpLab.h"
#include "tests/lab/bgp/LabSystem.h"
#include "tests/support/AgentTestConfig.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstdio>

// A hung service over real BGP: the application stops calling accept() while clients keep
// arriving. The route must be de-preferred in GoBGP's RIB first, within the stall window,
// and withdrawn only if the stall persists.
namespace anycast::labtest {
namespace {

using namespace std::chrono_literals;
using lab::RibRoute;

constexpr auto kPatience = 20s;
const QString kPrefix = QStringLiteral("192.0.2.12/32");
constexpr quint32 kLocalAs = 65001;

class AgentHangOverBgp : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        AgentTestConfig config(m_dir);
        m_service = std::make_unique<LabServiceProcess>(
            QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                        QStringLiteral("--backlog"), QStringLiteral("64")});
        lab::ExabgpNodeConfig node;
        node.localAs = kLocalAs;
        node.api = lab::ApiProcess{QStringLiteral("anycast-agent"),
                                   {QStringLiteral(ANYCAST_BIN_DIR "/anycast-exabgp-bridge"),
                                    QStringLiteral("--socket"), config.bgpSocket()}};
        m_lab.addNode(node);
        ASSERT_TRUE(m_lab.start()) << m_lab.diagnostics().toStdString();
        // Defaults for the fast path, the samples, the probe and the hang windows; a flap
        // budget that lets the route come back after announce, de-prefer and withdraw.
        config.localAs(kLocalAs).nextHop(QStringLiteral("198.51.100.7")).flapBudget(20);
        config.addService(QStringLiteral("web"), {m_service->port()})
            .prefixes({kPrefix})
            .probe(QStringLiteral("http://127.0.0.1:%1/").arg(m_service->port()));
        const QString path = config.write();
        ASSERT_FALSE(path.isEmpty());
        m_agent = std::make_unique<AgentProcess>(path);
        ASSERT_TRUE(m_lab.gobgp().waitForRoute(kPrefix, {}, kPatience))
            << m_lab.diagnostics().toStdString();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<LabServiceProcess> m_service;
    lab::BgpLab m_lab;
    std::unique_ptr<AgentProcess> m_agent;
};

TEST_F(AgentHangOverBgp, StalledAcceptQueueIsDePreferredBeforeItIsWithdrawn)
{
    ASSERT_EQ(m_service->command("pause-accept").rfind("ok", 0), 0u);
    QElapsedTimer sincePause;
    sincePause.start();
    std::vector<Fd> clients;
    std::optional<qint64> dePreferredAt;
    std::optional<qint64> withdrawnAt;
    QList<quint32> dePreferredPath;
    auto nextClient = std::chrono::steady_clock::now();
    while (sincePause.elapsed() < 20000 && !withdrawnAt) {
        if (std::chrono::steady_clock::now() >= nextClient) {
            clients.push_back(connectTo("127.0.0.1", m_service->port()));
            sendAll(clients.back(), kGet);
            nextClient += 200ms;
        }
        const auto rib = m_lab.gobgp().rib();
        ASSERT_TRUE(rib) << m_lab.diagnostics().toStdString();
        const auto route = std::find_if(rib->begin(), rib->end(),
                                        [](const RibRoute &r) { return r.prefix == kPrefix; });
        if (route == rib->end()) {
            withdrawnAt = sincePause.elapsed();
        } else if (route->asPath.size() > 1 && !dePreferredAt) {
            dePreferredAt = sincePause.elapsed();
            dePreferredPath = route->asPath;
        }
    }
    ASSERT_TRUE(dePreferredAt) << "the route was never de-preferred";
    ASSERT_TRUE(withdrawnAt) << "the stall never withdrew the route";
    std::printf("[ timing ] accept paused -> de-preferred in GoBGP: %lld ms, withdrawn: %lld ms\n",
                static_cast<long long>(*dePreferredAt), static_cast<long long>(*withdrawnAt));
    EXPECT_LT(*dePreferredAt, *withdrawnAt);
    EXPECT_EQ(dePreferredPath, QList<quint32>(4, kLocalAs)) << "three prepends when degraded";

    ASSERT_EQ(m_service->command("resume-accept").rfind("ok", 0), 0u);
    ASSERT_TRUE(m_lab.gobgp().waitForRoute(
        kPrefix, [](const RibRoute &r) { return r.asPath.size() == 1; }, kPatience))
        << "the route never came back after the application accepted again";
}

} // namespace
} // namespace anycast::labtest
