#pragma once

#include "common/JsonReader.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace anycast {

enum class DrainMode
{
    Graceful,  // announce with GRACEFUL_SHUTDOWN and prepends, withdraw once bled off
    Immediate, // withdraw now
};

QString drainModeName(DrainMode mode); // "graceful" | "immediate"
std::optional<DrainMode> drainModeFromName(QStringView name);

// One operator drain, of the whole node or of one service.
struct DrainRecord
{
    QString target; // "" = the whole node, else a service name
    DrainMode mode = DrainMode::Graceful;
    QString reason;
    QString ticket; // may be empty
    QString by;     // user name of the operator
    quint32 uid = 0;
    QDateTime since;            // UTC
    bool forceWithdraw = false; // the operator overrode the fleet guard (min_announcing)

    bool isNodeDrain() const { return target.isEmpty(); }

    QJsonObject toJson() const;
    static DrainRecord fromJson(JsonReader &reader);

    bool operator==(const DrainRecord &) const = default;
};

} // namespace anycast
