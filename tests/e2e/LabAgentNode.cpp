#include "tests/e2e/LabAgentNode.h"

#include "tests/support/AgentTestConfig.h"
#include "tests/support/HttpGet.h"
#include "tests/support/LoopbackPort.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>

namespace anycast::labtest {

LabAgentNode::LabAgentNode(LabAgentOptions options)
    : m_options(std::move(options))
    , m_httpPort(test::freeLoopbackPort())
    , m_service(std::make_unique<LabServiceProcess>(
          QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}))
{}

QStringList LabAgentNode::bridgeArguments() const
{
    return {QStringLiteral(ANYCAST_BIN_DIR "/anycast-exabgp-bridge"),
            QStringLiteral("--socket"),
            AgentTestConfig(m_dir).bgpSocket(),
            QStringLiteral("--on-agent-loss"),
            m_options.onAgentLoss,
            QStringLiteral("--grace"),
            QStringLiteral("1s")};
}

QString LabAgentNode::stateDir() const
{
    return AgentTestConfig(m_dir).stateDir();
}

QString LabAgentNode::apiSocket() const
{
    return AgentTestConfig(m_dir).apiSocket();
}

QString LabAgentNode::httpUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_httpPort);
}

QString LabAgentNode::writeConfig() const
{
    using namespace std::chrono_literals;
    AgentTestConfig config(m_dir);
    config.node(m_options.node)
        .operatorsGroup(QStringLiteral("root"))
        .httpListen(m_httpPort)
        .fastPathInterval(100ms)
        .sampleInterval(500ms)
        .localAs(65001)
        .nextHop(QStringLiteral("198.51.100.7"))
        .onAgentLoss(m_options.onAgentLoss)
        .flapBudget(20)
        .peers(m_options.peers)
        .minAnnouncing(m_options.minAnnouncing)
        .pollInterval(300ms)
        .pollTimeout(250ms)
        .sharedFaultCheck(m_options.sharedFaultCheck);
    ServiceTestConfig &web = config.addService(QStringLiteral("web"), {m_service->port()});
    web.prefixes({m_options.prefix});
    if (m_options.httpProbe) {
        web.probe(QStringLiteral("http://127.0.0.1:%1/").arg(m_service->port()))
            .probeInterval(300ms)
            .probeTimeout(250ms);
    }
    web.rise(2)
        .fall(2)
        .med(50)
        .drainPrepend(3)
        .drainFloor(m_options.drainFloor)
        .drainGrace(m_options.drainGrace);
    return config.write();
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
