#pragma once

#include "common/JsonReader.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace anycast {

// The one time format of the state file and the audit log: ISO-8601, UTC, milliseconds,
// "2024-05-01T12:00:00.000Z". A single spelling keeps files diffable and lets readers reject
// anything else instead of guessing at time zones.
QString formatUtcTimestamp(const QDateTime &time);
std::optional<QDateTime> parseUtcTimestamp(const QString &text);
// The string at `key`, parsed; anything else fails the reader, naming the key.
QDateTime readUtcTimestamp(JsonReader &reader, const QString &key);

} // namespace anycast
