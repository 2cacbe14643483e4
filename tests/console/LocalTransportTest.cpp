#include "app/transport/LocalTransport.h"

#include "app/inventory/InventoryWatcher.h"
#include "app/transport/FleetConnections.h"
#include "tests/console/ConsoleTestSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <cstdio>

namespace anycast::consoletest {
namespace {

class LocalAgentTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_agent = std::make_unique<sshlab::LabAgent>(m_dir.path(), QStringLiteral("local-1"));
        const QString started = m_agent->start();
        ASSERT_TRUE(started.isEmpty()) << started.toStdString();
    }

    void writeInventory(const QString &text)
    {
        // Editors replace the file by rename; do the same.
        const QString temporary = inventoryPath() + QStringLiteral(".new");
        QFile file(temporary);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text.toUtf8());
        file.close();
        ASSERT_EQ(::rename(temporary.toUtf8().constData(), inventoryPath().toUtf8().constData()),
                  0);
    }
    QString inventoryPath() const { return m_dir.filePath(QStringLiteral("fleet.toml")); }

    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/aclocal-XXXXXX")};
    std::unique_ptr<sshlab::LabAgent> m_agent;
};

TEST_F(LocalAgentTest, LocalTransportSpeaksToTheAgentSocket)
{
    LocalTransport transport(m_agent->socketPath());
    transport.start();
    ASSERT_TRUE(waitFor([&] { return transport.state().phase == ConnectionPhase::Connected; }));
    const QJsonObject reply = helloOver(*transport.device());
    EXPECT_EQ(reply.value(QStringLiteral("result")).toObject().value(QStringLiteral("node")),
              QStringLiteral("local-1"));

    m_agent->stop();
    ASSERT_TRUE(waitFor([&] {
        return transport.state().phase == ConnectionPhase::Reconnecting ||
               transport.state().phase == ConnectionPhase::AgentSocketUnreachable;
    }));
    ASSERT_TRUE(waitFor(
        [&] { return transport.state().phase == ConnectionPhase::AgentSocketUnreachable; }));
    EXPECT_TRUE(transport.state().reason.startsWith(
        QStringLiteral("cannot reach the agent socket %1").arg(m_agent->socketPath())));
    const QString restarted = m_agent->start();
    ASSERT_TRUE(restarted.isEmpty()) << restarted.toStdString();
    ASSERT_TRUE(
        waitFor([&] { return transport.state().phase == ConnectionPhase::Connected; }, 70s));
}

TEST_F(LocalAgentTest, AnUnansweredPingDeclaresTheLinkDead)
{
    LocalTransport transport(m_agent->socketPath());
    int pings = 0;
    // A ping that sends nothing: the agent says nothing (it has not subscribed us to
    // anything), so the deadline passes.
    transport.setLivenessProbe([&] { ++pings; }, 200ms, 300ms);
    transport.start();
    ASSERT_TRUE(waitFor([&] { return transport.state().phase == ConnectionPhase::Connected; }));
    ASSERT_TRUE(waitFor([&] { return transport.state().phase == ConnectionPhase::Reconnecting; }));
    EXPECT_EQ(pings, 1);
    EXPECT_TRUE(transport.state().reason.contains(QStringLiteral("no answer from the agent")))
        << transport.state().reason.toStdString();
}

TEST_F(LocalAgentTest, AnsweredPingsKeepTheLinkUp)
{
    LocalTransport transport(m_agent->socketPath());
    int pings = 0;
    transport.setLivenessProbe(
        [&] {
            ++pings;
            transport.device()->write(R"({"jsonrpc":"2.0","id":7,"method":"status"})"
                                      "\n");
        },
        100ms, 2s);
    transport.start();
    ASSERT_TRUE(waitFor([&] { return transport.state().phase == ConnectionPhase::Connected; }));
    QObject::connect(transport.device(), &QIODevice::readyRead,
                     [&] { transport.device()->readAll(); });
    waitFor([&] { return pings >= 5; });
    EXPECT_GE(pings, 5);
    EXPECT_EQ(transport.state().phase, ConnectionPhase::Connected);
}

