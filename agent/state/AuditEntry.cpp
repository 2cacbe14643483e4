#include "agent/state/AuditEntry.h"

#include "common/JsonReader.h"
#include "common/protocol/UtcTimestamp.h"

#include <limits>

namespace anycast {

QString auditKindName(AuditKind kind)
{
    switch (kind) {
    case AuditKind::Attempt:
        return QStringLiteral("attempt");
    case AuditKind::Outcome:
        return QStringLiteral("outcome");
    case AuditKind::Refused:
        return QStringLiteral("refused");
    case AuditKind::Refusals:
        return QStringLiteral("refusals");
    }
    return {};
}

std::optional<AuditKind> auditKindFromName(QStringView name)
{
    for (const AuditKind kind :
         {AuditKind::Attempt, AuditKind::Outcome, AuditKind::Refused, AuditKind::Refusals}) {
        if (name == auditKindName(kind))
            return kind;
    }
    return std::nullopt;
}

QJsonObject AuditEntry::toJson() const
{
    return {
        {QStringLiteral("id"), jsonUnsigned(id)},
        {QStringLiteral("kind"), auditKindName(kind)},
        {QStringLiteral("attempt"), attempt ? jsonUnsigned(*attempt) : QJsonValue()},
        {QStringLiteral("time"), formatUtcTimestamp(time)},
        {QStringLiteral("who"), who},
        {QStringLiteral("uid"), jsonUnsigned(uid)},
        {QStringLiteral("pid"), QJsonValue(static_cast<double>(pid))},
        {QStringLiteral("action"), action},
        {QStringLiteral("target"), target},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("ticket"), ticket},
        {QStringLiteral("mode"), mode},
        {QStringLiteral("result"), result},
        {QStringLiteral("extra"), extra},
    };
}

AuditEntry AuditEntry::fromJson(JsonReader &reader)
{
    AuditEntry entry;
    entry.id = reader.unsignedInteger(QStringLiteral("id"));
    const QString kindKey = QStringLiteral("kind");
    const QString kind = reader.string(kindKey);
    if (const auto parsed = auditKindFromName(kind))
        entry.kind = *parsed;
    else if (reader.ok())
        reader.fail(kindKey, QStringLiteral("unknown kind \"%1\"").arg(kind));
    if (const auto attempt = reader.nullableUnsigned(QStringLiteral("attempt")))
        entry.attempt = *attempt;
    entry.time = readUtcTimestamp(reader, QStringLiteral("time"));
    entry.who = reader.string(QStringLiteral("who"));
    entry.uid = static_cast<quint32>(
        reader.unsignedInteger(QStringLiteral("uid"), std::numeric_limits<quint32>::max()));
    entry.pid = reader.integer(QStringLiteral("pid"));
    entry.action = reader.string(QStringLiteral("action"));
    entry.target = reader.string(QStringLiteral("target"));
    entry.reason = reader.string(QStringLiteral("reason"));
    entry.ticket = reader.string(QStringLiteral("ticket"));
    entry.mode = reader.string(QStringLiteral("mode"));
    entry.result = reader.string(QStringLiteral("result"));
    entry.extra = reader.object(QStringLiteral("extra"));
    reader.rejectUnknownKeys();
    return entry;
}

} // namespace anycast
