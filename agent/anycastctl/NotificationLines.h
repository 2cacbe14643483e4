#pragma once

#include "common/protocol/AgentEvent.h"
#include "common/protocol/SamplePoint.h"

#include <QString>

namespace anycast {

// One line per `sample` notification: the time, then per service its health, established
// connections and accept queue (the numbers that move first when a service degrades).
QString sampleLine(const SamplePoint &sample);

// One line per `event` notification: time, kind, service, message (cut to `width`).
QString eventLine(const AgentEvent &event, int width);

// The `events` result as a table, oldest first.
QString eventsTable(const EventsReply &events, int width);

} // namespace anycast
