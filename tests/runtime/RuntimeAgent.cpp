#include "tests/runtime/RuntimeAgent.h"

#include "tests/support/AgentTestConfig.h"
#include "tests/support/HttpGet.h"
#include "tests/support/LoopbackPort.h"
#include "tests/support/ProcessUsage.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QThread>

namespace anycast::test {

RuntimeAgent::RuntimeAgent()
    : m_httpPort(test::freeLoopbackPort())
{}

QString RuntimeAgent::bgpSocket() const
{
    return labtest::AgentTestConfig(m_dir).bgpSocket();
}

QString RuntimeAgent::apiSocket() const
{
    return labtest::AgentTestConfig(m_dir).apiSocket();
}

bool RuntimeAgent::start()
{
    labtest::AgentTestConfig config(m_dir);
    config.node(QStringLiteral("runtime-1"))
        .operatorsGroup(QStringLiteral("root"))
        .httpListen(m_httpPort)
        .localAs(65001)
        .nextHop(QStringLiteral("198.51.100.7"));
    config.addService(QStringLiteral("web"), {test::freeLoopbackPort()})
        .prefixes({QStringLiteral("192.0.2.10/32")});
    const QString configPath = config.write();
    if (configPath.isEmpty())
        return false;
    m_process =
        std::make_unique<labtest::AgentProcess>(configPath, path(QStringLiteral("agent.log")));
    const QDeadlineTimer deadline(std::chrono::seconds(15));
    while (!deadline.hasExpired() && m_process->running()) {
        if (!status().isEmpty())
            return true;
        QThread::msleep(20);
    }
    return false;
}

QJsonObject RuntimeAgent::status() const
{
    const auto reply = httpGet(m_httpPort, "/status");
    return reply ? QJsonDocument::fromJson(reply->body).object() : QJsonObject();
}

QByteArray RuntimeAgent::metrics() const
{
    const auto reply = httpGet(m_httpPort, "/metrics");
    return reply ? reply->body : QByteArray();
}

quint64 RuntimeAgent::rssKb() const
{
    ProcessUsage usage;
    std::string error;
    return readUsage(static_cast<pid_t>(m_process->pid()), &usage, &error) ? usage.rssKb : 0;
}

} // namespace anycast::test
