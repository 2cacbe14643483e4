#include "tests/api/AgentApiFixture.h"

#include "tests/integration/LoopbackListener.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QThread>

#include <arpa/inet.h>
#include <cstdio>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace anycast::apitest {

void AgentApiTest::SetUp()
{
    ASSERT_EQ(::geteuid(), 0u) << "these tests start the agent as root, as CI runs them";
    ASSERT_TRUE(m_dir.isValid());
    ASSERT_TRUE(QDir().mkpath(stateDir()));
    // A plain listening socket is all the agent's sampler needs to see a healthy service.
    m_serviceFd = labtest::listenOnLoopback(&m_servicePort);
    ASSERT_GE(m_serviceFd, 0);
    using namespace std::chrono_literals;
    m_config.node(QStringLiteral("api-1"))
        .region(QStringLiteral("test-region"))
        .location(50.11, 8.68)
        .operatorsGroup(QStringLiteral("root"))
        .fastPathInterval(100ms)
        .sampleInterval(200ms);
    m_config.addService(QStringLiteral("web"), {m_servicePort})
        .prefixes({QStringLiteral("192.0.2.1/32")})
        .rise(2)
        .fall(2);
}

void AgentApiTest::TearDown()
{
    m_agent.reset();
    if (HasFailure()) {
        for (int run = 1; run <= m_runs; ++run) {
            const QByteArray text = readFile(path(QStringLiteral("agent-%1.log").arg(run)));
            std::fprintf(stderr, "--- agent log, run %d ---\n%s", run, text.constData());
        }
    }
    if (m_serviceFd >= 0)
        ::close(m_serviceFd);
}

void AgentApiTest::writeConfig()
{
    ASSERT_FALSE(m_config.write().isEmpty()) << "cannot write " << m_config.path().toStdString();
}

void AgentApiTest::launchAgent()
{
    if (!QFile::exists(m_config.path()))
        writeConfig();
    m_agent.reset(); // one agent at a time: the previous one is stopped first
    ++m_runs;
    m_agent = std::make_unique<labtest::AgentProcess>(
        m_config.path(), path(QStringLiteral("agent-%1.log").arg(m_runs)));
}

std::unique_ptr<ApiTestClient> AgentApiTest::waitForApi()
{
    const QDeadlineTimer deadline(kPatience);
    for (;;) {
        auto client = connectClient();
        if (client->connected())
            return client;
        if (deadline.hasExpired())
            return nullptr;
        QThread::msleep(10);
    }
}

void AgentApiTest::startAgent()
{
    launchAgent();
    ASSERT_TRUE(waitForApi()) << "the agent's API socket never accepted a connection";
    // The socket accepts a moment before it has its group and mode; this line follows them.
    ASSERT_TRUE(waitForLog(QStringLiteral("api: listening on"))) << log().toStdString();
}

void AgentApiTest::killAgent()
{
    ASSERT_TRUE(m_agent);
    m_agent->kill();
}

void AgentApiTest::signalAgent(int number)
{
    ASSERT_TRUE(m_agent);
    m_agent->signal(number);
}

std::unique_ptr<ApiTestClient> AgentApiTest::connectClient(int receiveBuffer) const
{
    return std::make_unique<ApiTestClient>(socketPath(), receiveBuffer);
}

QString AgentApiTest::log() const
{
    return QString::fromUtf8(readFile(path(QStringLiteral("agent-%1.log").arg(m_runs))));
}

bool AgentApiTest::waitForLog(const QString &needle, std::chrono::milliseconds limit) const
{
    const QDeadlineTimer deadline(limit);
    while (!log().contains(needle)) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(20);
    }
    return true;
}

QList<QJsonObject> AgentApiTest::auditEntries() const
{
    QList<QJsonObject> entries;
    const QByteArray bytes = readFile(auditPath());
    for (const QByteArray &line : bytes.split('\n')) {
        if (!line.isEmpty())
            entries.append(QJsonDocument::fromJson(line).object());
    }
    return entries;
}

void ConnectedAgentTest::SetUp()
{
    ASSERT_NO_FATAL_FAILURE(AgentApiTest::SetUp());
    ASSERT_NO_FATAL_FAILURE(startAgent());
    m_client = connectClient();
    ASSERT_TRUE(m_client->connected());
}

QByteArray readFile(const QString &path)
{
    return readFileIfAny(path).value_or(QByteArray());
}

std::optional<QByteArray> readFileIfAny(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

QJsonObject result(const QJsonObject &reply)
{
    return reply.value(QStringLiteral("result")).toObject();
}

QJsonObject errorOf(const QJsonObject &reply)
{
    return reply.value(QStringLiteral("error")).toObject();
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject drainView(ApiTestClient &client)
{
    const QJsonObject status = result(client.call(QStringLiteral("status")));
    QJsonArray serviceStates;
    for (const QJsonValue &service : status.value(QStringLiteral("services")).toArray())
        serviceStates.append(service.toObject().value(QStringLiteral("operator_state")));
    const QJsonObject operatorStatus = status.value(QStringLiteral("operator")).toObject();
    return {{QStringLiteral("node_state"), operatorStatus.value(QStringLiteral("node_state"))},
            {QStringLiteral("drains"), operatorStatus.value(QStringLiteral("drains"))},
            {QStringLiteral("services"), serviceStates}};
}

} // namespace anycast::apitest
