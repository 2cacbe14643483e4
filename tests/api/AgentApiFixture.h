#pragma once

#include "tests/api/ApiTestClient.h"
#include "tests/integration/AgentProcess.h"
#include "tests/support/AgentTestConfig.h"

#include <QByteArray>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace anycast::apitest {

// The real anycast-agent on a configuration of its own in a temporary folder: the API socket,
// the BGP socket and the state folder inside it, one service "web" on a loopback port the
// test listens on (so the service is healthy), full samples every 200 ms. The tests run as
// root (as CI does): root may connect and drain.
class AgentApiTest : public ::testing::Test
{
protected:
    void SetUp() override;
    void TearDown() override;

    // Writes m_config (again, with what the test changed in it).
    void writeConfig();
    // Starts the agent without waiting for it (writes the default configuration if none
    // was written); the log of run N goes to agent-N.log.
    void launchAgent();
    // The first connection the API socket accepts, polled for; null if none within patience.
    std::unique_ptr<ApiTestClient> waitForApi();
    // launchAgent() + waitForApi(), asserting that the agent answers and has logged that its
    // socket is ready (group and mode set).
    void startAgent();
    // SIGKILL, like a crash.
    void killAgent();
    // Any other signal (SIGSTOP freezes it, SIGCONT thaws it).
    void signalAgent(int number);
    std::unique_ptr<ApiTestClient> connectClient(int receiveBuffer = 0) const;

    // Polls the current run's log until a line contains `needle`.
    bool waitForLog(const QString &needle, std::chrono::milliseconds limit = kPatience) const;
    QString log() const;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString socketPath() const { return m_config.apiSocket(); }
    QString stateDir() const { return m_config.stateDir(); }
    QString statePath() const { return stateDir() + QStringLiteral("/drain-state.json"); }
    QString auditPath() const { return stateDir() + QStringLiteral("/audit.log"); }
    // Every line of audit.log, parsed (a line that is not a JSON object becomes {}).
    QList<QJsonObject> auditEntries() const;

    // Short: the socket's path must fit sun_path (108 bytes).
    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/acapi-XXXXXX")};
    // Set up by SetUp() as described above; a test may change it before (re)writing it.
    labtest::AgentTestConfig m_config{m_dir};
    quint16 m_servicePort = 0;

private:
    int m_serviceFd = -1;
    int m_runs = 0;
    std::unique_ptr<labtest::AgentProcess> m_agent;
};

// A started agent for each test, and one client connected to it.
class ConnectedAgentTest : public AgentApiTest
{
protected:
    void SetUp() override;

    std::unique_ptr<ApiTestClient> m_client;
};

QByteArray readFile(const QString &path);
// An existing file's bytes; nullopt if it does not exist.
std::optional<QByteArray> readFileIfAny(const QString &path);
QJsonObject result(const QJsonObject &reply);
QJsonObject errorOf(const QJsonObject &reply);
QString compact(const QJsonObject &object);
// What `status` says about drains (node_state, drains, each service's operator_state),
// without the parts that move on their own.
QJsonObject drainView(ApiTestClient &client);

} // namespace anycast::apitest
