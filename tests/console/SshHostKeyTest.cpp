#include "tests/console/ConsoleTestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>

namespace anycast::consoletest {
namespace {

TEST_F(SshTransportTest, HelloThroughTheSshChannelGetsTheAgentsReply)
{
    trustServer();
    auto transport = makeTransport(target());
    transport->start();
    ASSERT_TRUE(waitFor([&] { return transport->state().phase == ConnectionPhase::Connected; }))
        << transport->state().summary(std::chrono::steady_clock::now()).toStdString();
    const QJsonObject reply = helloOver(*transport->device());
    EXPECT_EQ(reply.value(QStringLiteral("result")).toObject().value(QStringLiteral("node")),
              QStringLiteral("lab-1"))
        << "reply: " << QJsonDocument(reply).toJson().toStdString();
    EXPECT_TRUE(m_prompter.hostKeyQuestions.isEmpty());
    EXPECT_TRUE(m_server->log().contains(QStringLiteral("Accepted publickey for ")));
}

TEST_F(SshTransportTest, UnknownHostKeyIsRecordedOnlyAfterAcceptance)
{
    m_prompter.acceptHostKeys = false;
    auto refused = makeTransport(target());
    refused->start();
    ASSERT_TRUE(waitFor([&] { return refused->state().phase == ConnectionPhase::HostKeyRefused; }));
    ASSERT_EQ(m_prompter.hostKeyQuestions.size(), 1);
    const HostKeyReport &asked = m_prompter.hostKeyQuestions.first();
    EXPECT_EQ(asked.host, m_server->knownHostsName());
    EXPECT_EQ(asked.keyType, QStringLiteral("ssh-ed25519"));
    EXPECT_EQ(asked.fingerprint, m_server->hostKey().fingerprint());
    EXPECT_EQ(asked.knownHostsFile, knownHostsPath());
    EXPECT_FALSE(QFile::exists(knownHostsPath())) << "a refused key must leave no trace";
    EXPECT_FALSE(refused->state().retryAt.has_value()) << "a refusal is not retried by itself";
    EXPECT_FALSE(m_server->log().contains(QStringLiteral("publickey")));
    refused->stop();

    m_prompter.acceptHostKeys = true;
    auto accepted = makeTransport(target());
    accepted->start();
    ASSERT_TRUE(waitFor([&] { return accepted->state().phase == ConnectionPhase::Connected; }))
        << accepted->state().summary(std::chrono::steady_clock::now()).toStdString();
    EXPECT_EQ(m_prompter.hostKeyQuestions.size(), 2);
    const QString recorded = readKnownHosts();
    EXPECT_TRUE(recorded.contains(m_server->knownHostsName())) << recorded.toStdString();
    EXPECT_TRUE(recorded.contains(m_server->hostKey().publicKey().split(QLatin1Char(' ')).last()));

    // Known now: the next connection asks nobody.
    accepted->stop();
    auto again = makeTransport(target());
    again->start();
    ASSERT_TRUE(waitFor([&] { return again->state().phase == ConnectionPhase::Connected; }));
    EXPECT_EQ(m_prompter.hostKeyQuestions.size(), 2);
}

// A known_hosts entry with another key for this server: refused before authentication
// (sshd's log shows no publickey attempt), with both fingerprints and the line to check.
void expectRefusedBeforeAuthentication(SshTransportTest &test, sshlab::SshServer &server,
                                       AgentTransport &transport, const sshlab::SshKeyPair &other,
                                       const QString &knownHosts)
{
    (void)test;
    transport.start();
    ASSERT_TRUE(waitFor([&] { return transport.state().phase == ConnectionPhase::HostKeyRefused; }))
        << transport.state().summary(std::chrono::steady_clock::now()).toStdString();
    const ConnectionState &state = transport.state();
    EXPECT_EQ(state.hostKey.fingerprint, server.hostKey().fingerprint());
    ASSERT_EQ(state.hostKey.recorded.size(), 1);
    EXPECT_EQ(state.hostKey.recorded[0].fingerprint, other.fingerprint());
    EXPECT_EQ(state.hostKey.recorded[0].file, knownHosts);
    EXPECT_EQ(state.hostKey.recorded[0].line, 2);
    EXPECT_TRUE(state.reason.contains(server.hostKey().fingerprint()));
    EXPECT_TRUE(state.reason.contains(other.fingerprint()));
    EXPECT_TRUE(state.reason.contains(knownHosts + QStringLiteral(":2")))
        << state.reason.toStdString();
    EXPECT_FALSE(state.retryAt.has_value());
    // Give sshd a moment to log whatever it saw, then check that nobody tried to log in.
    waitFor([] { return false; }, 300ms);
    const QString log = server.log();
    EXPECT_FALSE(log.contains(QStringLiteral("publickey"))) << log.toStdString();
    EXPECT_FALSE(log.contains(QStringLiteral("Accepted"))) << log.toStdString();
}

TEST_F(SshTransportTest, ChangedHostKeyOfTheSameTypeIsRefusedBeforeAuthentication)
{
    sshlab::SshKeyPair other;
    ASSERT_EQ(sshlab::SshKeyPair::generate(path(QStringLiteral("other_ed25519")),
                                           QStringLiteral("ed25519"), &other),
              QString());
    writeKnownHosts(QStringLiteral("# earlier entries\n") +
                    m_server->knownHostsLine(other.publicKey()) + QLatin1Char('\n'));
    const QString before = readKnownHosts();
    auto transport = makeTransport(target());
    expectRefusedBeforeAuthentication(*this, *m_server, *transport, other, knownHostsPath());
    EXPECT_TRUE(m_prompter.hostKeyQuestions.isEmpty()) << "a changed key is never offered";
    EXPECT_EQ(readKnownHosts(), before);
}

TEST_F(SshTransportTest, HostKeyOfAnotherTypeIsRefusedLikeAChangedOne)
{
    sshlab::SshKeyPair other;
    ASSERT_EQ(sshlab::SshKeyPair::generate(path(QStringLiteral("other_ecdsa")),
                                           QStringLiteral("ecdsa"), &other),
              QString());
    writeKnownHosts(QStringLiteral("# earlier entries\n") +
                    m_server->knownHostsLine(other.publicKey()) + QLatin1Char('\n'));
    auto transport = makeTransport(target());
    expectRefusedBeforeAuthentication(*this, *m_server, *transport, other, knownHostsPath());
    EXPECT_EQ(transport->state().hostKey.recorded[0].keyType,
              QStringLiteral("ecdsa-sha2-nistp256"));
    EXPECT_TRUE(m_prompter.hostKeyQuestions.isEmpty());
}

TEST_F(SshTransportTest, AKeyTheServerDoesNotKnowIsPermissionDenied)
{
    trustServer();
    sshlab::SshKeyPair stranger;
    ASSERT_EQ(sshlab::SshKeyPair::generate(path(QStringLiteral("stranger")),
                                           QStringLiteral("ed25519"), &stranger),
              QString());
    writeSshConfig({}, stranger.path);
    auto transport = makeTransport(target());
    transport->start();
    ASSERT_TRUE(waitFor([&] {
        return transport->state().phase == ConnectionPhase::PermissionDenied;
    })) << transport->state().summary(std::chrono::steady_clock::now()).toStdString();
    EXPECT_FALSE(transport->state().retryAt.has_value());
    EXPECT_FALSE(m_server->log().contains(QStringLiteral("Accepted publickey")));
    // sshd logs a refused key: the host key tests' "no publickey in the log" means something.
    EXPECT_TRUE(waitFor([&] {
        return m_server->log().contains(QStringLiteral("Failed publickey"));
    })) << m_server->log().toStdString();
}

TEST_F(SshTransportTest, AnEncryptedKeyAsksForItsPassphraseAndUsesIt)
{
    trustServer();
    sshlab::SshKeyPair locked;
    ASSERT_EQ(sshlab::SshKeyPair::generate(path(QStringLiteral("locked")),
                                           QStringLiteral("ed25519"), &locked,
                                           QStringLiteral("correct horse")),
              QString());
    ASSERT_TRUE(m_server->authorize(locked.publicLine()));
    writeSshConfig({}, locked.path);

    m_prompter.passphrase = QStringLiteral("wrong");
    auto wrong = makeTransport(target());
    wrong->start();
    ASSERT_TRUE(waitFor([&] { return wrong->state().phase == ConnectionPhase::PermissionDenied; }))
        << wrong->state().summary(std::chrono::steady_clock::now()).toStdString();
    wrong->stop();

    m_prompter.passphrase = QStringLiteral("correct horse");
    auto right = makeTransport(target());
    right->start();
    ASSERT_TRUE(waitFor([&] { return right->state().phase == ConnectionPhase::Connected; }))
        << right->state().summary(std::chrono::steady_clock::now()).toStdString();
    ASSERT_GE(m_prompter.passphraseQuestions.size(), 2);
    EXPECT_EQ(m_prompter.passphraseQuestions.last().keyFile, locked.path);
    EXPECT_FALSE(helloOver(*right->device()).isEmpty());
}

TEST_F(SshTransportTest, AKeyInSshAgentIsUsed)
{
    trustServer();
    const QString agentSocket = path(QStringLiteral("agent.sock"));
    QProcess agent;
    agent.start(QStringLiteral("ssh-agent"),
                {QStringLiteral("-D"), QStringLiteral("-a"), agentSocket});
    ASSERT_TRUE(agent.waitForStarted(10000));
    ASSERT_TRUE(waitFor([&] { return QFile::exists(agentSocket); }));
    QProcess add;
    add.setProcessEnvironment([&] {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SSH_AUTH_SOCK"), agentSocket);
        return environment;
    }());
    add.start(QStringLiteral("ssh-add"), {m_userKey.path});
    ASSERT_TRUE(add.waitForFinished(10000));
    ASSERT_EQ(add.exitCode(), 0) << add.readAllStandardError().toStdString();
    // The identity file named in ssh_config does not exist: only the agent has the key.
    writeSshConfig(QStringLiteral("    IdentityAgent %1\n").arg(agentSocket),
                   path(QStringLiteral("no-such-key")));
    auto transport = makeTransport(target());
    transport->start();
    const bool connected =
        waitFor([&] { return transport->state().phase == ConnectionPhase::Connected; });
    agent.terminate();
    agent.waitForFinished(5000);
    ASSERT_TRUE(connected)
        << transport->state().summary(std::chrono::steady_clock::now()).toStdString();
}

} // namespace
} // namespace anycast::consoletest
