#include "agent/config/AgentConfig.h"

#include "agent/bgp/NextHop.h"
#include "agent/config/ServiceConfigReader.h"
#include "common/config/DisplayName.h"
#include "common/config/Duration.h"

#include <QFile>
#include <QHostAddress>
#include <QHostInfo>
#include <QJsonArray>
#include <QSet>
#include <QUrl>

namespace anycast {
namespace {

const QStringList kTopLevelKeys = {QStringLiteral("agent"), QStringLiteral("bgp"),
                                   QStringLiteral("fleet"), QStringLiteral("service")};
const QStringList kAgentKeys = {QStringLiteral("node"),
                                QStringLiteral("region"),
                                QStringLiteral("location"),
                                QStringLiteral("api_socket"),
                                QStringLiteral("bgp_socket"),
                                QStringLiteral("state_dir"),
                                QStringLiteral("http_listen"),
                                QStringLiteral("operators_group"),
                                QStringLiteral("api_group"),
                                QStringLiteral("bgp_group"),
                                QStringLiteral("history"),
                                QStringLiteral("fast_path_interval"),
                                QStringLiteral("sample_interval"),
                                QStringLiteral("connection_watch_cpu_percent")};
const QStringList kBgpKeys = {QStringLiteral("local_as"), QStringLiteral("next_hop"),
                              QStringLiteral("on_agent_loss"), QStringLiteral("flap_budget"),
                              QStringLiteral("flap_window_s")};
const QStringList kFleetKeys = {QStringLiteral("peers"), QStringLiteral("min_announcing"),
                                QStringLiteral("poll_interval"), QStringLiteral("poll_timeout"),
                                QStringLiteral("shared_fault_check")};
// "127.0.0.1:9642", "[::1]:9642": a literal address (no names: resolving at start-up is
// a failure mode of its own) and a port.
bool isHostPort(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(QLatin1Char(':')))
        return false;
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    return ok && port >= 1 && port <= 65535 && !QHostAddress(host).isNull();
}

void readAgent(ConfigReader &reader, const toml::table &table, AgentConfig &config)
{
    reader.rejectUnknownKeys(table, kAgentKeys);
    if (const auto node = reader.displayName(table, "node")) {
        config.node = *node;
    } else if (!table.contains("node")) {
        config.node = QHostInfo::localHostName();
        if (const QString problem = displayNameProblem(config.node); !problem.isEmpty())
            reader.fail(table, QStringLiteral("node: the host name %1 %2; set [agent] node")
                                   .arg(quotedForMessage(config.node), problem));
    }
    if (const auto region = reader.displayName(table, "region"))
        config.region = *region;
    else if (!table.contains("region"))
        reader.fail(table, QStringLiteral("[agent] region is required"));
    if (const toml::node *location = table.get("location")) {
        const auto *array = location->as_array();
        const auto latitude =
            array && array->size() == 2 ? (*array)[0].value<double>() : std::nullopt;
        const auto longitude =
            array && array->size() == 2 ? (*array)[1].value<double>() : std::nullopt;
        if (!latitude || !longitude || *latitude < -90 || *latitude > 90 || *longitude < -180 ||
            *longitude > 180) {
            reader.fail(*location, QStringLiteral("location must be [latitude, longitude] in "
                                                  "degrees, e.g. [50.11, 8.68]"));
        } else {
            config.location = GeoLocation{*latitude, *longitude};
        }
    }
    config.apiSocket = reader.socketPath(table, "api_socket").value_or(config.apiSocket);
    config.bgpSocket = reader.socketPath(table, "bgp_socket").value_or(config.bgpSocket);
    config.stateDir = reader.string(table, "state_dir").value_or(config.stateDir);
    config.operatorsGroup = reader.string(table, "operators_group").value_or(config.operatorsGroup);
    config.apiGroup = reader.string(table, "api_group").value_or(config.operatorsGroup);
    config.bgpGroup = reader.string(table, "bgp_group").value_or(config.bgpGroup);
    // Where each group was named (a default: where it came from, or where [agent] starts),
    // for the host check --check runs, which reports a group missing on this host there.
    const auto whereSet = [&](std::initializer_list<const char *> keys) {
        for (const char *key : keys) {
            if (const toml::node *node = table.get(key))
                return reader.where(*node);
        }
        return reader.where(table);
    };
    config.keyLocations = {
        {QStringLiteral("operators_group"), whereSet({"operators_group"})},
        {QStringLiteral("api_group"), whereSet({"api_group", "operators_group"})},
        {QStringLiteral("bgp_group"), whereSet({"bgp_group"})},
    };
    if (const auto listen = reader.string(table, "http_listen")) {
        if (listen->isEmpty() || isHostPort(*listen))
            config.httpListen = *listen;
        else
            reader.fail(*table.get("http_listen"),
                        QStringLiteral("http_listen must be ADDRESS:PORT (e.g. 127.0.0.1:9642) or "
                                       "\"\" to disable"));
    }
    using std::chrono::milliseconds;
    config.fastPathInterval =
        reader.duration(table, "fast_path_interval", milliseconds(10), milliseconds(10000))
            .value_or(config.fastPathInterval);
    config.sampleInterval =
        reader.duration(table, "sample_interval", milliseconds(100), milliseconds(60000))
            .value_or(config.sampleInterval);
    config.history =
        reader.duration(table, "history", std::chrono::minutes(1), std::chrono::hours(24))
            .value_or(config.history);
    config.connectionWatchCpuPercent = reader.number(table, "connection_watch_cpu_percent", 0, 100)
                                           .value_or(config.connectionWatchCpuPercent);
}

void readBgp(ConfigReader &reader, const toml::table &table, BgpConfig &bgp)
{
    reader.rejectUnknownKeys(table, kBgpKeys);
    bgp.localAs = static_cast<quint32>(
        reader.integer(table, "local_as", 1, 4294967294LL).value_or(bgp.localAs));
    if (const auto nextHop = reader.string(table, "next_hop")) {
        if (const auto parsed = NextHop::parse(*nextHop))
            bgp.nextHop = parsed->toString();
        else
            reader.fail(*table.get("next_hop"),
                        QStringLiteral("next_hop must be \"self\" or a unicast address: %1 %2")
                            .arg(quotedForMessage(*nextHop), parsed.error()));
    }
    bgp.onAgentLoss =
        reader.oneOf(table, "on_agent_loss", {QStringLiteral("keep"), QStringLiteral("withdraw")})
            .value_or(bgp.onAgentLoss);
    bgp.flapBudget =
        static_cast<int>(reader.integer(table, "flap_budget", 1, 1000).value_or(bgp.flapBudget));
    bgp.flapWindowSeconds = static_cast<int>(
        reader.integer(table, "flap_window_s", 1, 86400).value_or(bgp.flapWindowSeconds));
}

void readFleet(ConfigReader &reader, const toml::table &table, FleetConfig &fleet)
{
    reader.rejectUnknownKeys(table, kFleetKeys);
    fleet.peers = reader.stringList(table, "peers", [](const QString &text) {
        const QUrl url(text, QUrl::StrictMode);
        if (url.isValid() && url.scheme() == QLatin1String("http") && !url.host().isEmpty())
            return QString();
        return QStringLiteral("peer '%1' must be an http:// URL of another agent's http_listen")
            .arg(text);
    });
    fleet.minAnnouncing = static_cast<int>(
        reader.integer(table, "min_announcing", 0, 10000).value_or(fleet.minAnnouncing));
    using std::chrono::milliseconds;
    fleet.pollInterval =
        reader.duration(table, "poll_interval", milliseconds(100), milliseconds(60000))
            .value_or(fleet.pollInterval);
    fleet.pollTimeout =
        reader.duration(table, "poll_timeout", milliseconds(50), milliseconds(60000))
            .value_or(fleet.pollTimeout);
    fleet.sharedFaultCheck =
        reader.boolean(table, "shared_fault_check").value_or(fleet.sharedFaultCheck);
}

} // namespace

