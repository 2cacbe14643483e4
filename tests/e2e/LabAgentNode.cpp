#include "LabAgentNode.h"

#include "HttpGet.h"
#include "LabSystem.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>

namespace anycast::labtest {

LabAgentNode::LabAgentNode(LabAgentOptions options)
    : m_options(std::move(options))
    , m_httpPort(lab::freeLoopbackPort())
    , m_service(std::make_unique<LabServiceProcess>(
          QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}))
{
    QDir(m_dir.path()).mkdir(QStringLiteral("state"));
}

QStringList LabAgentNode::bridgeArguments() const
{
    return {QStringLiteral(ANYCAST_BIN_DIR "/anycast-exabgp-bridge"),
            QStringLiteral("--socket"),
            m_dir.filePath(QStringLiteral("bgp.sock")),
            QStringLiteral("--on-agent-loss"),
            m_options.onAgentLoss,
            QStringLiteral("--grace"),
            QStringLiteral("1s")};
}

QString LabAgentNode::httpUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_httpPort);
}

QString LabAgentNode::writeConfig() const
{
    QStringList peers;
    for (const QString &peer : m_options.peers)
        peers.append(QLatin1Char('"') + peer + QLatin1Char('"'));
    const QString path = m_dir.filePath(QStringLiteral("agent.toml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return path;
    file.write(
        QStringLiteral(R"([agent]
node = "%1"
region = "lab"
api_socket = "%2"
bgp_socket = "%3"
state_dir = "%4"
operators_group = "root"
http_listen = "127.0.0.1:%5"
fast_path_interval = "100ms"
sample_interval = "500ms"
[bgp]
local_as = 65001
next_hop = "198.51.100.7"
on_agent_loss = "%6"
flap_budget = 20
[fleet]
peers = [%7]
min_announcing = %8
poll_interval = "300ms"
poll_timeout = "250ms"
shared_fault_check = %13
[[service]]
name = "web"
ports = [%9]
prefixes = ["%10"]
%14rise = 2
fall = 2
[service.route]
med = 50
drain_prepend = 3
drain_floor = %11
drain_grace = "%12"
)")
            .arg(m_options.node, apiSocket(), m_dir.filePath(QStringLiteral("bgp.sock")),
                 stateDir(), QString::number(m_httpPort), m_options.onAgentLoss,
                 peers.join(QStringLiteral(", ")), QString::number(m_options.minAnnouncing),
                 QString::number(m_service->port()))
            .arg(m_options.prefix, QString::number(m_options.drainFloor), m_options.drainGrace,
                 m_options.sharedFaultCheck ? QStringLiteral("true") : QStringLiteral("false"),
                 m_options.httpProbe ? QStringLiteral("probe = \"http://127.0.0.1:%1/\"\n"
                                                      "probe_interval = \"300ms\"\n"
                                                      "probe_timeout = \"250ms\"\n")
                                           .arg(m_service->port())
                                     : QString())
            .toUtf8());
    return path;
}

void LabAgentNode::startAgent()
{
    m_agent.reset(); // a killed agent's process object goes first
    m_agent = std::make_unique<AgentProcess>(writeConfig());
}

QJsonObject LabAgentNode::call(const QString &method, const QJsonObject &params) const
{
    QLocalSocket socket;
    socket.connectToServer(apiSocket());
    if (!socket.waitForConnected(5000))
        return {};
    const QJsonObject request{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                              {QStringLiteral("id"), 1},
                              {QStringLiteral("method"), method},
                              {QStringLiteral("params"), params}};
    socket.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    QElapsedTimer timer;
    timer.start();
    while (!socket.canReadLine() && timer.elapsed() < 10000)
        socket.waitForReadyRead(100);
    return QJsonDocument::fromJson(socket.readLine()).object();
}

QJsonObject LabAgentNode::status() const
{
    return fetchStatus(m_httpPort);
}

QJsonObject fetchStatus(quint16 port)
{
    const std::optional<test::HttpGetReply> reply = test::httpGet(port, "/status");
    return reply ? QJsonDocument::fromJson(reply->body).object() : QJsonObject();
}

QJsonObject LabAgentNode::route() const
{
    const QJsonArray services = status().value(QStringLiteral("services")).toArray();
    return services.at(0).toObject().value(QStringLiteral("routes")).toArray().at(0).toObject();
}

bool LabAgentNode::waitForEstablished(quint64 count) const
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        const QJsonArray services = status().value(QStringLiteral("services")).toArray();
        if (services.at(0).toObject().value(QStringLiteral("established")).toInteger() ==
            static_cast<qint64>(count))
            return true;
    }
    return false;
}

} // namespace anycast::labtest
