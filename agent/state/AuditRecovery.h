#pragma once

#include "agent/state/AuditEntry.h"
#include "agent/state/DrainStateFile.h"

#include <QJsonObject>
#include <QList>

namespace anycast {

// What start-up makes of the audit log's last records. An attempt is written before the
// drain state and its outcome after it, so a crash or kill between the two leaves an attempt
// without an outcome; the state file then tells whether it took effect.
struct AuditRecovery
{
    quint64 highestId = 0;        // ids continue after it
    QList<AuditEntry> unfinished; // attempts with no outcome, oldest first
};

// Records that are not of the current format (no `kind`, a future field) count only for
// their id.
AuditRecovery recoverAudit(const QList<QJsonObject> &records);

// The outcome record's result for an unfinished attempt, judged by the drain state found at
// start: "reconciled: applied" when the state holds what the attempt asked for (a drain with
// its target, mode, reason, ticket, operator and force; an undrain's target gone),
// "reconciled: not applied" when it does not, "reconciled: unknown: <why>" when the state
// could not be read.
QString reconciledResult(const AuditEntry &attempt, const DrainStateLoad &load);

} // namespace anycast
