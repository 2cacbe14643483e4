#pragma once

#include <QJsonObject>
#include <QString>

namespace anycast {

// One line per `sample` notification: the time, then per service its health, established
// connections and accept queue (the numbers that move first when a service degrades).
QString sampleLine(const QJsonObject &sample);

// One line per `event` notification: time, kind, service, message (cut to `width`).
QString eventLine(const QJsonObject &event, int width);

// The `events` result as a table, oldest first.
QString eventsTable(const QJsonObject &events, int width);

} // namespace anycast
