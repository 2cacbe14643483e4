#include "common/protocol/HelloReply.h"

#include "common/JsonList.h"
#include "common/ServiceSocketStats.h"
#include "common/protocol/ServiceStatus.h"

#include <QJsonArray>

#include <limits>

namespace anycast {

QJsonObject ServiceInfo::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("ports"), detail::portsToJson(ports)},
            {QStringLiteral("prefixes"), QJsonArray::fromStringList(prefixes)}};
}

ServiceInfo ServiceInfo::fromJson(JsonReader &reader)
{
    ServiceInfo info;
    info.name = reader.string(QStringLiteral("name"));
    info.ports = detail::portsFromJson(reader);
    info.prefixes = stringListFrom(reader, QStringLiteral("prefixes"));
    reader.rejectUnknownKeys();
    return info;
}

QJsonObject CallerInfo::toJson() const
{
    return {{QStringLiteral("uid"), jsonUnsigned(uid)},
            {QStringLiteral("gid"), jsonUnsigned(gid)},
            {QStringLiteral("pid"), jsonUnsigned(pid)},
            {QStringLiteral("user"), user},
            {QStringLiteral("groups"), QJsonArray::fromStringList(groups)},
            {QStringLiteral("rights"), QJsonArray::fromStringList(rights)}};
}

CallerInfo CallerInfo::fromJson(JsonReader &reader)
{
    constexpr quint64 kMaxId = std::numeric_limits<quint32>::max();
    CallerInfo caller;
    caller.uid = reader.unsignedInteger(QStringLiteral("uid"), kMaxId);
    caller.gid = reader.unsignedInteger(QStringLiteral("gid"), kMaxId);
    caller.pid = reader.unsignedInteger(QStringLiteral("pid"), kMaxId);
    caller.user = reader.string(QStringLiteral("user"));
    caller.groups = stringListFrom(reader, QStringLiteral("groups"));
    caller.rights = stringListFrom(reader, QStringLiteral("rights"));
    reader.rejectUnknownKeys();
    return caller;
}

QJsonObject HelloReply::toJson() const
{
    return {{QStringLiteral("node"), node},
            {QStringLiteral("region"), region},
            {QStringLiteral("location"), locationToJson(location)},
            {QStringLiteral("versions"), QJsonObject{{QStringLiteral("agent"), agentVersion},
                                                     {QStringLiteral("api"), apiVersion}}},
            {QStringLiteral("services"), listToJson(services)},
            {QStringLiteral("prefixes"), QJsonArray::fromStringList(prefixes)},
            {QStringLiteral("caller"), caller.toJson()},
            // Also at the top level, where the first clients looked for it.
            {QStringLiteral("rights"), QJsonArray::fromStringList(caller.rights)},
            {QStringLiteral("methods"), QJsonArray::fromStringList(methods)},
            {QStringLiteral("sample_interval_ms"), jsonUnsigned(sampleIntervalMs)}};
}

HelloReply HelloReply::fromJson(JsonReader &reader)
{
    HelloReply hello;
    hello.node = reader.string(QStringLiteral("node"));
    hello.region = reader.string(QStringLiteral("region"));
    hello.location = locationFromJson(reader, QStringLiteral("location"));
    JsonReader versions = reader.child(QStringLiteral("versions"));
    hello.agentVersion = versions.string(QStringLiteral("agent"));
    hello.apiVersion = static_cast<int>(versions.unsignedInteger(QStringLiteral("api"), 1 << 20));
    versions.rejectUnknownKeys();
    hello.services = listFromJson<ServiceInfo>(reader, QStringLiteral("services"));
    hello.prefixes = stringListFrom(reader, QStringLiteral("prefixes"));
    JsonReader caller = reader.child(QStringLiteral("caller"));
    hello.caller = CallerInfo::fromJson(caller);
    const QString rightsKey = QStringLiteral("rights");
    if (stringListFrom(reader, rightsKey) != hello.caller.rights && reader.ok())
        reader.fail(rightsKey, QStringLiteral("differs from caller.rights"));
    hello.methods = stringListFrom(reader, QStringLiteral("methods"));
    hello.sampleIntervalMs = reader.unsignedInteger(QStringLiteral("sample_interval_ms"));
    reader.rejectUnknownKeys();
    return hello;
}

std::optional<int> HelloReply::apiVersionOf(const QJsonObject &result)
{
    const QJsonValue api =
        result.value(QStringLiteral("versions")).toObject().value(QStringLiteral("api"));
    const qint64 version = api.toInteger(-1);
    if (version < 0 || version > (1 << 20))
        return std::nullopt;
    return static_cast<int>(version);
}

} // namespace anycast
