#include "common/protocol/DrainRecord.h"

#include "common/protocol/UtcTimestamp.h"

#include <limits>

namespace anycast {

QString drainModeName(DrainMode mode)
{
    return mode == DrainMode::Immediate ? QStringLiteral("immediate") : QStringLiteral("graceful");
}

std::optional<DrainMode> drainModeFromName(QStringView name)
{
    if (name == QLatin1String("graceful"))
        return DrainMode::Graceful;
    if (name == QLatin1String("immediate"))
        return DrainMode::Immediate;
    return std::nullopt;
}

QJsonObject DrainRecord::toJson() const
{
    return {
        {QStringLiteral("target"), target},
        {QStringLiteral("mode"), drainModeName(mode)},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("ticket"), ticket},
        {QStringLiteral("by"), by},
        {QStringLiteral("uid"), jsonUnsigned(uid)},
        {QStringLiteral("since"), formatUtcTimestamp(since)},
        {QStringLiteral("force_withdraw"), forceWithdraw},
    };
}

DrainRecord DrainRecord::fromJson(JsonReader &reader)
{
    DrainRecord result;
    result.target = reader.string(QStringLiteral("target"));
    const QString modeKey = QStringLiteral("mode");
    const QString mode = reader.string(modeKey);
    if (const auto parsed = drainModeFromName(mode))
        result.mode = *parsed;
    else if (reader.ok())
        reader.fail(modeKey,
                    QStringLiteral("expected \"graceful\" or \"immediate\", not \"%1\"").arg(mode));
    result.reason = reader.string(QStringLiteral("reason"));
    result.ticket = reader.string(QStringLiteral("ticket"));
    result.by = reader.string(QStringLiteral("by"));
    result.uid = static_cast<quint32>(
        reader.unsignedInteger(QStringLiteral("uid"), std::numeric_limits<quint32>::max()));
    result.since = readUtcTimestamp(reader, QStringLiteral("since"));
    result.forceWithdraw = reader.boolean(QStringLiteral("force_withdraw"));
    reader.rejectUnknownKeys();
    return result;
}

} // namespace anycast
