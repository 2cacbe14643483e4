#include "common/protocol/GeoLocation.h"

#include <QJsonArray>

#include <cmath>

namespace anycast {

QJsonValue locationToJson(const std::optional<GeoLocation> &location)
{
    if (!location)
        return QJsonValue(QJsonValue::Null);
    return QJsonArray{location->latitude, location->longitude};
}

std::optional<GeoLocation> locationFromJson(JsonReader &reader, const QString &key)
{
    // null is a valid "unknown"; anything else must be a pair of finite degrees.
    const std::optional<QJsonArray> degrees = reader.nullableArray(key);
    if (!degrees)
        return std::nullopt;
    const QJsonArray &pair = *degrees;
    const auto inRange = [](const QJsonValue &value, double limit) {
        return value.isDouble() && std::isfinite(value.toDouble()) &&
               std::fabs(value.toDouble()) <= limit;
    };
    if (pair.size() != 2 || !inRange(pair.at(0), 90) || !inRange(pair.at(1), 180)) {
        reader.fail(key, QStringLiteral("expected [latitude, longitude] in degrees or null"));
        return std::nullopt;
    }
    return GeoLocation{pair.at(0).toDouble(), pair.at(1).toDouble()};
}

} // namespace anycast
