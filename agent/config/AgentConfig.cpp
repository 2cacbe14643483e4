#include "AgentConfig.h"

#include "ConfigReader.h"

#include <QFile>
#include <QHostAddress>
#include <QHostInfo>
#include <QSet>

namespace anycast {
namespace {

const QStringList kTopLevelKeys = {QStringLiteral("agent"), QStringLiteral("bgp"),
                                   QStringLiteral("fleet"), QStringLiteral("service")};
const QStringList kAgentKeys = {
    QStringLiteral("node"),       QStringLiteral("region"),          QStringLiteral("location"),
    QStringLiteral("api_socket"), QStringLiteral("bgp_socket"),      QStringLiteral("state_dir"),
    QStringLiteral("http_listen"), QStringLiteral("operators_group")};
const QStringList kBgpKeys = {QStringLiteral("local_as"), QStringLiteral("next_hop"),
                              QStringLiteral("on_agent_loss"), QStringLiteral("flap_budget"),
                              QStringLiteral("flap_window_s")};
const QStringList kFleetKeys = {QStringLiteral("peers"), QStringLiteral("min_announcing")};
const QStringList kServiceKeys = {QStringLiteral("name"),     QStringLiteral("ports"),
                                  QStringLiteral("prefixes"), QStringLiteral("rise"),
                                  QStringLiteral("fall"),     QStringLiteral("probe")};

void readAgent(ConfigReader &reader, const toml::table &table, AgentConfig &config)
{
    reader.rejectUnknownKeys(table, kAgentKeys);
    config.node = reader.string(table, "node").value_or(QHostInfo::localHostName());
    if (const auto region = reader.string(table, "region"))
        config.region = *region;
    else if (!table.contains("region"))
        reader.fail(table, QStringLiteral("[agent] region is required"));
    if (const toml::node *location = table.get("location")) {
        const auto *array = location->as_array();
        const auto latitude = array && array->size() == 2 ? (*array)[0].value<double>() : std::nullopt;
        const auto longitude = array && array->size() == 2 ? (*array)[1].value<double>() : std::nullopt;
        if (!latitude || !longitude || *latitude < -90 || *latitude > 90 || *longitude < -180 ||
            *longitude > 180) {
            reader.fail(*location, QStringLiteral("location must be [latitude, longitude] in "
                                                  "degrees, e.g. [50.11, 8.68]"));
        } else {
            config.location = GeoLocation{*latitude, *longitude};
        }
    }
    config.apiSocket = reader.string(table, "api_socket").value_or(config.apiSocket);
    config.bgpSocket = reader.string(table, "bgp_socket").value_or(config.bgpSocket);
    config.stateDir = reader.string(table, "state_dir").value_or(config.stateDir);
    config.operatorsGroup = reader.string(table, "operators_group").value_or(config.operatorsGroup);
    config.httpListen = reader.string(table, "http_listen").value_or(config.httpListen);
}

void readBgp(ConfigReader &reader, const toml::table &table, BgpConfig &bgp)
{
    reader.rejectUnknownKeys(table, kBgpKeys);
    bgp.localAs = static_cast<quint32>(
        reader.integer(table, "local_as", 1, 4294967294LL).value_or(bgp.localAs));
    bgp.nextHop = reader.string(table, "next_hop").value_or(bgp.nextHop);
    bgp.onAgentLoss = reader.oneOf(table, "on_agent_loss", {QStringLiteral("keep"),
                                                            QStringLiteral("withdraw")})
                          .value_or(bgp.onAgentLoss);
    bgp.flapBudget = static_cast<int>(reader.integer(table, "flap_budget", 1, 1000)
                                          .value_or(bgp.flapBudget));
    bgp.flapWindowSeconds = static_cast<int>(reader.integer(table, "flap_window_s", 1, 86400)
                                                 .value_or(bgp.flapWindowSeconds));
}

void readFleet(ConfigReader &reader, const toml::table &table, FleetConfig &fleet)
{
    reader.rejectUnknownKeys(table, kFleetKeys);
    fleet.peers = reader.stringList(table, "peers").value_or(fleet.peers);
    fleet.minAnnouncing = static_cast<int>(reader.integer(table, "min_announcing", 0, 10000)
                                               .value_or(fleet.minAnnouncing));
}

void readService(ConfigReader &reader, const toml::table &table, ServiceConfig &service)
{
    reader.rejectUnknownKeys(table, kServiceKeys);
    if (const auto name = reader.string(table, "name"))
        service.name = *name;
    else if (!table.contains("name"))
        reader.fail(table, QStringLiteral("[[service]] name is required"));
    if (const auto ports = reader.portList(table, "ports"); ports && !ports->isEmpty())
        service.ports = *ports;
    else if (!ports)
        reader.fail(table, QStringLiteral("[[service]] %1: ports is required").arg(service.name));
    if (const toml::node *prefixes = table.get("prefixes")) {
        for (const auto &[text, node] : reader.stringsWithNodes(*prefixes, "prefixes")) {
            const auto subnet = QHostAddress::parseSubnet(text);
            if (subnet.first.isNull() || !text.contains(QLatin1Char('/')))
                reader.fail(*node, QStringLiteral("'%1' is not a prefix (e.g. 192.0.2.1/32)").arg(text));
            else
                service.prefixes.append(text);
        }
    }
    service.rise = static_cast<int>(reader.integer(table, "rise", 1, 100).value_or(service.rise));
    service.fall = static_cast<int>(reader.integer(table, "fall", 1, 100).value_or(service.fall));
    service.probe = reader.string(table, "probe").value_or(QString());
}

} // namespace

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
    for (const toml::table *table : reader.tableArray(*root, "service")) {
        ServiceConfig service;
        readService(reader, *table, service);
        if (!service.name.isEmpty() && names.contains(service.name))
            reader.fail(*table, QStringLiteral("service '%1' is defined twice").arg(service.name));
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
