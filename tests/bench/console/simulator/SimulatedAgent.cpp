#include "tests/bench/console/simulator/SimulatedAgent.h"

#include "common/JsonList.h"
#include "common/protocol/ApiVersion.h"
#include "common/protocol/RpcError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>

#include <cmath>

namespace anycast::bench {
namespace {

constexpr qsizetype kKeptEvents = 1000;
const QString kWebPrefix = QStringLiteral("192.0.2.1/32");

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The result is spliced in as text: a history reply is megabytes that need not be parsed
// back into a QJsonObject first. Ids are the console's integers.
QByteArray resultLine(const QJsonValue &id, const QByteArray &resultText)
{
    return QByteArrayLiteral("{\"jsonrpc\":\"2.0\",\"id\":") +
           QByteArray::number(static_cast<qint64>(id.toDouble())) +
           QByteArrayLiteral(",\"result\":") + resultText + QByteArrayLiteral("}\n");
}

QByteArray errorLine(const QJsonValue &id, int code, const QString &message)
{
    return compact(QJsonObject{
               {QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
               {QStringLiteral("id"), id},
               {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                     {QStringLiteral("message"), message}}}}) +
           '\n';
}

} // namespace

SimulatedAgent::SimulatedAgent(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_random(static_cast<std::mt19937::result_type>(m_config.index + 1))
    , m_started(QDateTime::currentDateTimeUtc())
{
    connect(&m_server, &QLocalServer::newConnection, this, &SimulatedAgent::onConnection);
    connect(&m_timer, &QTimer::timeout, this, &SimulatedAgent::tick);
    record(QStringLiteral("config"), {}, QStringLiteral("started (simulated)"));
}

SimulatedAgent::~SimulatedAgent() = default;

bool SimulatedAgent::listen(QString *error)
{
    QLocalServer::removeServer(m_config.socketPath);
    if (m_server.listen(m_config.socketPath))
        return true;
    *error = m_server.errorString();
    return false;
}

void SimulatedAgent::start(std::chrono::milliseconds phase)
{
    QTimer::singleShot(phase, this, [this] {
        m_timer.start(m_config.interval);
        tick();
    });
}

void SimulatedAgent::onConnection()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        m_clients.insert(socket, std::make_shared<Client>());
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
            m_clients.remove(socket);
            socket->deleteLater();
        });
    }
}

void SimulatedAgent::onReadyRead(QLocalSocket *socket)
{
    const auto client = m_clients.value(socket);
    if (!client)
        return;
    client->framer.append(socket->readAll());
    while (const auto line = client->framer.nextLine())
        handle(socket, *line);
}

void SimulatedAgent::send(QLocalSocket *socket, const QByteArray &line)
{
    m_bytesSent += static_cast<quint64>(line.size());
    socket->write(line);
}

void SimulatedAgent::handle(QLocalSocket *socket, const QByteArray &line)
{
    const QJsonObject request = QJsonDocument::fromJson(line).object();
    const QJsonValue id = request.value(QStringLiteral("id"));
    const QString method = request.value(QStringLiteral("method")).toString();
    const QJsonObject params = request.value(QStringLiteral("params")).toObject();
    if (method == QLatin1String("hello")) {
        send(socket, resultLine(id, compact(hello().toJson())));
    } else if (method == QLatin1String("status")) {
        send(socket, resultLine(id, compact(status().toJson())));
    } else if (method == QLatin1String("subscribe")) {
        const auto client = m_clients.value(socket);
        client->samples = client->events = true;
        send(socket, resultLine(id, compact(QJsonObject{{QStringLiteral("topics"),
                                                         QJsonArray{QStringLiteral("sample"),
                                                                    QStringLiteral("event")}}})));
    } else if (method == QLatin1String("history")) {
        const int seconds = params.value(QStringLiteral("seconds")).toInt(m_config.historySeconds);
        send(socket,
             resultLine(id, historyResult(std::clamp(seconds, 1, m_config.historySeconds))));
    } else if (method == QLatin1String("events")) {
        const quint64 after =
            static_cast<quint64>(params.value(QStringLiteral("after")).toDouble(0));
        const int limit = params.value(QStringLiteral("limit")).toInt(100);
        send(socket, resultLine(id, compact(eventsResult(after, limit))));
    } else {
        send(socket, errorLine(id, kMethodNotFound,
                               QStringLiteral("the simulator answers hello, status, subscribe, "
                                              "history and events only")));
    }
}

