#include "tests/console/ConsoleTestSupport.h"

#include "app/transport/SshTransport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>
#include <pwd.h>
#include <unistd.h>

namespace anycast::consoletest {

bool waitFor(const std::function<bool()> &done, std::chrono::milliseconds limit)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > limit.count())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

void ScriptedPrompter::askHostKey(const HostKeyReport &question, HostKeyAnswer answer)
{
    hostKeyQuestions.append(question);
    answer(acceptHostKeys);
}

void ScriptedPrompter::askPassphrase(const PassphraseQuestion &question, PassphraseAnswer answer)
{
    passphraseQuestions.append(question);
    answer(passphrase);
}

QJsonObject helloOver(QIODevice &device)
{
    const QByteArray request =
        R"({"jsonrpc":"2.0","id":1,"method":"hello","params":{"client":"console-test"}})"
        "\n";
    if (device.write(request) != request.size())
        return {};
    QJsonObject reply;
    waitFor([&] {
        while (device.canReadLine()) {
            const QJsonObject line = QJsonDocument::fromJson(device.readLine()).object();
            if (line.value(QStringLiteral("id")).toInt() == 1) {
                reply = line;
                return true;
            }
        }
        return false;
    });
    return reply;
}

QString SshTransportTest::currentUser()
{
    const passwd *entry = ::getpwuid(::geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QStringLiteral("root");
}

std::unique_ptr<sshlab::SshServer> SshTransportTest::startJumpHost(const QString &name)
{
    auto server = std::make_unique<sshlab::SshServer>(m_dir.path(), name);
    const QString prepared = server->prepare();
    EXPECT_TRUE(prepared.isEmpty()) << prepared.toStdString();
    EXPECT_TRUE(server->authorize(m_userKey.publicLine()));
    const QString started = server->start();
    EXPECT_TRUE(started.isEmpty()) << started.toStdString();
    return prepared.isEmpty() && started.isEmpty() ? std::move(server) : nullptr;
}

QString SshTransportTest::hostBlock(const QString &alias, quint16 port, const QString &more)
{
    return QStringLiteral("Host %1\n    HostName 127.0.0.1\n    Port %2\n%3")
        .arg(alias)
        .arg(port)
        .arg(more);
}

void SshTransportTest::SetUp()
{
    ASSERT_TRUE(m_dir.isValid());
    m_server = std::make_unique<sshlab::SshServer>(m_dir.path(), QStringLiteral("sshd"));
    ASSERT_EQ(m_server->prepare(), QString());
    ASSERT_EQ(sshlab::SshKeyPair::generate(path(QStringLiteral("user_ed25519")),
                                           QStringLiteral("ed25519"), &m_userKey),
              QString());
    ASSERT_TRUE(m_server->authorize(m_userKey.publicLine()));
    const QString started = m_server->start();
    ASSERT_TRUE(started.isEmpty()) << started.toStdString();
    m_agent = std::make_unique<sshlab::LabAgent>(m_dir.path(), QStringLiteral("lab-1"));
    const QString agentStarted = m_agent->start();
    ASSERT_TRUE(agentStarted.isEmpty()) << agentStarted.toStdString();
    writeSshConfig();
    m_network = std::make_unique<SshNetwork>();
    m_network->setPrompter(&m_prompter);
}

void SshTransportTest::TearDown()
{
    m_network.reset(); // every network thread ends before the servers go
    if (HasFailure() && m_server)
        std::fprintf(stderr, "--- sshd log ---\n%s", qPrintable(m_server->log()));
    m_agent.reset();
    m_server.reset();
}

void SshTransportTest::trustServer()
{
    writeKnownHosts(m_server->knownHostsLine() + QLatin1Char('\n'));
}

void SshTransportTest::writeKnownHosts(const QString &text)
{
    QFile file(knownHostsPath());
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
}

QString SshTransportTest::readKnownHosts() const
{
    QFile file(knownHostsPath());
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void SshTransportTest::writeSshConfig(const QString &extra, const QString &identity)
{
    const QString text = QStringLiteral("Host node\n"
                                        "    HostName 127.0.0.1\n"
                                        "    Port %1\n"
                                        "%2\n"
                                        "Host *\n"
                                        "    User %3\n"
                                        "    IdentityFile %4\n"
                                        "    UserKnownHostsFile %5\n")
                             .arg(m_server->port())
                             .arg(extra, currentUser(),
                                  identity.isEmpty() ? m_userKey.path : identity, knownHostsPath());
    QFile file(path(QStringLiteral("ssh_config")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
}

SshTarget SshTransportTest::target(const QString &alias) const
{
    SshTarget target;
    target.destination = SshDestination::parse(alias).value();
    target.sshConfig = path(QStringLiteral("ssh_config"));
    return target;
}

std::unique_ptr<AgentTransport> SshTransportTest::makeTransport(const SshTarget &target,
                                                                const QString &socket)
{
    auto transport = std::make_unique<SshTransport>(
        *m_network, target, socket.isEmpty() ? m_agent->socketPath() : socket);
    ReconnectBackoff::Settings quick;
    quick.initial = 200ms;
    quick.maximum = 1s;
    transport->setBackoff(ReconnectBackoff([] { return 0.0; }, quick));
    return transport;
}

} // namespace anycast::consoletest
