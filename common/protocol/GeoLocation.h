#pragma once

#include "common/JsonReader.h"

#include <QJsonValue>

#include <optional>

namespace anycast {

// Where a node is, for the console's map: `[lat, lon]` in degrees, or null when unknown.
struct GeoLocation
{
    double latitude = 0;
    double longitude = 0;

    bool operator==(const GeoLocation &) const = default;
};

QJsonValue locationToJson(const std::optional<GeoLocation> &location);
// Reads `key` as [lat, lon] (latitude -90..90, longitude -180..180) or null.
std::optional<GeoLocation> locationFromJson(JsonReader &reader, const QString &key);

} // namespace anycast
