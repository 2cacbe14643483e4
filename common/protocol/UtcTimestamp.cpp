#include "common/protocol/UtcTimestamp.h"

namespace anycast {

QString formatUtcTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

std::optional<QDateTime> parseUtcTimestamp(const QString &text)
{
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    // Qt also takes offsets, missing milliseconds and missing zones (local time); only the
    // exact spelling we write survives formatting it back.
    if (!time.isValid() || formatUtcTimestamp(time) != text)
        return std::nullopt;
    return time.toUTC();
}

QDateTime readUtcTimestamp(JsonReader &reader, const QString &key)
{
    const QString text = reader.string(key);
    if (const auto parsed = parseUtcTimestamp(text))
        return *parsed;
    if (reader.ok()) {
        reader.fail(key, QStringLiteral("expected a UTC time such as "
                                        "2024-05-01T12:00:00.000Z, not \"%1\"")
                             .arg(text));
    }
    return {};
}

} // namespace anycast
