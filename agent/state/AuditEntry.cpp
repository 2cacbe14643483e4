#include "AuditEntry.h"

#include "JsonReader.h"
#include "protocol/UtcTimestamp.h"

namespace anycast {

QJsonObject AuditEntry::toJson() const
{
    return {
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

} // namespace anycast
