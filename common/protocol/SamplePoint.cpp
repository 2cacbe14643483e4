#include "common/protocol/SamplePoint.h"

#include "common/JsonList.h"
#include "common/protocol/PrefixDecision.h"
#include "common/protocol/UtcTimestamp.h"

#include <QJsonArray>

#include <cmath>

namespace anycast {

QJsonObject ServiceSample::toJson() const
{
    QJsonObject json = stats.toJson();
    json.insert(QStringLiteral("health"), health.name());
    json.insert(QStringLiteral("operator_state"), operatorStateName(operatorState));
    if (probe) {
        json.insert(QStringLiteral("probe"),
                    QJsonObject{{QStringLiteral("ok"), probe->ok},
                                {QStringLiteral("latency_ms"), probe->latencyMs}});
    }
    return json;
}

ServiceSample ServiceSample::fromJson(JsonReader &reader)
{
    ServiceSample sample;
    sample.health = HealthLabel::fromName(reader, QStringLiteral("health"));
    sample.operatorState = operatorStateFrom(reader, QStringLiteral("operator_state"));
    const QString probeKey = QStringLiteral("probe");
    if (reader.has(probeKey)) {
        JsonReader probe = reader.child(probeKey);
        const bool ok = probe.boolean(QStringLiteral("ok"));
        const QString latencyKey = QStringLiteral("latency_ms");
        const double latency = probe.number(latencyKey);
        if (latency < 0 && probe.ok())
            probe.fail(latencyKey, QStringLiteral("expected a non-negative number"));
        probe.rejectUnknownKeys();
        sample.probe = SampleProbe{ok, latency};
    }
    // The socket figures share the object; ServiceSocketStats rejects what neither knows.
    sample.stats = ServiceSocketStats::fromJson(reader);
    return sample;
}

QJsonObject SamplePoint::toJson() const
{
    return {{QStringLiteral("time"), formatUtcTimestamp(time)},
            {QStringLiteral("services"), listToJson(services)}};
}

SamplePoint SamplePoint::fromJson(JsonReader &reader)
{
    SamplePoint point;
    point.time = readUtcTimestamp(reader, QStringLiteral("time"));
    point.services = listFromJson<ServiceSample>(reader, QStringLiteral("services"));
    reader.rejectUnknownKeys();
    return point;
}

HistoryReply HistoryReply::fromJson(JsonReader &reader)
{
    HistoryReply reply;
    reply.intervalMs = reader.unsignedInteger(QStringLiteral("interval_ms"));
    reply.spanSeconds = reader.unsignedInteger(QStringLiteral("span_s"));
    reply.samples = listFromJson<SamplePoint>(reader, QStringLiteral("samples"));
    reader.rejectUnknownKeys();
    return reply;
}

} // namespace anycast
