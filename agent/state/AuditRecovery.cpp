#include "agent/state/AuditRecovery.h"

#include "common/JsonReader.h"

#include <QSet>

#include <algorithm>

namespace anycast {
namespace {

bool drainApplied(const AuditEntry &attempt, const DrainState &state)
{
    const auto drain = state.find(attempt.target);
    return drain && drainModeName(drain->mode) == attempt.mode && drain->reason == attempt.reason &&
           drain->ticket == attempt.ticket && drain->by == attempt.who &&
           drain->uid == attempt.uid &&
           drain->forceWithdraw == attempt.extra.value(QStringLiteral("force")).toBool();
}

} // namespace

AuditRecovery recoverAudit(const QList<QJsonObject> &records)
{
    AuditRecovery recovery;
    QList<AuditEntry> attempts;
    QSet<quint64> concluded;
    for (const QJsonObject &record : records) {
        const QJsonValue id = record.value(QStringLiteral("id"));
        const qint64 number = id.toInteger(-1);
        if (id.isDouble() && number >= 0)
            recovery.highestId = std::max(recovery.highestId, static_cast<quint64>(number));
        JsonReader reader(record);
        const AuditEntry entry = AuditEntry::fromJson(reader);
        if (!reader.ok())
            continue;
        if (entry.kind == AuditKind::Attempt)
            attempts.append(entry);
        else if (entry.kind == AuditKind::Outcome && entry.attempt)
            concluded.insert(*entry.attempt);
    }
    for (const AuditEntry &attempt : attempts) {
        if (!concluded.contains(attempt.id))
            recovery.unfinished.append(attempt);
    }
    return recovery;
}

QString reconciledResult(const AuditEntry &attempt, const DrainStateLoad &load)
{
    if (load.failed())
        return QStringLiteral("reconciled: unknown: ") + load.message;
    // A missing file is the empty state: nothing drained.
    const DrainState &state = load.state;
    bool applied = false;
    if (attempt.action == QLatin1String("drain"))
        applied = drainApplied(attempt, state);
    else if (attempt.action == QLatin1String("undrain"))
        applied = !state.find(attempt.target).has_value();
    else
        return QStringLiteral("reconciled: unknown: no rule for action \"%1\"")
            .arg(attempt.action.left(64));
    return applied ? QStringLiteral("reconciled: applied")
                   : QStringLiteral("reconciled: not applied");
}

} // namespace anycast
