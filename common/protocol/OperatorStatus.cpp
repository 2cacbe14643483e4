#include "common/protocol/OperatorStatus.h"

#include "common/JsonList.h"
#include "common/protocol/PrefixDecision.h"

namespace anycast {

QJsonObject OperatorStatus::toJson() const
{
    return {{QStringLiteral("node_state"), operatorStateName(nodeState)},
            {QStringLiteral("drains"), listToJson(drains)},
            {QStringLiteral("state_file"), stateFile},
            {QStringLiteral("audit_log"), auditLog},
            {QStringLiteral("api_clients"), jsonUnsigned(apiClients)}};
}

OperatorStatus OperatorStatus::fromJson(JsonReader &reader)
{
    OperatorStatus status;
    status.nodeState = operatorStateFrom(reader, QStringLiteral("node_state"));
    status.drains = listFromJson<DrainRecord>(reader, QStringLiteral("drains"));
    status.stateFile = reader.string(QStringLiteral("state_file"));
    status.auditLog = reader.string(QStringLiteral("audit_log"));
    status.apiClients = reader.unsignedInteger(QStringLiteral("api_clients"));
    reader.rejectUnknownKeys();
    return status;
}

} // namespace anycast
