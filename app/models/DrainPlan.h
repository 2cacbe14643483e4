#pragma once

#include "app/models/FleetState.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace anycast {

enum class DrainAction
{
    Drain,
    Undrain,
};

// What an operator points at: one node (no service) or one service on it. There is no "all":
// an empty endpoint or an empty service name is refused, never widened.
struct DrainTarget
{
    QString endpoint;
    std::optional<QString> service;

    bool operator==(const DrainTarget &) const = default;
};

// Announcing nodes of one prefix in one region, now and once the action took effect.
struct RegionAvailability
{
    QString region;
    int before = 0;
    int after = 0;
    int unknown = 0; // holders that cannot be asked: neither counted nor ruled out

    bool operator==(const RegionAvailability &) const = default;
};

struct PrefixAvailability
{
    QString prefix;
    int before = 0;
    int after = 0;
    int unknown = 0;
    QList<RegionAvailability> regions; // every region that serves the prefix, sorted

    bool operator==(const PrefixAvailability &) const = default;
};

enum class DrainRiskKind
{
    LastInRegion,       // the region would have no announcer of the prefix left
    LastInFleet,        // nobody would announce the prefix
    BelowMinAnnouncing, // fewer than the fleet's floor would announce
    DrainInFlight,      // agents report another drain still bleeding in this region
    UnknownHolders,     // some holders cannot be asked: the counts are a best case
};

struct DrainRisk
{
    DrainRiskKind kind = DrainRiskKind::LastInRegion;
    QString prefix; // empty for DrainInFlight
    QString text;   // what the dialog prints

    bool operator==(const DrainRisk &) const = default;
};

// How much the operator must do before the action goes out.
enum class DrainFriction
{
    ReasonOnly,
    TypeNodeName, // a region or the fleet left without announcers, or the guard overridden
};

// What a drain or undrain would do, computed from the fleet as the console sees it: the
// scope, the announcing nodes of every prefix in it before and after, and what could go
// wrong. Pure: the dialog shows it, the tests check it against hand-built fleets.
class DrainPlan
{
    Q_DECLARE_TR_FUNCTIONS(DrainPlan)

public:
    // `busyRegions`: regions where this console has a drain under way; a drain there cannot
    // be sent until it has finished.
    static DrainPlan of(const FleetState &fleet, DrainAction action, const DrainTarget &target,
                        const QSet<QString> &busyRegions = {});

    DrainAction action = DrainAction::Drain;
    DrainTarget target;
    QString nodeName;
    QString region;
    QStringList services; // in scope
    QStringList prefixes; // in scope, sorted
    QList<PrefixAvailability> availability;
    QList<DrainRisk> risks;
    quint64 minAnnouncing = 0;
    // The agent's fleet guard would keep a route announced (de-preferred): `force` overrides.
    bool guardWouldHold = false;
    // Why the action cannot be sent at all (unknown node or service, empty target, no link).
    QString problem;
    // The agent's hello says this caller may only read: it will refuse. Not a block: the
    // agent decides, and its refusal is shown as one.
    QString rightsNote;

    bool canSend() const { return problem.isEmpty(); }
    bool hasRisk(DrainRiskKind kind) const;
    DrainFriction friction(bool force) const;
    // "fra-03" or "web on fra-03".
    QString targetText() const;

private:
    void computeDrain(const FleetState &fleet, const NodeFacts &facts,
                      const QSet<QString> &busyRegions);
    void computeUndrain(const FleetState &fleet, const NodeFacts &facts);
    void addRisks(const PrefixAvailability &row);
};

} // namespace anycast
