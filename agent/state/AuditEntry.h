#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace anycast {

class JsonReader;

// What an audit record is (docs/API.md, "The audit log").
enum class AuditKind
{
    Attempt,  // a mutation about to be made: rights, parameters and target were checked
    Outcome,  // what became of an attempt (`attempt` names it): applied, failed, reconciled
    Refused,  // an attempt refused before anything was tried (e.g. permission denied)
    Refusals, // how many more refusals of one caller and action a window held
};

QString auditKindName(AuditKind kind); // "attempt" | "outcome" | "refused" | "refusals"
std::optional<AuditKind> auditKindFromName(QStringView name);

// One audit record: who did what to which target, when and why, and what came of it.
struct AuditEntry
{
    quint64 id = 0; // set by AuditLog::append: increasing within the file
    AuditKind kind = AuditKind::Attempt;
    std::optional<quint64> attempt; // for an outcome: the id of the attempt it concludes
    QDateTime time;                 // UTC
    QString who;                    // user name of the caller
    quint32 uid = 0;
    qint64 pid = 0;
    QString action; // "drain", "undrain"
    QString target; // "" = the whole node, else a service name
    QString reason;
    QString ticket; // may be empty
    QString mode;   // "graceful" | "immediate" for drains; may be empty
    QString result; // "pending", "applied", "failed: ...", "refused: ...", "reconciled: ..."
    QJsonObject extra;

    // One flat object; every key is always present (`attempt` is null but for outcomes) so
    // log readers need no special cases.
    QJsonObject toJson() const;
    // Strict: every key of toJson() with its type, nothing else.
    static AuditEntry fromJson(JsonReader &reader);
};

} // namespace anycast