HealthConfig ServiceConfig::healthConfig() const
{
    return {ports, rise, fall, listenerLossImmediate, thresholds};
}

PolicyConfig AgentConfig::policyConfig(const ServiceConfig &service) const
{
    return {service.route, bgp.flapBudget, std::chrono::seconds(bgp.flapWindowSeconds),
            fleet.minAnnouncing};
}

QStringList AgentConfig::serviceNames() const
{
    QStringList names;
    names.reserve(services.size());
    for (const ServiceConfig &service : services)
        names.append(service.name);
    return names;
}

QList<ServicePorts> AgentConfig::servicePorts() const
{
    QList<ServicePorts> result;
    for (const ServiceConfig &service : services)
        result.append({service.name, service.ports});
    return result;
}

Result<AgentConfig> parseAgentConfig(const QString &text, const QString &path)
{
    ConfigReader reader(path);
    const std::optional<toml::table> root = reader.parse(text);
    if (!root)
        return Result<AgentConfig>::failure(reader.errors().join(QLatin1Char('\n')));

    AgentConfig config;
    config.sourcePath = path;
    reader.rejectUnknownKeys(*root, kTopLevelKeys);
    if (const toml::table *agent = reader.table(*root, "agent"))
        readAgent(reader, *agent, config);
    else
        reader.failAtStart(QStringLiteral("missing [agent] table (region is required)"));
    if (const toml::table *bgp = reader.table(*root, "bgp"))
        readBgp(reader, *bgp, config.bgp);
    if (const toml::table *fleet = reader.table(*root, "fleet"))
        readFleet(reader, *fleet, config.fleet);

    QSet<QString> names;
    PrefixOwners prefixOwners;
    for (const toml::table *table : reader.tableArray(*root, "service")) {
        ServiceConfig service = readServiceConfig(reader, *table, prefixOwners);
        if (!service.name.isEmpty() && names.contains(service.name))
            reader.fail(
                *table,
                QStringLiteral("service %1 is defined twice").arg(quotedForMessage(service.name)));
        names.insert(service.name);
        config.services.append(service);
    }
    if (reader.errors().isEmpty()) {
        // A port owned by two services would make every count ambiguous.
        if (const auto ports = PortMap::build(config.servicePorts()); !ports)
            reader.failAtStart(ports.error());
    }
    if (!reader.errors().isEmpty())
        return Result<AgentConfig>::failure(reader.errors().join(QLatin1Char('\n')));
    return Result<AgentConfig>::success(std::move(config));
}

Result<AgentConfig> loadAgentConfig(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Result<AgentConfig>::failure(
            QStringLiteral("%1: cannot read: %2").arg(path, file.errorString()));
    }
    constexpr qint64 kMaxConfigBytes = 4 * 1024 * 1024;
    const QByteArray bytes = file.read(kMaxConfigBytes + 1);
    if (bytes.size() > kMaxConfigBytes) {
        return Result<AgentConfig>::failure(
            QStringLiteral("%1: larger than 4 MiB; not a config file").arg(path));
    }
    return parseAgentConfig(QString::fromUtf8(bytes), path);
}

} // namespace anycast
