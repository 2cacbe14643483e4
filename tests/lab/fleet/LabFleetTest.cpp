#include "tests/lab/fleet/LabObservers.h"
#include "tests/lab/fleet/LabScript.h"
#include "tests/lab/fleet/PrefixViews.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <cstdio>
#include <unistd.h>

// The whole lab of scripts/lab (3 regions x 2 nodes: lab service, agent and ExaBGP each, one
// GoBGP upstream, the lab's sshd) started, faulted, drained and stopped the way a newcomer
// does it. Its addresses are fixed (127.0.0.11 ... 127.0.0.32), so the test runs serially.
namespace anycast::labtest {
namespace {

using namespace std::chrono_literals;

constexpr quint32 NodeAs = 65001;
constexpr auto UpTimeout = 300s;
constexpr auto AgreementPatience = 45s;

const QString SharedPrefix = QStringLiteral("192.0.2.1/32");

std::string text(const QStringList &lines)
{
    return lines.join(u'\n').toStdString();
}

// The three observers' views of the running lab, taken one right after the other: the
// upstream's RIB, the agents' status, and anycast-console's models (as it dumps them).
struct Observation
{
    PrefixView rib;
    PrefixView agents;
    PrefixView console;
    QStringList problems; // unreachable observers, paths from strangers, console gaps
};

// The console's models as it last wrote them; what is missing from them goes to `problems`:
// nodes not connected, and lab nodes absent from the prefix every node serves.
PrefixView consoleObservation(const QString &dumpPath, const QList<LabNode> &nodes,
                              QStringList *problems)
{
    QFile file(dumpPath);
    if (!file.open(QIODevice::ReadOnly)) {
        problems->append(QStringLiteral("the console has written no model dump yet"));
        return {};
    }
    const QJsonObject dump = QJsonDocument::fromJson(file.readAll()).object();
    QStringList connected;
    for (const QJsonValue &node : dump.value(QStringLiteral("nodes")).toArray()) {
        if (node.toObject().value(QStringLiteral("connected")).toBool())
            connected.append(node.toObject().value(QStringLiteral("name")).toString());
    }
    connected.sort();
    const QJsonObject holders =
        dump.value(QStringLiteral("prefixes")).toObject().value(SharedPrefix).toObject();
    QStringList expected;
    for (const LabNode &node : nodes) {
        expected.append(node.name);
        if (!holders.contains(node.name))
            problems->append(QStringLiteral("the console's prefix model has no route of %1 for %2")
                                 .arg(node.name, SharedPrefix));
    }
    expected.sort();
    if (connected != expected)
        problems->append(QStringLiteral("the console's fleet model has connected: %1")
                             .arg(connected.join(u' ')));
    return consoleView(dump);
}

Observation observe(const QJsonObject &labState, const QString &consoleDump)
{
    Observation observation;
    QString error;
    QMap<QString, QString> nodeByAddress;
    QMap<QString, QJsonObject> statusByNode;
    for (const LabNode &node : labNodes(labState)) {
        nodeByAddress.insert(node.address, node.name);
        if (const auto status = agentStatus(node.apiSocket, &error))
            statusByNode.insert(node.name, *status);
        else
            observation.problems.append(error);
    }
    const quint16 apiPort = static_cast<quint16>(labState.value(QStringLiteral("upstream"))
                                                     .toObject()
                                                     .value(QStringLiteral("api_port"))
                                                     .toInt());
    if (const auto routes = upstreamRib(apiPort, &error))
        observation.rib = ribView(*routes, nodeByAddress, &observation.problems);
    else
        observation.problems.append(error);
    observation.agents = agentView(statusByNode, NodeAs);
    if (!consoleDump.isEmpty())
        observation.console =
            consoleObservation(consoleDump, labNodes(labState), &observation.problems);
    return observation;
}

QStringList disagreements(const Observation &observation, bool withConsole)
{
    QStringList found = observation.problems +
                        differences(observation.rib, QStringLiteral("the upstream's RIB"),
                                    observation.agents, QStringLiteral("the agents' status"));
    if (withConsole)
        found += stateDifferences(observation.console, QStringLiteral("the console's models"),
                                  observation.agents, QStringLiteral("the agents' status"));
    return found;
}

QString loopbackQdiscs()
{
    QProcess tc;
    tc.start(QStringLiteral("tc"), {QStringLiteral("qdisc"), QStringLiteral("show"),
                                    QStringLiteral("dev"), QStringLiteral("lo")});
    tc.waitForFinished(10000);
    return QString::fromUtf8(tc.readAllStandardOutput());
}

// Whether this kernel has the prio and netem qdiscs, tried in a private network namespace
// (root only) so that the real lo never changes.
bool kernelHasPrioAndNetem()
{
    for (const QStringList &kind :
         {QStringList{QStringLiteral("prio")},
          QStringList{QStringLiteral("netem"), QStringLiteral("delay"), QStringLiteral("1ms")}}) {
        QProcess tc;
        tc.start(QStringLiteral("unshare"),
                 QStringList{QStringLiteral("--net"), QStringLiteral("tc"), QStringLiteral("qdisc"),
                             QStringLiteral("add"), QStringLiteral("dev"), QStringLiteral("lo"),
                             QStringLiteral("root")} +
                     kind);
        if (!tc.waitForFinished(10000) || tc.exitCode() != 0)
            return false;
    }
    return true;
}

// Milliseconds until a TCP handshake with address:port completes.
qint64 connectMilliseconds(const QString &address, quint16 port)
{
    QTcpSocket socket;
    QElapsedTimer timer;
    timer.start();
    socket.connectToHost(address, port);
    socket.waitForConnected(10000);
    return socket.state() == QAbstractSocket::ConnectedState ? timer.elapsed() : -1;
}

class LabFleet : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // /tmp keeps the socket paths short, whatever the build folder's path is.
        ASSERT_TRUE(m_dir.isValid());
        m_lab = std::make_unique<LabScript>(m_dir.path() + QStringLiteral("/lab"));
    }