void SimulatedAgent::tick()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::bernoulli_distribution flap(m_config.eventsPerSecond *
                                     static_cast<double>(m_config.interval.count()) / 1000.0);
    if (flap(m_random)) {
        m_webDegraded = !m_webDegraded;
        record(QStringLiteral("health"), QStringLiteral("web"),
               m_webDegraded ? QStringLiteral("healthy -> degraded: accept queue filling")
                             : QStringLiteral("degraded -> healthy"));
        record(QStringLiteral("route"), QStringLiteral("web"),
               QStringLiteral("%1 %2").arg(kWebPrefix, prefixStateName(route(kWebPrefix).state)),
               route(kWebPrefix).toJson());
    }
    notify(QStringLiteral("sample"), sampleAt(now).toJson(), true);
}

void SimulatedAgent::notify(const QString &method, const QJsonObject &params, bool samples)
{
    const QByteArray line = compact(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                                {QStringLiteral("method"), method},
                                                {QStringLiteral("params"), params}}) +
                            '\n';
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        if (samples ? it.value()->samples : it.value()->events)
            send(it.key(), line);
    }
}

void SimulatedAgent::record(const QString &kind, const QString &service, const QString &message,
                            const QJsonObject &data)
{
    AgentEvent event{m_nextSeq++, QDateTime::currentDateTimeUtc(), kind, service, message, data};
    m_events.push_back(event);
    if (static_cast<qsizetype>(m_events.size()) > kKeptEvents)
        m_events.pop_front();
    notify(QStringLiteral("event"), event.toJson(), false);
}

HelloReply SimulatedAgent::hello() const
{
    HelloReply reply;
    reply.node = QStringLiteral("sim-%1").arg(m_config.index, 3, 10, QLatin1Char('0'));
    reply.region = m_config.region;
    reply.location = m_config.location;
    reply.agentVersion = QStringLiteral("simulated");
    reply.apiVersion = kApiVersion;
    const QString dnsPrefix = QStringLiteral("198.51.100.%1/32").arg(m_config.regionIndex);
    reply.services = {ServiceInfo{QStringLiteral("web"), {443}, {kWebPrefix}},
                      ServiceInfo{QStringLiteral("dns"), {53}, {dnsPrefix}}};
    reply.prefixes = {kWebPrefix, dnsPrefix};
    reply.caller = CallerInfo{
        0, 0, 0, QStringLiteral("root"), {QStringLiteral("root")}, {QStringLiteral("read")}};
    reply.methods = {QStringLiteral("hello"), QStringLiteral("status"), QStringLiteral("subscribe"),
                     QStringLiteral("history"), QStringLiteral("events")};
    reply.sampleIntervalMs = static_cast<quint64>(m_config.interval.count());
    return reply;
}

PrefixDecision SimulatedAgent::route(const QString &prefix) const
{
    PrefixDecision decision;
    decision.prefix = prefix;
    const bool degraded = prefix == kWebPrefix && m_webDegraded;
    decision.state = degraded ? PrefixState::Degraded : PrefixState::Announced;
    decision.attributes.med = degraded ? 200 : 100;
    decision.attributes.prepend = degraded ? 2 : 0;
    decision.reason =
        degraded ? QStringLiteral("degraded: accept queue filling") : QStringLiteral("healthy");
    return decision;
}

