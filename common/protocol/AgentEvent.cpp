#include "common/protocol/AgentEvent.h"

#include "common/JsonList.h"
#include "common/protocol/UtcTimestamp.h"

namespace anycast {

const QStringList &AgentEvent::kinds()
{
    static const QStringList names{QStringLiteral("health"),  QStringLiteral("route"),
                                   QStringLiteral("probe"),   QStringLiteral("drain"),
                                   QStringLiteral("undrain"), QStringLiteral("bgp"),
                                   QStringLiteral("fleet"),   QStringLiteral("config")};
    return names;
}

std::optional<PrefixDecision> AgentEvent::route() const
{
    if (kind != QLatin1String("route"))
        return std::nullopt;
    JsonReader reader(data, QStringLiteral("data"));
    PrefixDecision decision = PrefixDecision::fromJson(reader);
    if (!reader.ok())
        return std::nullopt;
    return decision;
}

QJsonObject AgentEvent::toJson() const
{
    QJsonObject object{
        {QStringLiteral("seq"), jsonUnsigned(seq)},
        {QStringLiteral("time"), formatUtcTimestamp(time)},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("service"), service},
        {QStringLiteral("message"), message},
    };
    if (!data.isEmpty())
        object.insert(QStringLiteral("data"), data);
    return object;
}

AgentEvent AgentEvent::fromJson(JsonReader &reader)
{
    AgentEvent event;
    event.seq = reader.unsignedInteger(QStringLiteral("seq"));
    event.time = readUtcTimestamp(reader, QStringLiteral("time"));
    const QString kindKey = QStringLiteral("kind");
    event.kind = reader.string(kindKey);
    if (!kinds().contains(event.kind) && reader.ok())
        reader.fail(kindKey, QStringLiteral("unknown event kind \"%1\"").arg(event.kind.left(64)));
    event.service = reader.string(QStringLiteral("service"));
    event.message = reader.string(QStringLiteral("message"));
    const QString dataKey = QStringLiteral("data");
    if (reader.has(dataKey))
        event.data = reader.object(dataKey);
    reader.rejectUnknownKeys();
    return event;
}

EventsReply EventsReply::fromJson(JsonReader &reader)
{
    EventsReply reply;
    reply.lastSeq = reader.unsignedInteger(QStringLiteral("last_seq"));
    reply.events = listFromJson<AgentEvent>(reader, QStringLiteral("events"));
    reader.rejectUnknownKeys();
    return reply;
}

} // namespace anycast
