#include "agent/runtime/AgentApi.h"

#include "agent/runtime/MemoryTuning.h"
#include "common/protocol/ApiVersion.h"
#include "common/protocol/HelloReply.h"
#include "common/protocol/ParamsReader.h"
#include "common/protocol/TextParameter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace anycast {
namespace {

const QStringList kMethods{QStringLiteral("hello"),     QStringLiteral("status"),
                           QStringLiteral("subscribe"), QStringLiteral("history"),
                           QStringLiteral("events"),    QStringLiteral("drain"),
                           QStringLiteral("undrain")};

// service, reason and ticket: the parameters drain and undrain share. The whole node is
// meant only when `service` is left out; an empty, null, blank or padded name is an error.
OperatorRequest readOperatorRequest(ParamsReader &reader)
{
    OperatorRequest request;
    request.service = reader.optionalText(QStringLiteral("service"), kMaxServiceNameLength);
    request.reason = reader.requiredText(QStringLiteral("reason"), kMaxReasonLength);
    request.ticket =
        reader.optionalText(QStringLiteral("ticket"), kMaxTicketLength).value_or(QString());
    return request;
}

ApiMethods::Reply fromOutcome(const OperatorControl::Outcome &outcome)
{
    if (const auto *error = std::get_if<RpcError>(&outcome))
        return *error;
    return QJsonValue(std::get<QJsonObject>(outcome));
}

} // namespace

AgentApi::AgentApi(Sources sources)
    : m_sources(std::move(sources))
{}

ApiMethods::Reply AgentApi::call(const QString &method, const QJsonObject &params,
                                 const Caller &caller)
{
    if (method == QLatin1String("hello"))
        return hello(params, caller);
    if (method == QLatin1String("status"))
        return status(params);
    if (method == QLatin1String("history"))
        return history(params);
    if (method == QLatin1String("events"))
        return events(params);
    if (method == QLatin1String("drain"))
        return drain(params, caller);
    if (method == QLatin1String("undrain"))
        return undrain(params, caller);
    return RpcError{kMethodNotFound,
                    QStringLiteral("unknown method '%1' (known: %2)")
                        .arg(method.left(64), kMethods.join(QStringLiteral(", "))),
                    {}};
}

ApiMethods::Reply AgentApi::hello(const QJsonObject &params, const Caller &caller) const
{
    ParamsReader reader(params);
    (void)reader.optionalString(QStringLiteral("client"), 200); // for the agent's log only
    reader.rejectUnknown();
    if (!reader.ok())
        return reader.error();
    const AgentConfig &config = *m_sources.config;
    HelloReply hello;
    hello.node = config.node;
    hello.region = config.region;
    hello.location = config.location;
    hello.agentVersion = QStringLiteral(ANYCAST_VERSION);
    hello.apiVersion = kApiVersion;
    for (const ServiceConfig &service : config.services) {
        hello.services.append(ServiceInfo{service.name, service.ports, service.prefixes});
        hello.prefixes += service.prefixes;
    }
    hello.prefixes.removeDuplicates();
    hello.caller = caller.info();
    hello.methods = kMethods;
    hello.sampleIntervalMs = static_cast<quint64>(config.sampleInterval.count());
    return QJsonValue(hello.toJson());
}

ApiMethods::Reply AgentApi::status(const QJsonObject &params) const
{
    ParamsReader reader(params);
    reader.rejectUnknown();
    if (!reader.ok())
        return reader.error();
    return QJsonValue(m_sources.status().toJson());
}

ApiMethods::Reply AgentApi::history(const QJsonObject &params) const
{
    const SampleHistory &history = *m_sources.history;
    const qint64 maxSeconds = std::max<qint64>(1, history.span().count() / 1000);
    ParamsReader reader(params);
    const qint64 seconds =
        reader.optionalInteger(QStringLiteral("seconds"), 1, maxSeconds).value_or(maxSeconds);
    reader.rejectUnknown();
    if (!reader.ok())
        return reader.error();
    // Point by point into text: an hour of samples as one QJsonArray would hold about eight
    // times the reply's size in memory at once, and glibc keeps that heap afterwards.
    const QList<SamplePoint> points = history.last(std::chrono::seconds(seconds));
    QByteArray text;
    if (!points.isEmpty()) {
        // Sized from the newest point, so the buffer is not copied while it grows.
        const qsizetype perPoint =
            QJsonDocument(points.last().toJson()).toJson(QJsonDocument::Compact).size() + 1;
        text.reserve(perPoint * points.size() * 11 / 10 + 128);
    }
    text += QByteArrayLiteral("{\"interval_ms\":") +
            QByteArray::number(static_cast<qint64>(m_sources.config->sampleInterval.count())) +
            QByteArrayLiteral(",\"samples\":[");
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (i > 0)
            text += ',';
        text += QJsonDocument(points[i].toJson()).toJson(QJsonDocument::Compact);
    }
    text += QByteArrayLiteral("],\"span_s\":") + QByteArray::number(maxSeconds) + '}';
    releaseFreedMemory(); // the per-point objects, before they settle into the heap
    return SerializedJson{text};
}

ApiMethods::Reply AgentApi::events(const QJsonObject &params) const
{
    ParamsReader reader(params);
    const qint64 after =
        reader.optionalInteger(QStringLiteral("after"), 0, JsonReader::kMaxExactInteger)
            .value_or(0);
    const qint64 limit = reader.optionalInteger(QStringLiteral("limit"), 1, 1000).value_or(100);
    reader.rejectUnknown();
    if (!reader.ok())
        return reader.error();
    QJsonArray events;
    for (const AgentEvent &event : m_sources.events->since(static_cast<quint64>(after), limit))
        events.append(event.toJson());
    return QJsonValue(
        QJsonObject{{QStringLiteral("last_seq"), static_cast<qint64>(m_sources.events->lastSeq())},
                    {QStringLiteral("events"), events}});
}

ApiMethods::Reply AgentApi::drain(const QJsonObject &params, const Caller &caller)
{
    ParamsReader reader(params);
    DrainRequest request;
    static_cast<OperatorRequest &>(request) = readOperatorRequest(reader);
    const QString mode = reader
                             .optionalEnum(QStringLiteral("mode"), {QStringLiteral("graceful"),
                                                                    QStringLiteral("immediate")})
                             .value_or(QStringLiteral("graceful"));
    request.mode = drainModeFromName(mode).value_or(DrainMode::Graceful);
    request.force = reader.optionalBool(QStringLiteral("force")).value_or(false);
    reader.rejectUnknown();
    if (!reader.ok())
        return reader.error();
    const auto outcome = m_sources.control->drain(request, caller, QDateTime::currentDateTimeUtc());
    if (const auto *result = std::get_if<QJsonObject>(&outcome))
        m_sources.changed(QStringLiteral("drain"), request, caller, *result);
    return fromOutcome(outcome);
}

ApiMethods::Reply AgentApi::undrain(const QJsonObject &params, const Caller &caller)
{
    ParamsReader reader(params);
    UndrainRequest request;
    static_cast<OperatorRequest &>(request) = readOperatorRequest(reader);
    reader.rejectUnknown();
    if (!reader.ok())
        return reader.error();
    const auto outcome =
        m_sources.control->undrain(request, caller, QDateTime::currentDateTimeUtc());
    if (const auto *result = std::get_if<QJsonObject>(&outcome)) {
        if (result->value(QStringLiteral("persisted")).toBool())
            m_sources.changed(QStringLiteral("undrain"), request, caller, *result);
    }
    return fromOutcome(outcome);
}

} // namespace anycast
