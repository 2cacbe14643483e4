#include "tests/console/ConsoleTestSupport.h"

#include <QFile>

namespace anycast::consoletest {
namespace {

bool isRetrying(const ConnectionState &state)
{
    return (state.phase == ConnectionPhase::Reconnecting ||
            state.phase == ConnectionPhase::Unreachable) &&
           state.retryAt.has_value();
}

TEST_F(SshTransportTest, StoppedSshdMeansReconnectingAndItComesBackByItself)
{
    trustServer();
    auto transport = makeTransport(target());
    int connectedCount = 0;
    QObject::connect(transport.get(), &AgentTransport::connected, [&] { ++connectedCount; });
    transport->start();
    ASSERT_TRUE(waitFor([&] { return transport->state().phase == ConnectionPhase::Connected; }));
    ASSERT_FALSE(helloOver(*transport->device()).isEmpty());

    m_server->stop();
    ASSERT_TRUE(waitFor([&] { return isRetrying(transport->state()); }))
        << transport->state().summary(std::chrono::steady_clock::now()).toStdString();
    EXPECT_FALSE(transport->device()->isOpen());
    // While sshd is down, attempts fail as unreachable and keep being scheduled.
    ASSERT_TRUE(waitFor([&] { return transport->state().phase == ConnectionPhase::Unreachable; }))
        << transport->state().summary(std::chrono::steady_clock::now()).toStdString();
    EXPECT_TRUE(transport->state().reason.contains(QStringLiteral("Connection refused")))
        << transport->state().reason.toStdString();

    const QString restarted = m_server->start();
    ASSERT_TRUE(restarted.isEmpty()) << restarted.toStdString();
    ASSERT_TRUE(waitFor([&] { return transport->state().phase == ConnectionPhase::Connected; }))
        << transport->state().summary(std::chrono::steady_clock::now()).toStdString();
    EXPECT_EQ(connectedCount, 2);
    EXPECT_FALSE(helloOver(*transport->device()).isEmpty()) << "a fresh stream after reconnecting";
}

TEST_F(SshTransportTest, ARestartedAgentIsReachedAgainThroughTheSameSshd)
{
    trustServer();
    auto transport = makeTransport(target());
    transport->start();
    ASSERT_TRUE(waitFor([&] { return transport->state().phase == ConnectionPhase::Connected; }));
    m_agent->stop();
    ASSERT_TRUE(waitFor([&] {
        return transport->state().phase == ConnectionPhase::AgentSocketUnreachable;
    })) << transport->state().summary(std::chrono::steady_clock::now()).toStdString();
    const QString restarted = m_agent->start();
    ASSERT_TRUE(restarted.isEmpty()) << restarted.toStdString();
    ASSERT_TRUE(waitFor([&] { return transport->state().phase == ConnectionPhase::Connected; }))
        << transport->state().summary(std::chrono::steady_clock::now()).toStdString();
    EXPECT_FALSE(helloOver(*transport->device()).isEmpty());
}

TEST_F(SshTransportTest, AWrongSocketPathSaysTheAgentSocketCannotBeReached)
{
    trustServer();
    const QString missing = path(QStringLiteral("no-agent.sock"));
    auto transport = makeTransport(target(), missing);
    transport->start();
    ASSERT_TRUE(waitFor([&] {
        return transport->state().phase == ConnectionPhase::AgentSocketUnreachable;
    })) << transport->state().summary(std::chrono::steady_clock::now()).toStdString();
    const QString reason = transport->state().reason;
    EXPECT_TRUE(reason.startsWith(
        QStringLiteral("cannot reach the agent socket %1 on 127.0.0.1").arg(missing)))
        << reason.toStdString();
    EXPECT_TRUE(reason.contains(QStringLiteral("AllowStreamLocalForwarding")));
    EXPECT_TRUE(transport->state().retryAt.has_value()) << "an agent may start later";
}

TEST_F(SshTransportTest, ARefusedStreamLocalForwardGivesTheSameClearReason)
{
    trustServer();
    sshlab::SshServer::Options options;
    options.streamLocalForwarding = false;
    m_server->setOptions(options);
    const QString restarted = m_server->start();
    ASSERT_TRUE(restarted.isEmpty()) << restarted.toStdString();
    auto transport = makeTransport(target());
    transport->start();
    ASSERT_TRUE(waitFor([&] {
        return transport->state().phase == ConnectionPhase::AgentSocketUnreachable;
    })) << transport->state().summary(std::chrono::steady_clock::now()).toStdString();
    EXPECT_TRUE(transport->state().reason.contains(QStringLiteral("AllowStreamLocalForwarding")));
    EXPECT_TRUE(m_server->log().contains(QStringLiteral("Accepted publickey")))
        << "login worked; only the forward was refused";
}

TEST_F(SshTransportTest, ProxyJumpThroughASecondSshdChecksBothHostKeys)
{
    const auto bastion = startJumpHost(QStringLiteral("bastion"));
    ASSERT_TRUE(bastion);
    // The target is named as the bastion sees it; the bastion is an alias only this
    // ssh_config knows (ssh's own ProxyJump would not find it).
    writeSshConfig(hostBlock(QStringLiteral("via-bastion"), m_server->port(),
                             QStringLiteral("    ProxyJump jump\n")) +
                   hostBlock(QStringLiteral("jump"), bastion->port()));
    m_prompter.acceptHostKeys = true;
    auto transport = makeTransport(target(QStringLiteral("via-bastion")));
    transport->start();
    ASSERT_TRUE(waitFor([&] { return transport->state().phase == ConnectionPhase::Connected; }))
        << transport->state().summary(std::chrono::steady_clock::now()).toStdString()
        << "\nbastion log:\n"
        << bastion->log().toStdString();
    const QJsonObject reply = helloOver(*transport->device());
    EXPECT_EQ(reply.value(QStringLiteral("result")).toObject().value(QStringLiteral("node")),
              QStringLiteral("lab-1"));
    // Both keys were asked about and recorded: the bastion's and the target's.
    ASSERT_EQ(m_prompter.hostKeyQuestions.size(), 2);
    EXPECT_TRUE(m_prompter.hostKeyQuestions[0].isJumpHost);
    EXPECT_EQ(m_prompter.hostKeyQuestions[0].host, bastion->knownHostsName());
    EXPECT_EQ(m_prompter.hostKeyQuestions[0].fingerprint, bastion->hostKey().fingerprint());
    EXPECT_FALSE(m_prompter.hostKeyQuestions[1].isJumpHost);
    EXPECT_EQ(m_prompter.hostKeyQuestions[1].fingerprint, m_server->hostKey().fingerprint());
    // The target's sshd saw the login come through the bastion's forward.
    EXPECT_TRUE(bastion->log().contains(QStringLiteral("Accepted publickey")));
    EXPECT_TRUE(m_server->log().contains(QStringLiteral("Accepted publickey")));
}

TEST_F(SshTransportTest, NodesBehindOneJumpHostShareOneSessionToIt)
{
    const auto bastion = startJumpHost(QStringLiteral("bastion"));
    ASSERT_TRUE(bastion);
    writeKnownHosts(m_server->knownHostsLine() + QLatin1Char('\n') + bastion->knownHostsLine() +
                    QLatin1Char('\n'));
    writeSshConfig(hostBlock(QStringLiteral("via-bastion"), m_server->port(),
                             QStringLiteral("    ProxyJump jump\n")) +
                   hostBlock(QStringLiteral("jump"), bastion->port()));
    auto first = makeTransport(target(QStringLiteral("via-bastion")));
    auto second = makeTransport(target(QStringLiteral("via-bastion")));
    first->start();
    second->start();
    ASSERT_TRUE(waitFor([&] {
        return first->state().phase == ConnectionPhase::Connected &&
               second->state().phase == ConnectionPhase::Connected;
    })) << first->state().summary(std::chrono::steady_clock::now()).toStdString()
        << " / " << second->state().summary(std::chrono::steady_clock::now()).toStdString();
    EXPECT_FALSE(helloOver(*first->device()).isEmpty());
    EXPECT_FALSE(helloOver(*second->device()).isEmpty());
    EXPECT_EQ(bastion->log().count(QStringLiteral("Accepted publickey")), 1) << "one jump session";
    EXPECT_EQ(m_server->log().count(QStringLiteral("Accepted publickey")), 2);
    EXPECT_TRUE(m_prompter.hostKeyQuestions.isEmpty());
}

TEST_F(SshTransportTest, AProxyJumpChainGoesHopByHop)
{
    const auto outer = startJumpHost(QStringLiteral("outer"));
    const auto inner = startJumpHost(QStringLiteral("inner"));
    ASSERT_TRUE(outer && inner);
    // As ssh reads "ProxyJump outer,inner": the console dials outer, then inner through it,
    // then the node through inner.
    writeSshConfig(hostBlock(QStringLiteral("via-chain"), m_server->port(),
                             QStringLiteral("    ProxyJump outer,inner\n")) +
                   hostBlock(QStringLiteral("outer"), outer->port()) +
                   hostBlock(QStringLiteral("inner"), inner->port()));
    m_prompter.acceptHostKeys = true;
    auto transport = makeTransport(target(QStringLiteral("via-chain")));
    transport->start();
    ASSERT_TRUE(waitFor([&] { return transport->state().phase == ConnectionPhase::Connected; }))
        << transport->state().summary(std::chrono::steady_clock::now()).toStdString();
    EXPECT_FALSE(helloOver(*transport->device()).isEmpty());
    ASSERT_EQ(m_prompter.hostKeyQuestions.size(), 3);
    EXPECT_EQ(m_prompter.hostKeyQuestions[0].host, outer->knownHostsName());
    EXPECT_EQ(m_prompter.hostKeyQuestions[1].host, inner->knownHostsName());
    EXPECT_EQ(m_prompter.hostKeyQuestions[2].host, m_server->knownHostsName());
    EXPECT_TRUE(outer->log().contains(QStringLiteral("Accepted publickey")));
    EXPECT_TRUE(inner->log().contains(QStringLiteral("Accepted publickey")));
}

TEST_F(SshTransportTest, AChangedJumpHostKeyIsRefusedAndNamed)
{
    const auto bastion = startJumpHost(QStringLiteral("bastion"));
    ASSERT_TRUE(bastion);
    sshlab::SshKeyPair other;
    ASSERT_EQ(sshlab::SshKeyPair::generate(path(QStringLiteral("other")), QStringLiteral("ed25519"),
                                           &other),
              QString());
    writeKnownHosts(m_server->knownHostsLine() + QLatin1Char('\n') +
                    bastion->knownHostsLine(other.publicKey()) + QLatin1Char('\n'));
    writeSshConfig(hostBlock(QStringLiteral("via-bastion"), m_server->port(),
                             QStringLiteral("    ProxyJump jump\n")) +
                   hostBlock(QStringLiteral("jump"), bastion->port()));
    auto transport = makeTransport(target(QStringLiteral("via-bastion")));
    transport->start();
    ASSERT_TRUE(waitFor([&] {
        return transport->state().phase == ConnectionPhase::HostKeyRefused;
    })) << transport->state().summary(std::chrono::steady_clock::now()).toStdString();
    EXPECT_TRUE(transport->state().hostKey.isJumpHost);
    EXPECT_EQ(transport->state().hostKey.recorded.value(0).line, 2);
    EXPECT_TRUE(transport->state().reason.startsWith(QStringLiteral("jump host jump:")))
        << transport->state().reason.toStdString();
    EXPECT_FALSE(bastion->log().contains(QStringLiteral("publickey")));
    EXPECT_FALSE(m_server->log().contains(QStringLiteral("publickey")));
}

TEST_F(SshTransportTest, StrictHostKeyCheckingNoRecordsAnUnknownKeyWithoutAsking)
{
    writeSshConfig(QStringLiteral("    StrictHostKeyChecking no\n"));
    auto transport = makeTransport(target());
    transport->start();
    ASSERT_TRUE(waitFor([&] { return transport->state().phase == ConnectionPhase::Connected; }))
        << transport->state().summary(std::chrono::steady_clock::now()).toStdString();
    EXPECT_TRUE(m_prompter.hostKeyQuestions.isEmpty());
    EXPECT_TRUE(readKnownHosts().contains(m_server->knownHostsName()));
}

} // namespace
} // namespace anycast::consoletest
