#include "common/protocol/MutationReply.h"

namespace anycast {

QJsonObject MutationReply::toJson() const
{
    QJsonObject json{{QStringLiteral("target"), target},
                     {QStringLiteral("persisted"), persisted},
                     {QStringLiteral("message"), message}};
    if (audited)
        json.insert(QStringLiteral("audited"), *audited);
    if (auditAttempt)
        json.insert(QStringLiteral("audit_attempt"), jsonUnsigned(*auditAttempt));
    if (auditWarning)
        json.insert(QStringLiteral("audit_warning"), *auditWarning);
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
    const QString attemptKey = QStringLiteral("audit_attempt");
    if (reader.has(attemptKey))
        reply.auditAttempt = reader.unsignedInteger(attemptKey);
    const QString warningKey = QStringLiteral("audit_warning");
    if (reader.has(warningKey))
        reply.auditWarning = reader.string(warningKey);
    const QString drainKey = QStringLiteral("drain");
    if (reader.has(drainKey)) {
        JsonReader drain = reader.child(drainKey);
        reply.drain = DrainRecord::fromJson(drain);
    }
    reader.rejectUnknownKeys();
    return reply;
}

} // namespace anycast
