#include "OperatorControl.h"

#include "DrainStateFile.h"

#include <QDir>
#include <QJsonArray>

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

} // namespace

OperatorControl::OperatorControl(QString stateDir, QString operatorsGroup, QStringList services)
    : m_stateDir(std::move(stateDir))
    , m_operatorsGroup(std::move(operatorsGroup))
    , m_services(std::move(services))
    , m_audit(QDir(m_stateDir).filePath(QStringLiteral("audit.log")))
{}

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
        return QStringLiteral("no drain state at %1: starting active").arg(statePath());
    case DrainStateLoad::Kind::Loaded:
        m_state = loaded.state;
        return QStringLiteral("drain state from %1: %2 drain(s) in force")
            .arg(statePath())
            .arg(m_state.records().size());
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
    return line;
}

std::optional<RpcError> OperatorControl::refusal(const QString &action, const QString &target,
                                                 const Caller &caller, const QString &reason,
                                                 const QDateTime &now) const
{
    if (!caller.mayMutate) {
        AuditEntry entry = entryFor(caller, action, target, reason, {}, now);
        entry.result = QStringLiteral("refused: permission denied");
        (void)m_audit.append(entry); // a refusal is worth a line, but never blocks the answer
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

OperatorControl::Outcome OperatorControl::persist(AuditEntry entry, const DrainState &next,
                                                  const QDateTime &now)
{
    entry.result = QStringLiteral("accepted");
    if (const auto audited = m_audit.append(entry); !audited) {
        return RpcError{
            kNotPersisted,
            QStringLiteral("not done: the audit log could not be written: %1").arg(audited.error()),
            {}};
    }
    if (const auto saved = DrainStateFile::save(statePath(), next); !saved) {
        entry.time = now;
        entry.result = QStringLiteral("failed: ") + saved.error();
        (void)m_audit.append(entry);
        return RpcError{
            kNotPersisted,
            QStringLiteral("not done: the drain state could not be saved: %1").arg(saved.error()),
            {}};
    }
    m_state = next;
    return QJsonObject{{QStringLiteral("target"), entry.target},
                       {QStringLiteral("persisted"), true},
                       {QStringLiteral("audited"), m_audit.path()}};
}

OperatorControl::Outcome OperatorControl::drain(const DrainRequest &request, const Caller &caller,
                                                const QDateTime &now)
{
    if (auto refused =
            refusal(QStringLiteral("drain"), request.target, caller, request.reason, now))
        return *refused;
    DrainRecord record;
    record.target = request.target;
    record.mode = request.mode;
    record.reason = request.reason;
    record.ticket = request.ticket;
    record.by = caller.user;
    record.uid = static_cast<quint32>(caller.uid);
    // A second drain of the same target changes how, not since when.
    const auto previous = m_state.find(request.target);
    record.since = previous ? previous->since : now;
    record.forceWithdraw = request.force;
    DrainState next = m_state;
    next.set(record);
    AuditEntry entry = entryFor(caller, QStringLiteral("drain"), request.target, request.reason,
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
                .arg(targetName(request.target),
                     previous ? QStringLiteral("drain updated") : QStringLiteral("draining"),
                     drainModeName(request.mode)));
    }
    return outcome;
}

OperatorControl::Outcome OperatorControl::undrain(const UndrainRequest &request,
                                                  const Caller &caller, const QDateTime &now)
{
    if (auto refused =
            refusal(QStringLiteral("undrain"), request.target, caller, request.reason, now))
        return *refused;
    if (!m_state.find(request.target)) {
        return QJsonObject{
            {QStringLiteral("target"), request.target},
            {QStringLiteral("persisted"), false},
            {QStringLiteral("message"),
             QStringLiteral("%1: not drained; nothing changed").arg(targetName(request.target))}};
    }
    DrainState next = m_state;
    next.remove(request.target);
    Outcome outcome = persist(entryFor(caller, QStringLiteral("undrain"), request.target,
                                       request.reason, request.ticket, now),
                              next, now);
    if (auto *result = std::get_if<QJsonObject>(&outcome)) {
        QString message = QStringLiteral("%1: undrained; announces again once healthy")
                              .arg(targetName(request.target));
        if (!request.target.isEmpty() && m_state.nodeDrain())
            message += QStringLiteral(" (the node as a whole is still drained)");
        result->insert(QStringLiteral("message"), message);
    }
    return outcome;
}

} // namespace anycast
