#include "app/models/AuditRows.h"

#include "common/protocol/UtcTimestamp.h"

#include <QHash>

#include <algorithm>

namespace anycast {
namespace {

QString key(const QString &endpoint, const QString &target)
{
    return endpoint + QLatin1Char('\n') + target;
}

QString text(const QJsonObject &object, const QString &name)
{
    return object.value(name).toString();
}

bool staleAt(const QDateTime &since, const QDateTime &now, std::chrono::seconds after)
{
    return since.isValid() && since.secsTo(now) >= after.count();
}

} // namespace

AuditRow AuditRows::fromEvent(const EventEntry &entry)
{
    AuditRow row;
    row.time = entry.time;
    row.origin = entry.origin;
    row.action = entry.event.kind;
    row.target = entry.event.service;
    const QJsonObject &data = entry.event.data;
    row.by = text(data, QStringLiteral("by"));
    row.result = data.value(QStringLiteral("result")).toObject();
    const QJsonObject record = row.result.value(QStringLiteral("drain")).toObject();
    // Agents that predate `reason` and `ticket` in the event still name them in a drain's
    // record; an undrain of theirs leaves them empty.
    row.reason = data.contains(QStringLiteral("reason")) ? text(data, QStringLiteral("reason"))
                                                         : text(record, QStringLiteral("reason"));
    row.ticket = data.contains(QStringLiteral("ticket")) ? text(data, QStringLiteral("ticket"))
                                                         : text(record, QStringLiteral("ticket"));
    row.mode = text(record, QStringLiteral("mode"));
    row.forced = record.value(QStringLiteral("force_withdraw")).toBool();
    if (const auto since = parseUtcTimestamp(text(record, QStringLiteral("since"))))
        row.since = *since;
    row.state = row.action == QLatin1String("undrain") ? AuditState::Applied : AuditState::Unknown;
    return row;
}

QList<AuditRow> AuditRows::build(const Input &input)
{
    QList<AuditRow> rows;
    QHash<QString, qsizetype> lastDrain; // endpoint + target -> row of its latest drain
    for (const EventEntry &entry : input.actions) {
        AuditRow row = fromEvent(entry);
        const QString target = key(row.origin.endpoint, row.target);
        if (row.action == QLatin1String("drain")) {
            if (const auto previous = lastDrain.find(target); previous != lastDrain.end())
                rows[*previous].state = AuditState::Replaced;
            lastDrain.insert(target, rows.size());
        } else if (const auto previous = lastDrain.find(target); previous != lastDrain.end()) {
            rows[*previous].state = AuditState::Ended;
            lastDrain.erase(previous);
        }
        rows.append(std::move(row));
    }
    QHash<QString, const DrainInForce *> inForce;
    for (const DrainInForce &drain : input.inForce)
        inForce.insert(key(drain.origin.endpoint, drain.record.target), &drain);
    // The latest drain event of each target: in force while its node's status says so.
    for (auto it = lastDrain.cbegin(); it != lastDrain.cend(); ++it) {
        AuditRow &row = rows[it.value()];
        if (!input.reporting.contains(row.origin.endpoint))
            continue;
        const DrainInForce *held = inForce.value(it.key());
        if (held && (!row.since.isValid() || held->record.since == row.since)) {
            row.state = AuditState::InForce;
            row.since = held->record.since;
            row.stale = staleAt(row.since, input.now, input.staleAfter);
            inForce.remove(it.key());
        } else {
            row.state = AuditState::Ended;
        }
    }
    // Drains held whose events the console never saw.
    for (const DrainInForce &drain : input.inForce) {
        if (!inForce.contains(key(drain.origin.endpoint, drain.record.target)))
            continue;
        AuditRow row;
        row.time = drain.record.since;
        row.origin = drain.origin;
        row.action = QStringLiteral("drain");
        row.target = drain.record.target;
        row.by = drain.record.by;
        row.reason = drain.record.reason;
        row.ticket = drain.record.ticket;
        row.mode = drainModeName(drain.record.mode);
        row.forced = drain.record.forceWithdraw;
        row.since = drain.record.since;
        row.state = AuditState::InForce;
        row.stale = staleAt(row.since, input.now, input.staleAfter);
        rows.append(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const AuditRow &a, const AuditRow &b) { return a.time < b.time; });
    return rows;
}

} // namespace anycast
