#include "common/ServiceSocketStats.h"

#include "common/JsonList.h"

namespace anycast {
namespace detail {

QJsonArray portsToJson(const QList<quint16> &ports)
{
    QJsonArray json;
    for (const quint16 port : ports)
        json.append(port);
    return json;
}

QList<quint16> portsFromJson(JsonReader &reader)
{
    const QString key = QStringLiteral("ports");
    const QJsonArray array = reader.array(key);
    QList<quint16> ports;
    ports.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i)
        ports.append(static_cast<quint16>(reader.unsignedElement(array, i, key, 65535)));
    return ports;
}

} // namespace detail

QJsonObject ServiceSocketStats::toJson() const
{
    return {
        {QStringLiteral("name"), name},
        {QStringLiteral("ports"), detail::portsToJson(ports)},
        {QStringLiteral("listeners"), listToJson(listeners)},
        {QStringLiteral("states"), states.toJson()},
        {QStringLiteral("tcp_info"), tcpInfo.toJson()},
    };
}

ServiceSocketStats ServiceSocketStats::fromJson(JsonReader &reader)
{
    ServiceSocketStats result;
    result.name = reader.string(QStringLiteral("name"));
    result.ports = detail::portsFromJson(reader);
    result.listeners = listFromJson<ListenerStats>(reader, QStringLiteral("listeners"));
    JsonReader states = reader.child(QStringLiteral("states"));
    result.states = TcpStateCounts::fromJson(states);
    JsonReader tcpInfo = reader.child(QStringLiteral("tcp_info"));
    result.tcpInfo = TcpInfoSummary::fromJson(tcpInfo);
    reader.rejectUnknownKeys();
    return result;
}

QJsonObject ServiceListeners::toJson() const
{
    return {
        {QStringLiteral("name"), name},
        {QStringLiteral("ports"), detail::portsToJson(ports)},
        {QStringLiteral("listeners"), listToJson(listeners)},
    };
}

ServiceListeners ServiceListeners::fromJson(JsonReader &reader)
{
    ServiceListeners result;
    result.name = reader.string(QStringLiteral("name"));
    result.ports = detail::portsFromJson(reader);
    result.listeners = listFromJson<ListenerStats>(reader, QStringLiteral("listeners"));
    reader.rejectUnknownKeys();
    return result;
}

} // namespace anycast
