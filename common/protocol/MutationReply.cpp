#include "protocol/MutationReply.h"

namespace anycast {

QJsonObject MutationReply::toJson() const
{
    QJsonObject json{{QStringLiteral("target"), target},
                     {QStringLiteral("persisted"), persisted},
                     {QStringLiteral("message"), message}};
    if (audited)
        json.insert(QStringLiteral("audited"), *audited);
    if (drain)
        json.insert(QStringLiteral("drain"), drain->toJson());
    return json;
}

MutationReply MutationReply::fromJson(JsonReader &reader)
{
    MutationReply reply;
    reply.target = reader.string(QStringLiteral("target"));
    reply.persisted = reader.boolean(QStringLiteral("persisted"));
    reply.message = reader.string(QStringLiteral("message"));
    const QString auditedKey = QStringLiteral("audited");
    if (reader.has(auditedKey))
        reply.audited = reader.string(auditedKey);
    const QString drainKey = QStringLiteral("drain");
    if (reader.has(drainKey)) {
        JsonReader drain = reader.child(drainKey);
        reply.drain = DrainRecord::fromJson(drain);
    }
    reader.rejectUnknownKeys();
    return reply;
}

} // namespace anycast
