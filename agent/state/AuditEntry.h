#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace anycast {

// One audited operator action: who did what to which target, when and why.
struct AuditEntry
{
    QDateTime time; // UTC
    QString who;    // user name of the caller
    quint32 uid = 0;
    qint64 pid = 0;
    QString action; // "drain", "undrain", "force-withdraw", ...
    QString target; // "" = the whole node, else a service name
    QString reason;
    QString ticket; // may be empty
    QString mode;   // "graceful" | "immediate" for drains; may be empty
    QString result; // what the agent did, e.g. "accepted", "refused: fleet guard"
    QJsonObject extra;

    // One flat object; every key is always present so log readers need no special cases.
    QJsonObject toJson() const;
};

} // namespace anycast
