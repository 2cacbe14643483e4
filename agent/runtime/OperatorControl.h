#pragma once

#include "AuditLog.h"
#include "Caller.h"
#include "DrainState.h"
#include "JsonRpcError.h"

#include <QJsonObject>
#include <QStringList>

#include <variant>

namespace anycast {

// What every mutation names: its target, why, and under which ticket.
struct OperatorRequest
{
    QString target; // "" = the whole node
    QString reason;
    QString ticket;
};

struct DrainRequest : OperatorRequest
{
    DrainMode mode = DrainMode::Graceful;
    bool force = false; // withdraw even where the fleet guard would hold the route
};

using UndrainRequest = OperatorRequest;

// Operators' drains: who may, what is recorded, and in which order. A drain is acknowledged
// only after its audit line and the new drain state are both on disk (fsync'd): the audit
// line first, so the log never misses a change that happened; the state second, and if that
// fails a second audit line says so and the caller gets kNotPersisted with nothing changed.
class OperatorControl
{
public:
    using Outcome = std::variant<QJsonObject, RpcError>;

    OperatorControl(QString stateDir, QString operatorsGroup, QStringList services);

    // Reads the drain state file (DrainStateFile's safe choices) and says what it found, for
    // the log. Call once, before the first route decision.
    QString load(const QDateTime &now);

    Outcome drain(const DrainRequest &request, const Caller &caller, const QDateTime &now);
    Outcome undrain(const UndrainRequest &request, const Caller &caller, const QDateTime &now);

    const DrainState &state() const { return m_state; }
    QString statePath() const;
    QString auditPath() const { return m_audit.path(); }
    void setOperatorsGroup(const QString &group) { m_operatorsGroup = group; }

private:
    std::optional<RpcError> refusal(const QString &action, const QString &target,
                                    const Caller &caller, const QString &reason,
                                    const QDateTime &now) const;
    Outcome persist(AuditEntry entry, const DrainState &next, const QDateTime &now);

    QString m_stateDir;
    QString m_operatorsGroup;
    QStringList m_services;
    DrainState m_state;
    AuditLog m_audit;
};

} // namespace anycast
