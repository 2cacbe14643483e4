#pragma once

#include "app/transport/AgentTransport.h"
#include "app/transport/SshNetwork.h"
#include "app/transport/SshPrompter.h"
#include "app/transport/SshTarget.h"
#include "tests/sshlab/LabAgent.h"
#include "tests/sshlab/SshServer.h"

#include <QDir>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <memory>

namespace anycast::consoletest {

using namespace std::chrono_literals;

// How long any single wait may take before it counts as a failure.
inline constexpr std::chrono::milliseconds kPatience = 20s;

// Runs the event loop until `done` or `limit`; true if done.
bool waitFor(const std::function<bool()> &done, std::chrono::milliseconds limit = kPatience);

// Answers like an operator would, as the test says, and remembers what it was asked.
class ScriptedPrompter final : public SshPrompter
{
public:
    bool acceptHostKeys = false;
    std::optional<QString> passphrase;
    QList<HostKeyReport> hostKeyQuestions;
    QList<PassphraseQuestion> passphraseQuestions;

    void askHostKey(const HostKeyReport &question, HostKeyAnswer answer) override;
    void askPassphrase(const PassphraseQuestion &question, PassphraseAnswer answer) override;
};

// Sends one `hello` request line and returns the parsed reply line (empty on timeout).
QJsonObject helloOver(QIODevice &device);

// A real sshd with a real agent behind it, a throwaway user key in authorized_keys, and an
// ssh_config (Host "node") the transports use: the tests' own known_hosts and identity.
class SshTransportTest : public ::testing::Test
{
protected:
    void SetUp() override;
    void TearDown() override;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString knownHostsPath() const { return path(QStringLiteral("known_hosts")); }
    // Trusts the lab sshd's real host key.
    void trustServer();
    void writeKnownHosts(const QString &text);
    QString readKnownHosts() const;
    // Writes the ssh_config with Host blocks for "node" (the lab sshd) plus `extra`.
    void writeSshConfig(const QString &extra = {}, const QString &identity = {});
    SshTarget target(const QString &alias = QStringLiteral("node")) const;
    // A transport to the lab agent (or `socket`) with short back-off for the tests.
    std::unique_ptr<AgentTransport> makeTransport(const SshTarget &target,
                                                  const QString &socket = {});
    static QString currentUser();
    // Another sshd (a jump host) in the same folder that accepts the test's user key.
    std::unique_ptr<sshlab::SshServer> startJumpHost(const QString &name);
    // "Host ALIAS / HostName 127.0.0.1 / Port PORT" and optional more lines.
    static QString hostBlock(const QString &alias, quint16 port, const QString &more = {});

    // Short: the agent's socket path must fit sun_path.
    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/acssh-XXXXXX")};
    std::unique_ptr<sshlab::SshServer> m_server;
    std::unique_ptr<sshlab::LabAgent> m_agent;
    sshlab::SshKeyPair m_userKey;
    ScriptedPrompter m_prompter;
    std::unique_ptr<SshNetwork> m_network;
};

} // namespace anycast::consoletest
