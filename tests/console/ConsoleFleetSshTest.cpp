// The console's whole path through a real sshd: inventory -> FleetConnections -> SSH
// transports -> node sessions -> FleetModel -> the window's tree. Two nodes: one whose host
// key is known (connected, named by its agent's hello) and one whose known_hosts entry holds
// another key (refused before login, and the tree says why).
#include "app/MainWindow.h"
#include "app/inventory/InventoryWatcher.h"
#include "app/models/FleetModel.h"
#include "app/models/ModelRoles.h"
#include "app/session/ConsoleFleet.h"
#include "app/transport/FleetConnections.h"
#include "tests/console/ConsoleTestSupport.h"

#include <QFile>
#include <QHeaderView>
#include <QProcess>
#include <QTreeView>

namespace anycast::consoletest {
namespace {

// One row of the window's tree as a person reads it, with the raw values that matter here.
struct ShownNode
{
    QString name;
    QString region;
    QString health;
    QString connection;
    int phase = -1;
    QString tooltip;
};

QList<ShownNode> shownNodes(const QAbstractItemModel &tree)
{
    QList<ShownNode> nodes;
    for (int r = 0; r < tree.rowCount(); ++r) {
        const QModelIndex region = tree.index(r, 0);
        for (int n = 0; n < tree.rowCount(region); ++n) {
            const QModelIndex name = tree.index(n, int(FleetColumn::Name), region);
            const QModelIndex link = tree.index(n, int(FleetColumn::Connection), region);
            ShownNode node;
            node.name = name.data().toString();
            node.region = region.data().toString();
            node.health = tree.index(n, int(FleetColumn::Health), region).data().toString();
            node.connection = link.data().toString();
            node.phase = link.data(ModelRole::LinkPhaseRole).toInt();
            node.tooltip = link.data(Qt::ToolTipRole).toString();
            nodes.append(node);
        }
    }
    return nodes;
}

std::optional<ShownNode> findNode(const QAbstractItemModel &tree, int phase)
{
    for (const ShownNode &node : shownNodes(tree)) {
        if (node.phase == phase)
            return node;
    }
    return std::nullopt;
}

class ConsoleFleetSshTest : public SshTransportTest
{
protected:
    void SetUp() override
    {
        SshTransportTest::SetUp();
        if (HasFatalFailure())
            return;
        m_refusing = startJumpHost(QStringLiteral("changed"));
        ASSERT_TRUE(m_refusing);
        ASSERT_EQ(sshlab::SshKeyPair::generate(path(QStringLiteral("old_ed25519")),
                                               QStringLiteral("ed25519"), &m_oldKey),
                  QString());
        // "node" is known as it is; "changed" is recorded with a key it no longer has.
        writeKnownHosts(m_server->knownHostsLine() + QLatin1Char('\n') +
                        m_refusing->knownHostsLine(m_oldKey.publicKey()) + QLatin1Char('\n'));
        writeSshConfig(hostBlock(QStringLiteral("changed"), m_refusing->port()));
        QFile inventory(inventoryPath());
        ASSERT_TRUE(inventory.open(QIODevice::WriteOnly));
        inventory.write(QStringLiteral("ssh_config = \"%1\"\n"
                                       "[[node]]\nssh = \"node\"\nsocket = \"%2\"\n"
                                       "[[node]]\nssh = \"changed\"\nsocket = \"%2\"\n")
                            .arg(path(QStringLiteral("ssh_config")), m_agent->socketPath())
                            .toUtf8());
    }

    void TearDown() override
    {
        if (HasFailure() && m_refusing)
            std::fprintf(stderr, "--- refusing sshd log ---\n%s", qPrintable(m_refusing->log()));
        m_refusing.reset();
        SshTransportTest::TearDown();
    }

    QString inventoryPath() const { return path(QStringLiteral("fleet.toml")); }

