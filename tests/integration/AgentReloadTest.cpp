#include "tests/integration/AgentProcess.h"
#include "tests/lab/LabClient.h"
#include "tests/support/AgentTestConfig.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <csignal>

// SIGHUP on the real agent: a good config is applied without touching health or routes, a
// bad one and a restart-only change are refused with the reason and the running config kept.
namespace anycast::labtest {
namespace {

using namespace std::chrono_literals;

constexpr auto kPatience = 15s;

class AgentReload : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_lab = std::make_unique<LabServiceProcess>(
            QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        // One service "web" on the lab service's port; the test rewrites it between reloads.
        m_config.operatorsGroup(QStringLiteral("root"))
            .fastPathInterval(100ms)
            .sampleInterval(300ms);
        m_config.addService(QStringLiteral("web"), {m_lab->port()})
            .prefixes({QStringLiteral("192.0.2.1/32")})
            .rise(2)
            .fall(2)
            .med(50);
    }

    ServiceTestConfig &web() { return m_config.service(QStringLiteral("web")); }

    QTemporaryDir m_dir;
    AgentTestConfig m_config{m_dir};
    std::unique_ptr<LabServiceProcess> m_lab;
};

TEST_F(AgentReload, AppliesTuningKeepsHealthAndRefusesBadConfigs)
{
    AgentProcess agent(m_config.write());
    ASSERT_TRUE(agent.waitForLine(QStringLiteral("announced (med 50)"), kPatience));

    // A new MED: the route changes attribute, never leaves, and health stays healthy.
    web().med(70);
    ASSERT_FALSE(m_config.write().isEmpty());
    agent.signal(SIGHUP);
    // The new route is decided within the reload, before it reports itself applied.
    const auto changed = agent.waitForLine(QStringLiteral("route web 192.0.2.1/32"), kPatience);
    ASSERT_TRUE(changed);
    EXPECT_TRUE(changed->contains(QStringLiteral("announced (med 50) -> announced (med 70)")))
        << changed->toStdString();
    ASSERT_TRUE(agent.waitForLine(QStringLiteral("reload: applied"), kPatience));

    // A syntax error: refused with the file, line and column; the running config stays.
    AgentTestConfig broken = m_config;
    ASSERT_FALSE(broken.extraLine(QStringLiteral("rise = = 3")).write().isEmpty());
    agent.signal(SIGHUP);
    const auto refused =
        agent.waitForLine(QStringLiteral("reload: keeping the running config"), kPatience);
    ASSERT_TRUE(refused);
    EXPECT_TRUE(refused->contains(QStringLiteral("agent.toml:"))) << refused->toStdString();

    // A port change needs a restart: refused as a whole, even with a new MED in it.
    web().med(90).ports({static_cast<quint16>(m_lab->port() + 1)});
    ASSERT_FALSE(m_config.write().isEmpty());
    agent.signal(SIGHUP);
    const auto restartOnly =
        agent.waitForLine(QStringLiteral("reload: keeping the running config"), kPatience);
    ASSERT_TRUE(restartOnly);
    EXPECT_TRUE(restartOnly->contains(QStringLiteral("ports changed")))
        << restartOnly->toStdString();
    EXPECT_TRUE(restartOnly->contains(QStringLiteral("needs a restart")))
        << restartOnly->toStdString();

    // Through all of it the service never left healthy and the route was never withdrawn.
    for (const QString &line : agent.log()) {
        EXPECT_FALSE(line.contains(QStringLiteral("healthy -> "))) << line.toStdString();
        EXPECT_FALSE(line.contains(QStringLiteral("-> withdrawn"))) << line.toStdString();
        EXPECT_FALSE(line.contains(QStringLiteral("med 90"))) << line.toStdString();
    }
}

} // namespace
} // namespace anycast::labtest
