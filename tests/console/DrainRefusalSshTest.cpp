// A drain the agent refuses, through the real sshd: the operator logs in as a user that may
// read the agent's socket but is not in operators_group. The console shows the refusal as
// an error with the agent's message, never as progress, and the agent changes nothing.
#include "app/dialogs/DrainDialog.h"
#include "app/session/ConsoleFleet.h"
#include "app/views/DrainController.h"
#include "app/views/DrainProgressPanel.h"
#include "tests/console/ConsoleTestSupport.h"
#include "tests/support/TemporaryAccount.h"

#include <QAction>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>

#include <sys/stat.h>
#include <unistd.h>

namespace anycast::consoletest {
namespace {

class DrainRefusalSshTest : public SshTransportTest
{
protected:
    void SetUp() override
    {
        ASSERT_EQ(::geteuid(), 0u) << "the test makes a user and a group";
        SshTransportTest::SetUp();
        if (HasFatalFailure())
            return;
        ASSERT_EQ(m_account.create(), QString());
        m_user = m_account.user();
        m_group = m_account.group();
        // sshd reads authorized_keys as the user, and the user's forward reaches the socket.
        ASSERT_EQ(::chmod(QFile::encodeName(m_dir.path()).constData(), 0711), 0);
        QDirIterator keys(m_dir.path(), {QStringLiteral("*authorized_keys")}, QDir::Files);
        while (keys.hasNext())
            ASSERT_EQ(::chmod(QFile::encodeName(keys.next()).constData(), 0644), 0);

        // The user may connect (api_group) but not mutate (operators_group is root's).
        sshlab::LabAgentOptions options;
        options.operatorsGroup = QStringLiteral("root");
        options.apiGroup = m_group;
        m_agent.reset();
        m_agent = std::make_unique<sshlab::LabAgent>(path(QStringLiteral("reader")),
                                                     QStringLiteral("lab-1"), options);
        ASSERT_EQ(m_agent->start(), QString());
        QFile config(path(QStringLiteral("ssh_config")));
        ASSERT_TRUE(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(QStringLiteral("Host node\n    HostName 127.0.0.1\n    Port %1\n"
                                    "    User %2\n    IdentityFile %3\n"
                                    "    UserKnownHostsFile %4\n")
                         .arg(m_server->port())
                         .arg(m_user, m_userKey.path, knownHostsPath())
                         .toUtf8());
    }

    void TearDown() override
    {
        if (HasFailure() && m_agent)
            std::fprintf(stderr, "--- agent log ---\n%s", qPrintable(m_agent->log()));
        SshTransportTest::TearDown();
    }

    labtest::TemporaryAccount m_account{QStringLiteral("anycast-ru-") + QString::number(::getpid()),
                                        QStringLiteral("anycast-rg-") +
                                            QString::number(::getpid())};
    QString m_group;
    QString m_user;
};

TEST_F(DrainRefusalSshTest, ACallerNotInOperatorsGroupSeesTheRefusalAsAnError)
{
    trustServer();
    std::unique_ptr<AgentTransport> transport = makeTransport(target());
    ConsoleFleet fleet;
    const QString endpoint = QStringLiteral("ssh:node");
    fleet.add(endpoint, QStringLiteral("node"), transport.get());
    transport->start();
    QWidget host;
    DrainController controller(
        fleet.state(), [&](const QString &at) { return fleet.session(at); }, &host);
    ASSERT_TRUE(waitFor([&] {
        const NodeSnapshot *node = fleet.state()->node(endpoint);
        return node && node->reachable() &&
               fleet.state()->census().tally(QStringLiteral("192.0.2.1/32")).announcing() == 1;
    })) << m_server->log().toStdString();
    EXPECT_EQ(fleet.state()->node(endpoint)->hello->caller.user, m_user);
    EXPECT_FALSE(fleet.state()->node(endpoint)->hello->caller.mayMutate());

    controller.setTarget(QStringLiteral("lab"), endpoint, QStringLiteral("web"));
    ASSERT_TRUE(waitFor([&] { return controller.drainAction()->isEnabled(); }));
    DrainDialog *dialog = controller.openDialog(DrainAction::Drain);
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->acceptButton()->text(), QStringLiteral("Drain web on lab-1"));
    // Warned beforehand from hello's rights; the agent still decides.
    EXPECT_TRUE(dialog->plan().rightsNote.contains(m_user))
        << dialog->plan().rightsNote.toStdString();
    dialog->reasonField()->setText(QStringLiteral("bad deploy"));
    // The only node announcing the prefix: its name must be typed.
    EXPECT_TRUE(dialog->needsTypedName());
    dialog->confirmField()->setText(QStringLiteral("lab-1"));
    ASSERT_TRUE(dialog->acceptButton()->isEnabled()) << dialog->hint().toStdString();
    dialog->acceptButton()->click();

    ASSERT_TRUE(waitFor([&] { return controller.drains().constLast().finished(); }));
    const DrainProgress &drain = controller.drains().constLast();
    EXPECT_EQ(drain.outcome(), DrainOutcome::Refused);
    EXPECT_TRUE(drain.message().startsWith(QStringLiteral("Refused by the agent (permission "
                                                          "denied)")))
        << drain.message().toStdString();
    EXPECT_TRUE(drain.message().contains(QStringLiteral("root"))) << drain.message().toStdString();
    for (const DrainStepView &step : drain.steps())
        EXPECT_NE(step.state, StepState::Done) << DrainProgress::stepName(step.step).toStdString();
    const QString shown = controller.panel()->texts().constFirst();
    EXPECT_TRUE(shown.startsWith(QStringLiteral("Drain web on lab-1: REFUSED: nothing changed")))
        << shown.toStdString();
    EXPECT_TRUE(shown.contains(drain.message())) << shown.toStdString();
    // A refused region is free again at once.
    EXPECT_TRUE(controller.busyRegions().isEmpty());

    // The agent still announces and holds no drain.
    waitFor([] { return false; }, 500ms);
    const ServiceStatus *web = fleet.state()->node(endpoint)->statusOf(QStringLiteral("web"));
    ASSERT_NE(web, nullptr);
    EXPECT_EQ(web->operatorState, OperatorState::Active);
    EXPECT_TRUE(fleet.state()->node(endpoint)->status->operatorStatus.drains.isEmpty());
    EXPECT_TRUE(m_server->log().contains(QStringLiteral("Accepted publickey for ") + m_user))
        << m_server->log().toStdString();
}

} // namespace
} // namespace anycast::consoletest