    std::unique_ptr<sshlab::SshServer> m_refusing;
    sshlab::SshKeyPair m_oldKey;
};

TEST_F(ConsoleFleetSshTest, AConnectedNodeAndARefusedHostKeyBothShowInTheFleetTree)
{
    FleetConnections connections(*m_network);
    InventoryWatcher inventory(inventoryPath());
    QObject::connect(
        &inventory, &InventoryWatcher::inventoryChanged, &connections,
        [&connections](const Inventory &, const InventoryDiff &diff) { connections.apply(diff); });
    ConsoleFleet fleet;
    fleet.follow(&connections);
    MainWindow window(fleet.state(), fleet.store(), &inventory, QString());
    window.show();
    ASSERT_TRUE(inventory.start()) << inventory.error().toStdString();

    const QAbstractItemModel &tree = *window.fleetTree()->model();
    ASSERT_TRUE(waitFor([&] {
        const auto connected = findNode(tree, int(LinkPhase::Connected));
        return connected && connected->name == QStringLiteral("lab-1") &&
               findNode(tree, int(LinkPhase::HostKeyRefused)).has_value();
    })) <<
        [&] {
            std::string rows;
            for (const ShownNode &node : shownNodes(tree))
                rows +=
                    (node.region + " / " + node.name + ": " + node.connection + "\n").toStdString();
            return rows;
        }();
    EXPECT_FALSE(window.showsFirstRun());

    const ShownNode connected = *findNode(tree, int(LinkPhase::Connected));
    EXPECT_EQ(connected.region, QStringLiteral("lab"));
    EXPECT_EQ(connected.connection, QStringLiteral("connected"));

    // The refused node never said hello: it is named by the inventory, in no region yet, and
    // its row carries the warning OpenSSH would print.
    const ShownNode refused = *findNode(tree, int(LinkPhase::HostKeyRefused));
    EXPECT_TRUE(refused.name.startsWith(QStringLiteral("changed "))) << refused.name.toStdString();
    EXPECT_TRUE(refused.connection.startsWith(QStringLiteral("host key refused")))
        << refused.connection.toStdString();
    EXPECT_TRUE(refused.tooltip.contains(m_refusing->hostKey().fingerprint()))
        << refused.tooltip.toStdString();
    EXPECT_TRUE(refused.tooltip.contains(m_oldKey.fingerprint())) << refused.tooltip.toStdString();
    EXPECT_TRUE(refused.tooltip.contains(knownHostsPath() + QStringLiteral(":2")))
        << refused.tooltip.toStdString();

    // The model under the tree agrees, with the raw roles the views will read.
    FleetModel &model = *window.fleetModel();
    QString refusedEndpoint;
    for (const InventoryNode &node : connections.nodes()) {
        if (node.ssh.toString() == QStringLiteral("changed"))
            refusedEndpoint = node.endpoint();
    }
    EXPECT_EQ(fleet.state()->node(refusedEndpoint)->link.phase, LinkPhase::HostKeyRefused);
    EXPECT_EQ(model.indexOf({QString(), refusedEndpoint}, int(FleetColumn::Name))
                  .data(ModelRole::ObservationRole)
                  .toInt(),
              int(Observation::NoData));

    // The picture the README shows, taken from this very window once the agent's checks
    // have settled, wide enough for the connection column.
    ASSERT_TRUE(waitFor([&] {
        for (const ShownNode &node : shownNodes(tree)) {
            if (node.name == QStringLiteral("lab-1"))
                return node.health == QStringLiteral("healthy");
        }
        return false;
    }));
    window.resize(1900, 360);
    window.fleetTree()->header()->resizeSection(int(FleetColumn::Name), 330);
    window.fleetTree()->header()->resizeSection(int(FleetColumn::Connection), 560);
    window.fleetTree()->header()->resizeSection(int(FleetColumn::Announcing), 290);
    waitFor([] { return false; }, 200ms);
    const QString png = QStringLiteral(ANYCAST_BUILD_DIR "/console-fleet-ssh.png");
    EXPECT_TRUE(window.grab().save(png, "PNG"));

    waitFor([] { return false; }, 300ms);
    EXPECT_FALSE(m_refusing->log().contains(QStringLiteral("Accepted")))
        << m_refusing->log().toStdString();
    EXPECT_TRUE(m_server->log().contains(QStringLiteral("Accepted publickey")));
}

// The real binary, as an operator starts it: the PNG is written, and the sshd whose key
// changed saw no login.
TEST_F(ConsoleFleetSshTest, TheConsoleBinaryRendersTheFleetAndNeverLogsInToTheRefusedHost)
{
    const QString png = path(QStringLiteral("window.png"));
    QProcess console;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.remove(QStringLiteral("SSH_AUTH_SOCK"));
    console.setProcessEnvironment(environment);
    console.start(QStringLiteral(ANYCAST_BIN_DIR "/anycast-console"),
                  {QStringLiteral("--inventory"), inventoryPath(), QStringLiteral("--screenshot"),
                   png, QStringLiteral("--after"), QStringLiteral("4")});
    ASSERT_TRUE(console.waitForFinished(60000));
    EXPECT_EQ(console.exitCode(), 0) << console.readAllStandardError().toStdString();
    EXPECT_GT(QFile(png).size(), 0);
    EXPECT_TRUE(m_server->log().contains(QStringLiteral("Accepted publickey")))
        << m_server->log().toStdString();
    EXPECT_FALSE(m_refusing->log().contains(QStringLiteral("Accepted")))
        << m_refusing->log().toStdString();
    EXPECT_FALSE(m_refusing->log().contains(QStringLiteral("publickey")))
        << m_refusing->log().toStdString();
}

} // namespace
} // namespace anycast::consoletest
