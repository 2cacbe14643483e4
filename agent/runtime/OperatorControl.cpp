#include "agent/runtime/OperatorControl.h"

#include "agent/state/AuditRecovery.h"
#include "common/protocol/UtcTimestamp.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>

namespace anycast {
namespace {

QString targetName(const QString &target)
{
    return target.isEmpty() ? QStringLiteral("the node") : QStringLiteral("service ") + target;
}

AuditEntry entryFor(const Caller &caller, const QString &action, const QString &target,
                    const QString &reason, const QString &ticket, const QDateTime &now)
{
    AuditEntry entry;
    entry.time = now;
    entry.who = caller.user;
    entry.uid = static_cast<quint32>(caller.uid);
    entry.pid = caller.pid;
    entry.action = action;
    entry.target = target;
    entry.reason = reason;
    entry.ticket = ticket;
    return entry;
}

// Start-up reads this much of the log's end: far more than the records since the last
// outcome, and a bound on the time a large log costs the start.
constexpr qint64 kRecoveryBytes = 1024 * 1024;

const QString kRefusedResult = QStringLiteral("refused: permission denied");

} // namespace

OperatorControl::OperatorControl(QString stateDir, QString operatorsGroup, QStringList services)
    : m_stateDir(std::move(stateDir))
    , m_operatorsGroup(std::move(operatorsGroup))
    , m_services(std::move(services))
    , m_audit(QDir(m_stateDir).filePath(QStringLiteral("audit.log")))
{
    m_refusalTimer.setSingleShot(true);
    m_refusalTimer.callOnTimeout([this] { writeDueRefusalSummaries(); });
}

OperatorControl::~OperatorControl()
{
    writeRefusalSummaries(m_refusals.takeAll());
}

QString OperatorControl::statePath() const
{
    return QDir(m_stateDir).filePath(QStringLiteral("drain-state.json"));
}

QString OperatorControl::load(const QDateTime &now)
{
    const DrainStateLoad loaded = DrainStateFile::load(statePath());
    switch (loaded.kind) {
    case DrainStateLoad::Kind::Missing:
        m_state = {};
        return QStringLiteral("no drain state at %1: starting active").arg(statePath()) +
               reconcileAudit(loaded, now);
    case DrainStateLoad::Kind::Loaded:
        m_state = loaded.state;
        return QStringLiteral("drain state from %1: %2 drain(s) in force")
                   .arg(statePath())
                   .arg(m_state.records().size()) +
               reconcileAudit(loaded, now);
    case DrainStateLoad::Kind::Unreadable:
    case DrainStateLoad::Kind::Corrupt:
        break;
    }
    m_state = DrainStateFile::failSafeState(loaded, now);
    QString line = QStringLiteral("drain state unusable (%1): the whole node stays drained until "
                                  "an operator undrains it")
                       .arg(loaded.message);
    if (loaded.kind == DrainStateLoad::Kind::Corrupt) {
        const auto moved = DrainStateFile::quarantine(statePath());
        line += moved
                    ? QStringLiteral("; the bad file is kept as %1").arg(moved.value())
                    : QStringLiteral("; could not move the bad file aside: %1").arg(moved.error());
    }
    return line + reconcileAudit(loaded, now);
}

QString OperatorControl::reconcileAudit(const DrainStateLoad &loaded, const QDateTime &now)
{
    const auto tail = AuditLog::readTail(m_audit.path(), kRecoveryBytes);
    if (!tail) {
        if (!QFileInfo::exists(m_audit.path()) && !QFileInfo(m_audit.path()).isSymLink())
            return {}; // no log yet
        return QStringLiteral("; audit log: %1").arg(tail.error());
    }
    QString notes;
    if (!tail->skippedLines.isEmpty()) {
        notes += QStringLiteral("; audit log: %1 unreadable line(s) near its end skipped")
                     .arg(tail->skippedLines.size());
    }
    const AuditRecovery recovery = recoverAudit(tail->records);
    m_audit.continueAfter(recovery.highestId);
    for (const AuditEntry &attempt : recovery.unfinished) {
        AuditEntry outcome = attempt;
        outcome.kind = AuditKind::Outcome;
        outcome.attempt = attempt.id;
        outcome.time = now;
        outcome.result = reconciledResult(attempt, loaded);
        const auto written = m_audit.append(outcome);
        notes += QStringLiteral("; audit log: attempt %1 (%2 of %3 by %4) %5%6")
                     .arg(attempt.id)
                     .arg(attempt.action, targetName(attempt.target), attempt.who, outcome.result,
                          written ? QString()
                                  : QStringLiteral(", but not recorded: ") + written.error());
    }
    return notes;
}

std::optional<RpcError> OperatorControl::refusal(const QString &action, const QString &target,
                                                 const Caller &caller, const QString &reason,
                                                 const QDateTime &now)
{
    if (!caller.mayMutate) {
        AuditEntry entry = entryFor(caller, action, target, reason, {}, now);
        entry.kind = AuditKind::Refused;
        entry.result = kRefusedResult;
        auditRefusal(entry);
        return RpcError{kPermissionDenied,
                        QStringLiteral("permission denied: user %1 (uid %2) may read but not %3: "
                                       "only root and members of group '%4' may drain or "
                                       "undrain")
                            .arg(caller.user)
                            .arg(caller.uid)
                            .arg(action, m_operatorsGroup),
                        QJsonObject{{QStringLiteral("required_group"), m_operatorsGroup}}};
    }
    if (!target.isEmpty() && !m_services.contains(target)) {
        return RpcError{
            kUnknownService, QStringLiteral("no service named '%1' on this node").arg(target),
            QJsonObject{{QStringLiteral("services"), QJsonArray::fromStringList(m_services)}}};
    }
    return std::nullopt;
}

void OperatorControl::auditRefusal(AuditEntry entry)
{
    const auto steadyNow = RefusalLimiter::Clock::now();
    if (m_refusals.admit(entry.uid, entry.who, entry.action, steadyNow, entry.time)) {
        // A refusal is worth a record, but never blocks the answer nor costs a disk flush.
        (void)m_audit.append(entry, AuditLog::Sync::Lazy);
        return;
    }
    if (!m_refusalTimer.isActive())
        scheduleRefusalSummaries(steadyNow);
}

void OperatorControl::scheduleRefusalSummaries(RefusalLimiter::Clock::time_point steadyNow)
{
    if (const auto due = m_refusals.nextDue()) {
        using std::chrono::milliseconds;
        m_refusalTimer.start(
            std::max(std::chrono::ceil<milliseconds>(*due - steadyNow), milliseconds(0)));
    }
}

void OperatorControl::writeDueRefusalSummaries()
{
    const auto steadyNow = RefusalLimiter::Clock::now();
    writeRefusalSummaries(m_refusals.takeDue(steadyNow));
    scheduleRefusalSummaries(steadyNow);
}

void OperatorControl::writeRefusalSummaries(const QList<RefusalLimiter::Summary> &summaries)
{
    for (const RefusalLimiter::Summary &summary : summaries) {
        AuditEntry entry;
        entry.kind = AuditKind::Refusals;
        entry.time = QDateTime::currentDateTimeUtc();
        entry.who = summary.who;
        entry.uid = summary.uid;
        entry.action = summary.action;
        entry.result = kRefusedResult;
        entry.extra = {{QStringLiteral("count"), static_cast<qint64>(summary.count)},
                       {QStringLiteral("first"), formatUtcTimestamp(summary.first)},
                       {QStringLiteral("last"), formatUtcTimestamp(summary.last)}};
        (void)m_audit.append(entry, AuditLog::Sync::Lazy);
    }
}

OperatorControl::Outcome OperatorControl::persist(AuditEntry entry, const DrainState &next,
                                                  const QDateTime &now)
{
    entry.kind = AuditKind::Attempt;
    entry.result = QStringLiteral("pending");
    const auto attempt = m_audit.append(entry);
    if (!attempt) {
        return RpcError{
            kNotPersisted,
            QStringLiteral("not done: the audit log could not be written: %1").arg(attempt.error()),
            {}};
    }
    AuditEntry outcome = entry;
    outcome.kind = AuditKind::Outcome;
    outcome.attempt = attempt.value();
    outcome.time = now;
    if (const auto saved = DrainStateFile::save(statePath(), next); !saved) {
        outcome.result = QStringLiteral("failed: ") + saved.error();
        (void)m_audit.append(outcome);
        return RpcError{
            kNotPersisted,
            QStringLiteral("not done: the drain state could not be saved: %1").arg(saved.error()),
            {}};
    }
    m_state = next;
    outcome.result = QStringLiteral("applied");
    QJsonObject result{{QStringLiteral("target"), entry.target},
                       {QStringLiteral("persisted"), true},
                       {QStringLiteral("audited"), m_audit.path()},
                       {QStringLiteral("audit_attempt"), static_cast<qint64>(attempt.value())}};
    // The change is on disk and in force either way; the attempt record already names it, and
    // the next start reconciles it if its outcome is missing.
    if (const auto concluded = m_audit.append(outcome); !concluded)
        result.insert(QStringLiteral("audit_warning"), concluded.error());
    return result;
}

OperatorControl::Outcome OperatorControl::drain(const DrainRequest &request, const Caller &caller,
                                                const QDateTime &now)
{
    if (auto refused =
            refusal(QStringLiteral("drain"), request.target(), caller, request.reason, now))
        return *refused;
    DrainRecord record;
    record.target = request.target();
    record.mode = request.mode;
    record.reason = request.reason;
    record.ticket = request.ticket;
    record.by = caller.user;
    record.uid = static_cast<quint32>(caller.uid);
    // A second drain of the same target changes how, not since when.
    const auto previous = m_state.find(request.target());
    record.since = previous ? previous->since : now;
    record.forceWithdraw = request.force;
    DrainState next = m_state;
    next.set(record);
    AuditEntry entry = entryFor(caller, QStringLiteral("drain"), request.target(), request.reason,
                                request.ticket, now);
    entry.mode = drainModeName(request.mode);
    if (request.force)
        entry.extra.insert(QStringLiteral("force"), true);
    Outcome outcome = persist(entry, next, now);
    if (auto *result = std::get_if<QJsonObject>(&outcome)) {
        result->insert(QStringLiteral("drain"), record.toJson());
        result->insert(
            QStringLiteral("message"),
            QStringLiteral("%1: %2 (%3)")
                .arg(targetName(request.target()),
                     previous ? QStringLiteral("drain updated") : QStringLiteral("draining"),
                     drainModeName(request.mode)));
    }
    return outcome;
}

OperatorControl::Outcome OperatorControl::undrain(const UndrainRequest &request,
                                                  const Caller &caller, const QDateTime &now)
{
    if (auto refused =
            refusal(QStringLiteral("undrain"), request.target(), caller, request.reason, now))
        return *refused;
    if (!m_state.find(request.target())) {
        return QJsonObject{
            {QStringLiteral("target"), request.target()},
            {QStringLiteral("persisted"), false},
            {QStringLiteral("message"),
             QStringLiteral("%1: not drained; nothing changed").arg(targetName(request.target()))}};
    }
    DrainState next = m_state;
    next.remove(request.target());
    Outcome outcome = persist(entryFor(caller, QStringLiteral("undrain"), request.target(),
                                       request.reason, request.ticket, now),
                              next, now);
    if (auto *result = std::get_if<QJsonObject>(&outcome)) {
        QString message = QStringLiteral("%1: undrained; announces again once healthy")
                              .arg(targetName(request.target()));
        if (!request.target().isEmpty() && m_state.nodeDrain())
            message += QStringLiteral(" (the node as a whole is still drained)");
        result->insert(QStringLiteral("message"), message);
    }
    return outcome;
}

} // namespace anycast
