#pragma once

#include "app/models/NodeFacts.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <Qt>

namespace anycast {

// What a row of the fleet or prefix tree stands for (RowKindRole).
enum class RowKind
{
    Region,
    Node,
    Service,
    Prefix,
};

// A service's health as a row shows it; Unknown when the node cannot be asked.
enum class HealthShown
{
    Starting,
    Healthy,
    Degraded,
    Down,
    Unknown,
};

// One prefix of a service or node row (PrefixesRole): its route here and fleet-wide.
struct PrefixShown
{
    QString prefix;
    PrefixPresence presence = PrefixPresence::Unknown;
    QString reason;     // the agent's words for its decision
    int announcing = 0; // fleet-wide: nodes announcing it ...
    int total = 0;      // ... of nodes serving it
    int unknown = 0;    // ... whose route is unknown (unreachable)

    bool operator==(const PrefixShown &) const = default;
};

// The raw values behind the fleet and prefix trees, for views, delegates, sorting and
// filtering: nobody parses display text. Enums travel as int. A role is served by the
// column that shows it (and dataChanged names that column when it changes); RowKindRole,
// KeyRole and EndpointRole are served by every column.
namespace ModelRole {
enum : int
{
    RowKindRole = Qt::UserRole + 1, // int RowKind
    KeyRole,      // QString: region name, endpoint, service name or prefix (unique among siblings)
    EndpointRole, // QString: the inventory endpoint of a node row and of the rows under it
    SortRole,     // the raw value a column sorts by (QSortFilterProxyModel::setSortRole)

    // Name column
    ObservationRole,    // int Observation: the marker's shape (reporting, failing, no data)
    RoutingRole,        // int PrefixPresence: the marker's fill
    LevelRole,          // int RollupLevel (region and node rows)
    FindingsRole,       // QStringList: the roll-up's reasons in words
    DuplicateOfRole,    // QStringList: other endpoints that reach the same node (node rows)
    LocationRole,       // QPointF(longitude, latitude), invalid when unknown
    NodeCountRole,      // int: nodes in the region
    ReachableCountRole, // int: of them reachable

    // Health column
    HealthRole, // int HealthShown (a region or node: its worst reachable service)

    // Operator column
    OperatorStateRole, // int OperatorState
    DrainByRole,       // QString
    DrainSinceRole,    // QDateTime (UTC)
    DrainReasonRole,   // QString
    DrainTicketRole,   // QString
    DrainModeRole,     // QString: "graceful" | "immediate"
    DrainCountRole,    // int: nodes drained or draining (region rows)

    // Announcing column
    PrefixesRole,        // QList<PrefixShown>
    AnnouncingRole,      // int: N of "N of M" (the lowest over the row's prefixes)
    AnnouncingTotalRole, // int: M
    UnknownCountRole,    // int: holders that cannot be asked
    LostRedundancyRole,  // bool: fewer announce than serve (prefix model's region rows)

    // BGP column
    BgpUpRole,           // int: sessions established
    BgpTotalRole,        // int: sessions configured
    BridgeConnectedRole, // bool

    EstablishedRole,     // qulonglong: ESTABLISHED connections (summed for a node, region)
    AcceptQueueFillRole, // double 0..1: the fullest listener's queue / backlog
    LinkPhaseRole,       // int LinkPhase
    LinkReasonRole,      // QString
    RetryInRole,         // qlonglong seconds until the next attempt
    ConnectedCountRole,  // int: nodes connected (region rows)
    SampleAgeRole,       // double seconds since the last sample arrived
    ReasonRole,          // QString: the agent's reason for a route (prefix model)

    // Name and State columns of the fleet tree
    RoutingStateRole, // int RoutingState: the glyph's fill as the tree draws it
};
} // namespace ModelRole

// The raw values behind the event log's rows (EventLogModel), served by every column.
namespace EventRole {
enum : int
{
    TimeRole = Qt::UserRole + 100, // QDateTime (UTC)
    EndpointRole,                  // QString: the inventory endpoint
    NodeRole,                      // QString: the agent's name
    RegionRole,                    // QString
    EntryTypeRole,                 // int EventEntry::Type
    KindRole,                      // QString: the agent's kind ("drain"); empty for a gap
    ServiceRole,                   // QString: empty for node-wide events
    MessageRole,                   // QString: the agent's message
    DataRole,                      // QJsonObject: the kind's data
    SeqRole,                       // qulonglong: the agent's number (events)
};
} // namespace EventRole

// The raw values behind the audit view's rows (AuditModel), served by every column.
namespace AuditRole {
enum : int
{
    TimeRole = Qt::UserRole + 150, // QDateTime (UTC): the action's time, or the drain's since
    EndpointRole,                  // QString
    ActionRole,                    // QString: "drain" | "undrain"
    TargetRole,                    // QString: the service; empty for the whole node
    ByRole,                        // QString: the operator's user name
    ReasonRole,                    // QString
    TicketRole,                    // QString
    ModeRole,                      // QString: "graceful" | "immediate"; empty for undrains
    ForcedRole,                    // bool: the fleet guard was overridden
    ResultRole,                    // QJsonObject: the agent's reply to the operator
    StateRole,                     // int AuditState
    StaleRole,                     // bool: in force for longer than the threshold
    SinceRole,                     // QDateTime (UTC): since when the drain is in force
};
} // namespace AuditRole

} // namespace anycast

Q_DECLARE_METATYPE(anycast::PrefixShown)