    void TearDown() override
    {
        stopConsole();
        if (m_lab->state().value(QStringLiteral("running")).toBool())
            m_lab->run({QStringLiteral("down")});
    }

    void up()
    {
        const auto result = m_lab->run({QStringLiteral("up")}, UpTimeout);
        ASSERT_EQ(result.exitCode, 0) << result.output.toStdString();
    }

    LabScript::Result lab(const QStringList &arguments) { return m_lab->run(arguments); }

    // anycast-console offscreen on the lab's inventory, through the lab's sshd, writing its
    // models every second. Its own home and no ssh-agent: only the lab's keys and known_hosts.
    void startConsole()
    {
        m_consoleDump = m_dir.filePath(QStringLiteral("console-models.json"));
        QDir().mkpath(m_dir.filePath(QStringLiteral("console-home")));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("console-home")));
        environment.remove(QStringLiteral("SSH_AUTH_SOCK"));
        m_console.setProcessEnvironment(environment);
        m_console.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_console.setStandardOutputFile(QProcess::nullDevice());
        m_console.start(QStringLiteral(ANYCAST_BIN_DIR "/anycast-console"),
                        {QStringLiteral("--inventory"),
                         m_lab->dir() + QStringLiteral("/fleet.toml"),
                         QStringLiteral("--dump-models"), m_consoleDump});
        ASSERT_TRUE(m_console.waitForStarted(10000)) << m_console.errorString().toStdString();
    }

    void stopConsole()
    {
        if (m_console.state() == QProcess::NotRunning)
            return;
        m_console.terminate();
        if (!m_console.waitForFinished(10000)) {
            m_console.kill();
            m_console.waitForFinished(10000);
        }
        EXPECT_EQ(m_console.state(), QProcess::NotRunning);
    }

    // Polls both observers until they agree and announce what `expected` says (prefix ->
    // announcing nodes); fails with both views' differences and the lab's own rib table.
    void expectAgreement(const QMap<QString, QStringList> &expected)
    {
        const QJsonObject state = m_lab->state();
        QElapsedTimer timer;
        timer.start();
        Observation last;
        const bool withConsole = m_console.state() == QProcess::Running;
        const QString dump = withConsole ? m_consoleDump : QString();
        while (timer.elapsed() < std::chrono::milliseconds(AgreementPatience).count()) {
            last = observe(state, dump);
            if (disagreements(last, withConsole).isEmpty() &&
                announcersByPrefix(last.rib) == expected &&
                announcersByPrefix(last.agents) == expected &&
                (!withConsole || announcersByPrefix(last.console) == expected))
                return;
            QThread::msleep(300);
        }
        ADD_FAILURE() << "no agreement after " << timer.elapsed() << " ms:\n"
                      << text(disagreements(last, withConsole)) << "\nannouncers in the RIB:\n"
                      << describe(announcersByPrefix(last.rib)) << "expected:\n"
                      << describe(expected) << "scripts/lab rib:\n"
                      << lab({QStringLiteral("rib")}).output.toStdString();
    }

    static std::string describe(const QMap<QString, QStringList> &announcers)
    {
        std::string out;
        for (auto it = announcers.begin(); it != announcers.end(); ++it)
            out +=
                "  " + it.key().toStdString() + ": " + it.value().join(u' ').toStdString() + "\n";
        return out;
    }

    // After `down`: nothing of the lab runs, points into its folder or listens.
    void expectNothingLeft(const QJsonObject &stateBeforeDown)
    {
        EXPECT_FALSE(stateBeforeDown.value(QStringLiteral("processes")).toArray().isEmpty());
        EXPECT_EQ(recordedProcessesAlive(stateBeforeDown), QStringList());
        EXPECT_EQ(processesPointingInto(m_lab->dir()), QStringList());
        EXPECT_EQ(listening(labEndpoints(stateBeforeDown)), QStringList());
        QStringList sockets;
        QDir nodes(m_lab->dir() + QStringLiteral("/nodes"));
        for (const QString &node : nodes.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            sockets += QDir(nodes.filePath(node)).entryList({QStringLiteral("*.sock")});
        EXPECT_EQ(sockets, QStringList());
    }

    // As root: 1 s of netem on syd-1's traffic only; the handshake with syd-1's service then
    // takes two delayed packets (SYN and SYN-ACK), sin-1's none. As anyone else, or on a
    // kernel without sch_prio/sch_netem (some VM kernels): refused, and lo untouched.
    void checkNetworkFaultOnOneNode(const QString &dir)
    {
        const QString before = loopbackQdiscs();
        auto result = lab({QStringLiteral("fault"), QStringLiteral("syd-1"),
                           QStringLiteral("net-delay"), QStringLiteral("1000")});
        if (::geteuid() != 0) {
            EXPECT_EQ(result.exitCode, 77) << result.output.toStdString();
            EXPECT_TRUE(result.output.contains(QStringLiteral("root")));
            EXPECT_EQ(loopbackQdiscs(), before);
            return;
        }
        if (!kernelHasPrioAndNetem()) {
            std::fprintf(stderr, "this kernel has no prio/netem qdisc: checking the refusal\n");
            EXPECT_EQ(result.exitCode, 1) << result.output.toStdString();
            EXPECT_TRUE(result.output.contains(QStringLiteral("cannot work here")))
                << result.output.toStdString();
            EXPECT_EQ(loopbackQdiscs(), before);
            return;
        }
        ASSERT_EQ(result.exitCode, 0) << result.output.toStdString();
        EXPECT_TRUE(loopbackQdiscs().contains(QStringLiteral("netem")))
            << loopbackQdiscs().toStdString();
        quint16 sydney = 0, singapore = 0;
        for (const LabNode &node : labNodes(LabScript(dir).state())) {
            if (node.name == QStringLiteral("syd-1"))
                sydney = node.servicePort;
            if (node.name == QStringLiteral("sin-1"))
                singapore = node.servicePort;
        }
        const qint64 delayed = connectMilliseconds(QStringLiteral("127.0.0.32"), sydney);
        const qint64 other = connectMilliseconds(QStringLiteral("127.0.0.31"), singapore);
        EXPECT_GE(delayed, 1900) << "syd-1's handshake should carry two 1 s delays";
        EXPECT_GE(other, 0);
        EXPECT_LT(other, delayed - 1000) << "sin-1 must not be delayed";
        result = lab({QStringLiteral("fault"), QStringLiteral("syd-1"), QStringLiteral("clear")});
        ASSERT_EQ(result.exitCode, 0) << result.output.toStdString();
        EXPECT_EQ(loopbackQdiscs(), before);
    }

    QTemporaryDir m_dir{QStringLiteral("/tmp/anycast-lab-test-XXXXXX")};
    std::unique_ptr<LabScript> m_lab;
    QProcess m_console;
    QString m_consoleDump;
};

