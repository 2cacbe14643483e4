#include "protocol/UtcTimestamp.h"

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

} // namespace anycast
