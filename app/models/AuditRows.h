#pragma once

#include "app/models/EventLog.h"
#include "common/protocol/DrainRecord.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSet>

#include <chrono>

namespace anycast {

// What became of a drain or undrain as far as the console knows.
enum class AuditState
{
    InForce,  // the node's status still holds this drain
    Replaced, // a later drain of the same target changed its mode, reason or ticket
    Ended,    // the drain is no longer in force (undrained)
    Applied,  // an undrain the agent applied
    Unknown,  // the node's status was never received: whether it holds is not known
};

// One line of the audit view: a drain or undrain the agent reported, or a drain in force
// whose event the console never saw (older than what the agent keeps, or from before the
// console started).
struct AuditRow
{
    QDateTime time; // UTC: the event's time, or since when a drain seen only in status is held
    EventOrigin origin;
    QString action; // "drain" | "undrain"
    QString target; // the service; empty for the whole node
    QString by;
    QString reason;
    QString ticket;
    QString mode; // drains: "graceful" | "immediate"
    bool forced = false;
    QJsonObject result; // the agent's reply to the operator; empty when seen only in status
    QDateTime since;    // drains: since when the target is drained
    AuditState state = AuditState::Unknown;
    bool stale = false; // in force for longer than the threshold

    bool seenOnlyInStatus() const { return result.isEmpty(); }
    bool operator==(const AuditRow &) const = default;
};

// A drain a node's status says is in force.
struct DrainInForce
{
    EventOrigin origin;
    DrainRecord record;
};

// Joins the operator actions of the event log with the drains each node's status holds.
// Pure: `now` and the threshold decide what is stale.
class AuditRows
{
public:
    struct Input
    {
        QList<EventEntry> actions; // drain and undrain events, in time order
        QList<DrainInForce> inForce;
        QSet<QString> reporting; // endpoints whose status the console has
        QDateTime now;           // UTC
        std::chrono::seconds staleAfter{std::chrono::hours(24)};
    };

    // In time order.
    static QList<AuditRow> build(const Input &input);
    // The row a drain or undrain event makes, before its state is known.
    static AuditRow fromEvent(const EventEntry &entry);
};

} // namespace anycast