const QMap<QString, QStringList> AllAnnouncing{
    {SharedPrefix,
     {QStringLiteral("ams-1"), QStringLiteral("fra-1"), QStringLiteral("iad-1"),
      QStringLiteral("jfk-1"), QStringLiteral("sin-1"), QStringLiteral("syd-1")}},
    {QStringLiteral("203.0.113.1/32"), {QStringLiteral("ams-1"), QStringLiteral("fra-1")}},
    {QStringLiteral("203.0.113.2/32"), {QStringLiteral("iad-1"), QStringLiteral("jfk-1")}},
    {QStringLiteral("203.0.113.3/32"), {QStringLiteral("sin-1"), QStringLiteral("syd-1")}},
};

TEST_F(LabFleet, RibAndAgentsAgreeThroughAFaultAndADrainAndDownLeavesNothing)
{
    up();
    if (HasFatalFailure())
        return;
    const QJsonObject state = m_lab->state();
    ASSERT_EQ(labNodes(state).size(), 6);
    EXPECT_TRUE(QFile::exists(m_lab->dir() + QStringLiteral("/fleet.toml")));
    startConsole();
    if (HasFatalFailure())
        return;
    expectAgreement(AllAnnouncing);

    // fra-1's service stops listening; iad-1 is drained gracefully: it keeps announcing, with
    // GRACEFUL_SHUTDOWN and prepends, for the lab's 60 s drain grace.
    auto result =
        lab({QStringLiteral("fault"), QStringLiteral("fra-1"), QStringLiteral("close-listener")});
    ASSERT_EQ(result.exitCode, 0) << result.output.toStdString();
    result = lab({QStringLiteral("drain"), QStringLiteral("iad-1"), QStringLiteral("--reason"),
                  QStringLiteral("lab test: kernel upgrade")});
    ASSERT_EQ(result.exitCode, 0) << result.output.toStdString();
    expectAgreement({
        {SharedPrefix,
         {QStringLiteral("ams-1"), QStringLiteral("iad-1"), QStringLiteral("jfk-1"),
          QStringLiteral("sin-1"), QStringLiteral("syd-1")}},
        {QStringLiteral("203.0.113.1/32"), {QStringLiteral("ams-1")}},
        {QStringLiteral("203.0.113.2/32"), {QStringLiteral("iad-1"), QStringLiteral("jfk-1")}},
        {QStringLiteral("203.0.113.3/32"), {QStringLiteral("sin-1"), QStringLiteral("syd-1")}},
    });
    const Observation draining = observe(state, m_consoleDump);
    const auto key = qMakePair(QStringLiteral("203.0.113.2/32"), QStringLiteral("iad-1"));
    EXPECT_EQ(draining.agents.value(key).state, QStringLiteral("draining"));
    EXPECT_EQ(draining.console.value(key).state, QStringLiteral("draining"));
    EXPECT_TRUE(draining.rib.value(key).communities.contains(QStringLiteral("65535:0")));
    EXPECT_EQ(draining.rib.value(key).asPath, QList<quint32>(4, NodeAs));
    result = lab({QStringLiteral("rib")});
    EXPECT_EQ(result.exitCode, 0) << result.output.toStdString();
    EXPECT_TRUE(result.output.contains(QStringLiteral("every prefix agrees")))
        << result.output.toStdString();

    checkNetworkFaultOnOneNode(m_lab->dir());

    // Back to where it began: the walk-through's last step.
    result = lab({QStringLiteral("fault"), QStringLiteral("fra-1"), QStringLiteral("clear")});
    ASSERT_EQ(result.exitCode, 0) << result.output.toStdString();
    result = lab({QStringLiteral("undrain"), QStringLiteral("iad-1"), QStringLiteral("--reason"),
                  QStringLiteral("lab test: done")});
    ASSERT_EQ(result.exitCode, 0) << result.output.toStdString();
    expectAgreement(AllAnnouncing);

    // The console goes first (as closing the demo's window does), then the lab.
    stopConsole();
    result = lab({QStringLiteral("down")});
    ASSERT_EQ(result.exitCode, 0) << result.output.toStdString();
    expectNothingLeft(state);
    result = lab({QStringLiteral("down")});
    EXPECT_EQ(result.exitCode, 0) << "down is idempotent: " << result.output.toStdString();

    // A second lab in the same folder starts at once: no port or address is left in use.
    up();
    if (HasFatalFailure())
        return;
    const QJsonObject second = m_lab->state();
    expectAgreement(AllAnnouncing);
    result = lab({QStringLiteral("down")});
    ASSERT_EQ(result.exitCode, 0) << result.output.toStdString();
    expectNothingLeft(second);
}

