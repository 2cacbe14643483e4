#include "common/ListenerStats.h"

#include <algorithm>
#include <limits>
#include <tuple>

namespace anycast {

QJsonObject ListenerStats::toJson() const
{
    return {
        {QStringLiteral("address"), address},
        {QStringLiteral("port"), port},
        {QStringLiteral("accept_queue"), jsonUnsigned(acceptQueue)},
        {QStringLiteral("backlog"), backlog ? jsonUnsigned(*backlog) : QJsonValue()},
    };
}

ListenerStats ListenerStats::fromJson(JsonReader &reader)
{
    constexpr quint64 maxU32 = std::numeric_limits<quint32>::max();
    ListenerStats result;
    result.address = reader.string(QStringLiteral("address"));
    result.port = static_cast<quint16>(reader.unsignedInteger(QStringLiteral("port"), 65535));
    result.acceptQueue =
        static_cast<quint32>(reader.unsignedInteger(QStringLiteral("accept_queue"), maxU32));
    if (const auto backlog = reader.nullableUnsigned(QStringLiteral("backlog"), maxU32))
        result.backlog = static_cast<quint32>(*backlog);
    reader.rejectUnknownKeys();
    return result;
}

void sortListeners(QList<ListenerStats> &listeners)
{
    std::sort(listeners.begin(), listeners.end(),
              [](const ListenerStats &a, const ListenerStats &b) {
                  return std::tie(a.port, a.address) < std::tie(b.port, b.address);
              });
}

} // namespace anycast