TEST_F(LocalAgentTest, WatcherPicksUpEditsAndKeepsTheFleetOnABadOne)
{
    writeInventory(QStringLiteral("[[node]]\nlocal = \"%1\"\n").arg(m_agent->socketPath()));
    SshNetwork network;
    FleetConnections fleet(network);
    InventoryWatcher watcher(inventoryPath());
    QList<InventoryDiff> diffs;
    QStringList errors;
    QObject::connect(&watcher, &InventoryWatcher::inventoryChanged,
                     [&](const Inventory &, const InventoryDiff &diff) {
                         diffs.append(diff);
                         fleet.apply(diff);
                     });
    QObject::connect(&watcher, &InventoryWatcher::inventoryError,
                     [&](const QString &error) { errors.append(error); });
    ASSERT_TRUE(watcher.start()) << watcher.error().toStdString();
    ASSERT_EQ(diffs.size(), 1);
    const QString localEndpoint = QStringLiteral("local:") + m_agent->socketPath();
    AgentTransport *local = fleet.transport(localEndpoint);
    ASSERT_NE(local, nullptr);
    ASSERT_TRUE(waitFor([&] { return local->state().phase == ConnectionPhase::Connected; }));

    // A bad edit: the error names the place, the running fleet stays as it was.
    writeInventory(QStringLiteral("[[node]]\nlocal = \"%1\"\n[[node]]\nssh = \"noc@:22\"\n")
                       .arg(m_agent->socketPath()));
    ASSERT_TRUE(waitFor([&] { return !errors.isEmpty(); }));
    EXPECT_TRUE(errors.last().startsWith(inventoryPath() + QStringLiteral(":4:7: ssh:")))
        << errors.last().toStdString();
    EXPECT_EQ(fleet.transport(localEndpoint), local);
    EXPECT_EQ(local->state().phase, ConnectionPhase::Connected);
    ASSERT_TRUE(watcher.current().has_value());
    EXPECT_EQ(watcher.current()->nodes.size(), 1);

    // A good edit adds a node; the kept one keeps its connection.
    const QString second = m_dir.filePath(QStringLiteral("second.sock"));
    writeInventory(QStringLiteral("[[node]]\nlocal = \"%1\"\n[[node]]\nlocal = \"%2\"\n")
                       .arg(m_agent->socketPath(), second));
    ASSERT_TRUE(waitFor([&] { return diffs.size() == 2; }));
    EXPECT_EQ(diffs.last().added.size(), 1);
    EXPECT_EQ(diffs.last().kept.size(), 1);
    EXPECT_TRUE(watcher.error().isEmpty());
    EXPECT_EQ(fleet.transport(localEndpoint), local);
    EXPECT_EQ(local->state().phase, ConnectionPhase::Connected);
    AgentTransport *added = fleet.transport(QStringLiteral("local:") + second);
    ASSERT_NE(added, nullptr);
    ASSERT_TRUE(
        waitFor([&] { return added->state().phase == ConnectionPhase::AgentSocketUnreachable; }));

    // Removing the first node closes it.
    writeInventory(QStringLiteral("[[node]]\nlocal = \"%1\"\n").arg(second));
    ASSERT_TRUE(waitFor([&] { return diffs.size() == 3; }));
    EXPECT_EQ(diffs.last().removed.size(), 1);
    EXPECT_EQ(fleet.transport(localEndpoint), nullptr);
}

TEST_F(LocalAgentTest, AnInventoryWrittenAfterStartInANewFolderIsPickedUp)
{
    // As on a first run: ~/.config/anycast-console does not exist yet.
    const QString path = m_dir.filePath(QStringLiteral("config/anycast-console/fleet.toml"));
    InventoryWatcher watcher(path);
    int changes = 0;
    QObject::connect(&watcher, &InventoryWatcher::inventoryChanged, [&] { ++changes; });
    EXPECT_FALSE(watcher.start());
    EXPECT_TRUE(watcher.error().contains(QStringLiteral("cannot read")));
    ASSERT_TRUE(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("[[node]]\nlocal = \"%1\"\n").arg(m_agent->socketPath()).toUtf8());
    file.close();
    ASSERT_TRUE(waitFor([&] { return changes == 1; }, 10s)) << watcher.error().toStdString();
    ASSERT_TRUE(watcher.current().has_value());
    EXPECT_EQ(watcher.current()->nodes.size(), 1);
}

} // namespace
} // namespace anycast::consoletest