AgentStatus SimulatedAgent::status() const
{
    const HelloReply identity = hello();
    const SamplePoint now = sampleAt(QDateTime::currentDateTimeUtc());
    AgentStatus status;
    status.node = identity.node;
    status.region = identity.region;
    status.location = identity.location;
    status.version = identity.agentVersion;
    status.sampler = QStringLiteral("netlink");
    for (qsizetype i = 0; i < identity.services.size(); ++i) {
        const ServiceInfo &info = identity.services[i];
        ServiceStatus service;
        service.name = info.name;
        service.health = now.services[i].health;
        service.established = now.services[i].stats.states[TcpState::Established];
        service.listeners = 1;
        service.sinceSeconds = m_started.secsTo(QDateTime::currentDateTimeUtc());
        for (const QString &prefix : info.prefixes)
            service.routes.append(route(prefix));
        status.services.append(service);
    }
    status.operatorStatus.stateFile = QStringLiteral("/var/lib/anycast-agent/drain-state.json");
    status.operatorStatus.auditLog = QStringLiteral("/var/lib/anycast-agent/audit.log");
    status.fleet.minAnnouncing = 1;
    status.bgp.bridgeConnected = true;
    status.bgp.bridge = QStringLiteral("anycast-exabgp-bridge (simulated)");
    status.bgp.neighbors = {{QStringLiteral("198.51.100.254"), QStringLiteral("up")}};
    return status;
}

SamplePoint SimulatedAgent::sampleAt(const QDateTime &time) const
{
    const double t = static_cast<double>(time.toMSecsSinceEpoch()) / 1000.0;
    const double wave = std::sin(t / 60.0 + m_config.index);
    SamplePoint point;
    point.time = time;
    const std::array<const char *, 2> names{"web", "dns"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        ServiceSample service;
        service.stats.name = QLatin1String(names[i]);
        service.stats.ports = {static_cast<quint16>(i == 0 ? 443 : 53)};
        const bool degraded = i == 0 && m_webDegraded;
        const auto established = static_cast<quint64>(400 + 150 * wave + (i == 0 ? 600 : 0));
        service.stats.states[TcpState::Established] = established;
        service.stats.states[TcpState::SynRecv] =
            static_cast<quint64>(3 + 2 * wave + (degraded ? 40 : 0));
        service.stats.states[TcpState::TimeWait] = established / 3;
        service.stats.states[TcpState::CloseWait] = degraded ? 12 : 1;
        service.stats.states[TcpState::FinWait2] = 4;
        service.stats.states[TcpState::Listen] = 1;
        ListenerStats listener;
        listener.address = QStringLiteral("0.0.0.0");
        listener.port = service.stats.ports.first();
        listener.acceptQueue = degraded ? 90 : static_cast<quint32>(2 + 2 * wave);
        listener.backlog = 128;
        service.stats.listeners = {listener};
        service.stats.tcpInfo.available = true;
        service.stats.tcpInfo.sockets = established;
        service.stats.tcpInfo.retransmitting = degraded ? 25 : 1;
        service.stats.tcpInfo.totalRetransmits =
            static_cast<quint64>(t * (degraded ? 9 : 2)) % 1000000;
        service.stats.tcpInfo.rttMedianUs = 800;
        service.stats.tcpInfo.rttMaxUs = 9000;
        service.health =
            HealthLabel{false, degraded ? ServiceHealth::Degraded : ServiceHealth::Healthy};
        service.probe = SampleProbe{true, 1.5 + wave + (degraded ? 30 : 0)};
        point.services.append(service);
    }
    return point;
}

QByteArray SimulatedAgent::historyResult(int seconds) const
{
    // Built point by point, as the agent does: one sample per interval back from now.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 step = m_config.interval.count();
    const qint64 points = std::max<qint64>(1, seconds * 1000 / step);
    QByteArray text = QByteArrayLiteral("{\"interval_ms\":") + QByteArray::number(step) +
                      QByteArrayLiteral(",\"samples\":[");
    for (qint64 i = points - 1; i >= 0; --i) {
        text += compact(sampleAt(now.addMSecs(-i * step)).toJson());
        if (i > 0)
            text += ',';
    }
    return text + QByteArrayLiteral("],\"span_s\":") + QByteArray::number(m_config.historySeconds) +
           '}';
}

QJsonObject SimulatedAgent::eventsResult(quint64 after, int limit) const
{
    QJsonArray events;
    QList<const AgentEvent *> newest;
    for (auto it = m_events.rbegin(); it != m_events.rend() && newest.size() < limit; ++it) {
        if (it->seq <= after)
            break;
        newest.prepend(&*it);
    }
    for (const AgentEvent *event : newest)
        events.append(event->toJson());
    return {{QStringLiteral("last_seq"), jsonUnsigned(m_nextSeq - 1)},
            {QStringLiteral("events"), events}};
}

} // namespace anycast::bench
