#include "RuntimeAgent.h"

#include "HttpGet.h"
#include "LabSystem.h"
#include "ProcessUsage.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QThread>

namespace anycast::test {

RuntimeAgent::RuntimeAgent()
    : m_httpPort(lab::freeLoopbackPort())
{
    QDir(m_dir.path()).mkdir(QStringLiteral("state"));
}

bool RuntimeAgent::start()
{
    QFile config(path(QStringLiteral("agent.toml")));
    if (!config.open(QIODevice::WriteOnly))
        return false;
    config.write(QStringLiteral(R"([agent]
node = "runtime-1"
region = "lab"
api_socket = "%1"
bgp_socket = "%2"
state_dir = "%3"
operators_group = "root"
http_listen = "127.0.0.1:%4"
[bgp]
local_as = 65001
next_hop = "198.51.100.7"
[[service]]
name = "web"
ports = [%5]
prefixes = ["192.0.2.10/32"]
)")
                     .arg(apiSocket(), bgpSocket(), path(QStringLiteral("state")))
                     .arg(m_httpPort)
                     .arg(lab::freeLoopbackPort())
                     .toUtf8());
    config.close();
    m_process = std::make_unique<labtest::AgentProcess>(config.fileName(),
                                                        path(QStringLiteral("agent.log")));
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
