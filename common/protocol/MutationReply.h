#pragma once

#include "common/JsonReader.h"
#include "common/protocol/DrainRecord.h"

#include <optional>

namespace anycast {

// The reply to `drain` and `undrain`. `persisted` says the state file changed (an undrain of
// something not drained changes nothing); `audited` names the audit log written and
// `auditAttempt` the id of the attempt record in it; `auditWarning` says the outcome record
// could not be written; `drain` is the record now in force after a drain.
struct MutationReply
{
    QString target; // "" = the whole node
    bool persisted = false;
    std::optional<QString> audited;
    std::optional<quint64> auditAttempt;
    std::optional<QString> auditWarning;
    std::optional<DrainRecord> drain;
    QString message;

    QJsonObject toJson() const;
    static MutationReply fromJson(JsonReader &reader);

    bool operator==(const MutationReply &) const = default;
};

} // namespace anycast
