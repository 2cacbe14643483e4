#include "common/config/Duration.h"

#include <limits>

namespace anycast {

std::optional<std::chrono::milliseconds> parseDuration(QStringView text)
{
    qsizetype digits = 0;
    while (digits < text.size() && text[digits].isDigit())
        ++digits;
    if (digits == 0 || digits > 12)
        return std::nullopt;
    const qint64 value = text.left(digits).toLongLong();
    const QStringView unit = text.mid(digits);
    qint64 scale = 0;
    if (unit == u"ms")
        scale = 1;
    else if (unit == u"s")
        scale = 1000;
    else if (unit == u"m")
        scale = 60 * 1000;
    else if (unit == u"h")
        scale = 3600 * 1000;
    else
        return std::nullopt;
    return std::chrono::milliseconds(value * scale);
}

QString formatDuration(std::chrono::milliseconds duration)
{
    const qint64 ms = duration.count();
    if (ms % (3600 * 1000) == 0 && ms != 0)
        return QStringLiteral("%1h").arg(ms / (3600 * 1000));
    if (ms % (60 * 1000) == 0 && ms != 0)
        return QStringLiteral("%1m").arg(ms / (60 * 1000));
    if (ms % 1000 == 0 && ms != 0)
        return QStringLiteral("%1s").arg(ms / 1000);
    return QStringLiteral("%1ms").arg(ms);
}

} // namespace anycast