TEST_F(LabFleet, BadNodesKindsAndArgumentsAreRefusedWithoutALab)
{
    // Validation comes before anything is looked up or changed: exit 64 and a message.
    const QList<QStringList> refused{
        {QStringLiteral("fault"), QStringLiteral("nosuch"), QStringLiteral("close-listener")},
        {QStringLiteral("fault"), QStringLiteral("fra-1"), QStringLiteral("rm-rf")},
        {QStringLiteral("fault"), QStringLiteral("fra-1"), QStringLiteral("status"),
         QStringLiteral("42")},
        {QStringLiteral("fault"), QStringLiteral("fra-1"), QStringLiteral("delay"),
         QStringLiteral("-5")},
        {QStringLiteral("fault"), QStringLiteral("fra-1"), QStringLiteral("net-loss"),
         QStringLiteral("150")},
        {QStringLiteral("fault"), QStringLiteral("fra-1"), QStringLiteral("close-listener"),
         QStringLiteral("extra")},
        {QStringLiteral("drain"), QStringLiteral("fra-1")},
        {QStringLiteral("drain"), QStringLiteral("../etc"), QStringLiteral("--reason"),
         QStringLiteral("x")},
        {QStringLiteral("explode")},
    };
    for (const QStringList &arguments : refused) {
        const auto result = lab(arguments);
        EXPECT_EQ(result.exitCode, 64)
            << arguments.join(u' ').toStdString() << ": " << result.output.toStdString();
        EXPECT_FALSE(result.output.trimmed().isEmpty()) << arguments.join(u' ').toStdString();
    }
    // Well-formed, but there is no lab in the folder: 69, and down has nothing to do.
    auto result = lab({QStringLiteral("list")});
    EXPECT_EQ(result.exitCode, 69) << result.output.toStdString();
    result = lab({QStringLiteral("fault"), QStringLiteral("fra-1"), QStringLiteral("status"),
                  QStringLiteral("500")});
    EXPECT_EQ(result.exitCode, 69) << result.output.toStdString();
    result = lab({QStringLiteral("down")});
    EXPECT_EQ(result.exitCode, 0) << result.output.toStdString();
}

} // namespace
} // namespace anycast::labtest
