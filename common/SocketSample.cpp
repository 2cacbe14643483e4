#include "common/SocketSample.h"

#include "common/JsonList.h"

namespace anycast {
namespace {

template <typename Sample>
std::optional<Sample> parseStrictly(const QJsonObject &json, QString *error)
{
    JsonReader reader(json);
    Sample sample = Sample::fromJson(reader);
    if (!reader.ok()) {
        if (error)
            *error = reader.error();
        return std::nullopt;
    }
    return sample;
}

} // namespace

QJsonObject SocketSample::toJson() const
{
    return {
        {QStringLiteral("timestamp_ms"), QJsonValue(static_cast<double>(timestampMs))},
        {QStringLiteral("source"), source},
        {QStringLiteral("duration_us"), jsonUnsigned(durationUs)},
        {QStringLiteral("services"), listToJson(services)},
        {QStringLiteral("connections"), listToJson(connections)},
        {QStringLiteral("other_sockets"), otherSockets.toJson()},
        {QStringLiteral("host"), host.toJson()},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
    };
}

SocketSample SocketSample::fromJson(JsonReader &reader)
{
    SocketSample result;
    result.timestampMs = reader.integer(QStringLiteral("timestamp_ms"));
    result.source = reader.string(QStringLiteral("source"));
    result.durationUs = reader.unsignedInteger(QStringLiteral("duration_us"));
    result.services = listFromJson<ServiceSocketStats>(reader, QStringLiteral("services"));
    result.connections = listFromJson<ConnectionActivity>(reader, QStringLiteral("connections"));
    JsonReader other = reader.child(QStringLiteral("other_sockets"));
    result.otherSockets = TcpStateCounts::fromJson(other);
    JsonReader host = reader.child(QStringLiteral("host"));
    result.host = HostCounters::fromJson(host);
    const QString warningsKey = QStringLiteral("warnings");
    const QJsonArray warnings = reader.array(warningsKey);
    for (qsizetype i = 0; i < warnings.size(); ++i)
        result.warnings.append(reader.stringElement(warnings, i, warningsKey));
    reader.rejectUnknownKeys();
    return result;
}

std::optional<SocketSample> SocketSample::parse(const QJsonObject &json, QString *error)
{
    return parseStrictly<SocketSample>(json, error);
}

QJsonObject ListenerSample::toJson() const
{
    return {
        {QStringLiteral("timestamp_ms"), QJsonValue(static_cast<double>(timestampMs))},
        {QStringLiteral("source"), source},
        {QStringLiteral("duration_us"), jsonUnsigned(durationUs)},
        {QStringLiteral("services"), listToJson(services)},
    };
}

ListenerSample ListenerSample::fromJson(JsonReader &reader)
{
    ListenerSample result;
    result.timestampMs = reader.integer(QStringLiteral("timestamp_ms"));
    result.source = reader.string(QStringLiteral("source"));
    result.durationUs = reader.unsignedInteger(QStringLiteral("duration_us"));
    result.services = listFromJson<ServiceListeners>(reader, QStringLiteral("services"));
    reader.rejectUnknownKeys();
    return result;
}

std::optional<ListenerSample> ListenerSample::parse(const QJsonObject &json, QString *error)
{
    return parseStrictly<ListenerSample>(json, error);
}

} // namespace anycast
