#pragma once

#include "common/HealthStates.h"
#include "common/JsonReader.h"
#include "common/protocol/DrainRecord.h"

#include <QList>

namespace anycast {

// The `operator` part of `status`: the node's operator state and every drain in force.
struct OperatorStatus
{
    OperatorState nodeState = OperatorState::Active;
    QList<DrainRecord> drains;
    QString stateFile;
    QString auditLog;
    quint64 apiClients = 0;

    QJsonObject toJson() const;
    static OperatorStatus fromJson(JsonReader &reader);

    bool operator==(const OperatorStatus &) const = default;
};

} // namespace anycast
