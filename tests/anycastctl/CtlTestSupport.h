#pragma once

#include "agent/support/FileDescriptor.h"
#include "tests/integration/AgentProcess.h"
#include "tests/support/AgentTestConfig.h"

#include <QByteArray>
#include <QDir>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

namespace anycast::ctltest {

using namespace std::chrono_literals;

// How long any single wait in these tests may take before it counts as a failure.
inline constexpr std::chrono::milliseconds kPatience = 15s;

QString ctlBinary();

struct CtlResult
{
    int exitCode = -1; // -1: crashed, or killed after kPatience
    QString out;
    QString err;
};

// anycastctl as a process. `runAs` goes before it on the command line (setpriv ...), so the
// same binary runs as another user; `environment` is added to the test's own.
CtlResult runCtl(const QStringList &arguments, const QStringList &runAs = {},
                 const QStringList &environment = {}, const QString &binary = ctlBinary());
// setpriv and its arguments: the next program runs as `uid`, in group `gid` only.
QStringList asUser(uid_t uid, gid_t gid);

// A Unix socket "agent" that is not one: it accepts one client, reads one line and answers
// with `reply` (nothing if empty, and then it holds the connection until destroyed). With
// `closeAtOnce`, it closes the connection without a word instead.
class FakeAgent
{
public:
    FakeAgent(const QString &path, QByteArray reply, bool closeAtOnce = false);
    ~FakeAgent();
    FakeAgent(const FakeAgent &) = delete;
    FakeAgent &operator=(const FakeAgent &) = delete;
    bool listening() const { return m_fd.valid(); }

private:
    void serve(QByteArray reply, bool closeAtOnce);

    FileDescriptor m_fd;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

// The real anycast-agent in a temporary folder (API socket, BGP socket, state folder), one
// service "web" on a loopback port the test listens on. Tests run as root, as CI does; the
// folder is opened (0755) so other users can reach the socket and its mode decides.
class CtlAgentTest : public ::testing::Test
{
protected:
    void SetUp() override;
    void TearDown() override;

    // Writes the configuration and starts the agent; asserts that its API answers.
    void startAgent(const QString &apiGroup = {},
                    const QString &operatorsGroup = QStringLiteral("root"));
    void killAgent();

    // anycastctl against this agent's socket, with `arguments` after the command.
    CtlResult ctl(const QStringList &arguments, const QStringList &runAs = {}) const;
    QJsonObject statusJson() const;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString socketPath() const { return labtest::AgentTestConfig(m_dir).apiSocket(); }
    QString stateDir() const { return labtest::AgentTestConfig(m_dir).stateDir(); }
    QString statePath() const { return stateDir() + QStringLiteral("/drain-state.json"); }

    // Short: the socket's path must fit sun_path (108 bytes).
    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/acctl-XXXXXX")};

private:
    // A copy other users can run even when the build folder is closed to them.
    QString m_ctlCopy;
    FileDescriptor m_service;
    quint16 m_servicePort = 0;
    std::unique_ptr<labtest::AgentProcess> m_agent;
};

// Reads `process`'s stdout line by line until `wanted` holds for a line or kPatience passes.
std::optional<QString> waitForOutputLine(QProcess &process, QByteArray &buffer,
                                         const std::function<bool(const QString &)> &wanted);
QJsonObject parseObject(const QString &text);

} // namespace anycast::ctltest
