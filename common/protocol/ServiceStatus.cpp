#include "common/protocol/ServiceStatus.h"

#include "common/JsonList.h"

#include <QJsonArray>

namespace anycast {

QString HealthLabel::name() const
{
    return starting ? QStringLiteral("starting") : healthName(health);
}

HealthLabel HealthLabel::fromName(JsonReader &reader, const QString &key)
{
    const QString name = reader.string(key);
    if (name == QLatin1String("starting"))
        return HealthLabel{};
    if (const auto health = healthFromName(name))
        return HealthLabel{false, *health};
    if (reader.ok()) {
        reader.fail(key, QStringLiteral("expected starting, healthy, degraded or down, not \"%1\"")
                             .arg(name.left(64)));
    }
    return HealthLabel{};
}

QStringList stringListFrom(JsonReader &reader, const QString &key)
{
    const QJsonArray array = reader.array(key);
    QStringList result;
    result.reserve(array.size());
    for (qsizetype i = 0; i < array.size() && reader.ok(); ++i)
        result.append(reader.stringElement(array, i, key));
    return result;
}

QJsonObject ServiceStatus::toJson() const
{
    QJsonObject json{
        {QStringLiteral("name"), name},
        {QStringLiteral("health"), health.name()},
        {QStringLiteral("reasons"), QJsonArray::fromStringList(reasons)},
        {QStringLiteral("pending"), pending},
        {QStringLiteral("since_s"), sinceSeconds},
        {QStringLiteral("routes"), listToJson(routes)},
        {QStringLiteral("established"), jsonUnsigned(established)},
        {QStringLiteral("listeners"), jsonUnsigned(listeners)},
        {QStringLiteral("operator_state"), operatorStateName(operatorState)},
    };
    if (drain)
        json.insert(QStringLiteral("drain"), drain->toJson());
    if (probe) {
        json.insert(QStringLiteral("probe"),
                    QJsonObject{{QStringLiteral("ok"), probe->ok},
                                {QStringLiteral("detail"), probe->detail}});
    }
    return json;
}

ServiceStatus ServiceStatus::fromJson(JsonReader &reader)
{
    ServiceStatus status;
    status.name = reader.string(QStringLiteral("name"));
    status.health = HealthLabel::fromName(reader, QStringLiteral("health"));
    status.reasons = stringListFrom(reader, QStringLiteral("reasons"));
    status.pending = reader.string(QStringLiteral("pending"));
    status.sinceSeconds = reader.number(QStringLiteral("since_s"));
    status.routes = listFromJson<PrefixDecision>(reader, QStringLiteral("routes"));
    status.established = reader.unsignedInteger(QStringLiteral("established"));
    status.listeners = reader.unsignedInteger(QStringLiteral("listeners"));
    status.operatorState = operatorStateFrom(reader, QStringLiteral("operator_state"));
    const QString drainKey = QStringLiteral("drain");
    if (reader.has(drainKey)) {
        JsonReader drain = reader.child(drainKey);
        status.drain = DrainRecord::fromJson(drain);
    }
    const QString probeKey = QStringLiteral("probe");
    if (reader.has(probeKey)) {
        JsonReader probe = reader.child(probeKey);
        status.probe = ProbeStatus{probe.boolean(QStringLiteral("ok")),
                                   probe.string(QStringLiteral("detail"))};
        probe.rejectUnknownKeys();
    }
    reader.rejectUnknownKeys();
    return status;
}

} // namespace anycast
