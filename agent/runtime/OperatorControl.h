#pragma once

#include "agent/api/Caller.h"
#include "agent/state/AuditLog.h"
#include "agent/state/DrainStateFile.h"
#include "agent/state/RefusalLimiter.h"
#include "common/protocol/MutationRequest.h"
#include "common/protocol/RpcError.h"

#include <QJsonObject>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <variant>

namespace anycast {

// Operators' drains: who may, what is recorded, and in which order. A drain is acknowledged
// only after its attempt record and the new drain state are both on disk (fsync'd): the
// attempt first, so the log never misses a change that happened; the state second; then an
// outcome record says whether the state write worked, and if it did not, the caller gets
// kNotPersisted with nothing changed. An attempt left without an outcome (the agent died
// between the writes) is reconciled against the state file at the next start.
//
// Refused attempts are audited too, but cheaply (RefusalLimiter, no fsync), so that a caller
// who may only read cannot fill the disk or keep it flushing.
class OperatorControl
{
public:
    using Outcome = std::variant<QJsonObject, RpcError>;

    // The refusals of one caller and action within this long are written once, then counted.
    static constexpr std::chrono::seconds kRefusalWindow{10};

    OperatorControl(QString stateDir, QString operatorsGroup, QStringList services);
    // Writes the summaries of refusals still being counted.
    ~OperatorControl();
    OperatorControl(const OperatorControl &) = delete;
    OperatorControl &operator=(const OperatorControl &) = delete;

    // Reads the drain state file (DrainStateFile's safe choices), finishes the audit log's
    // unfinished attempts against it, and says what it found, for the log. Call once, before
    // the first route decision.
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
                                    const QDateTime &now);
    void auditRefusal(AuditEntry entry);
    void writeRefusalSummaries(const QList<RefusalLimiter::Summary> &summaries);
    void scheduleRefusalSummaries(RefusalLimiter::Clock::time_point steadyNow);
    void writeDueRefusalSummaries();
    QString reconcileAudit(const DrainStateLoad &loaded, const QDateTime &now);
    Outcome persist(AuditEntry entry, const DrainState &next, const QDateTime &now);

    QString m_stateDir;
    QString m_operatorsGroup;
    QStringList m_services;
    DrainState m_state;
    AuditLog m_audit;
    RefusalLimiter m_refusals{kRefusalWindow};
    QTimer m_refusalTimer;
};

} // namespace anycast
