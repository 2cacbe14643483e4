#pragma once

#include <QString>

#include <chrono>
#include <optional>

namespace anycast {

// "250ms", "2s", "5m", "1h" (an integer and a unit; no spaces). nullopt for anything else.
std::optional<std::chrono::milliseconds> parseDuration(QStringView text);
QString formatDuration(std::chrono::milliseconds duration);

} // namespace anycast
