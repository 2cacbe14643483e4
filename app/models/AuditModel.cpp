#include "app/models/AuditModel.h"

#include "app/models/CsvWriter.h"
#include "app/models/FleetState.h"
#include "app/models/ModelRoles.h"
#include "app/models/StateWords.h"
#include "common/protocol/UtcTimestamp.h"

namespace anycast {
namespace {

// Status arrives from every node every few seconds: rebuilding for each would be waste.
constexpr int kRefreshDelayMs = 200;

} // namespace

AuditModel::AuditModel(const EventLog *log, const FleetState *fleet, QObject *parent)
    : AuditModel(
          log, fleet, [] { return QDateTime::currentDateTimeUtc(); }, parent)
{}

AuditModel::AuditModel(const EventLog *log, const FleetState *fleet, Clock clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
    , m_fleet(fleet)
    , m_clock(std::move(clock))
{
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kRefreshDelayMs);
    connect(&m_refresh, &QTimer::timeout, this, &AuditModel::refresh);
    connect(log, &EventLog::operatorActionsChanged, this, &AuditModel::scheduleRefresh);
    connect(fleet, &FleetState::nodeRemoved, this, &AuditModel::scheduleRefresh);
    connect(fleet, &FleetState::nodeChanged, this,
            [this](const QString &, FleetState::Aspects aspects) {
                if (aspects & (FleetState::StatusAspect | FleetState::IdentityAspect))
                    scheduleRefresh();
            });
    refresh();
}

void AuditModel::scheduleRefresh()
{
    if (!m_refresh.isActive())
        m_refresh.start();
}

void AuditModel::setStaleAfter(std::chrono::seconds threshold)
{
    if (threshold == m_staleAfter)
        return;
    m_staleAfter = threshold;
    refresh();
}

void AuditModel::refresh()
{
    m_refresh.stop();
    AuditRows::Input input;
    input.actions = m_log->operatorActions();
    input.now = m_clock();
    input.staleAfter = m_staleAfter;
    for (const QString &endpoint : m_fleet->endpoints()) {
        const NodeSnapshot *node = m_fleet->node(endpoint);
        if (!node->status)
            continue;
        input.reporting.insert(endpoint);
        const EventOrigin origin{endpoint, node->name(), node->region()};
        for (const DrainRecord &record : node->status->operatorStatus.drains)
            input.inForce.append({origin, record});
    }
    QList<AuditRow> rows = AuditRows::build(input);
    const bool ageShown = m_builtAt.secsTo(input.now) >= 60 &&
                          std::any_of(rows.begin(), rows.end(), [](const AuditRow &row) {
                              return row.state == AuditState::InForce;
                          });
    if (rows == m_rows && !ageShown)
        return;
    m_builtAt = input.now;
    if (rows.size() == m_rows.size()) {
        m_rows = std::move(rows);
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, kAuditColumnCount - 1));
    } else {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    emit refreshed();
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kAuditColumnCount;
}

int AuditModel::inForceCount() const
{
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(), [](const AuditRow &row) {
        return row.state == AuditState::InForce;
    }));
}

int AuditModel::staleCount() const
{
    return static_cast<int>(
        std::count_if(m_rows.begin(), m_rows.end(), [](const AuditRow &row) { return row.stale; }));
}

QString AuditModel::stateText(const AuditRow &row, const QDateTime &now)
{
    const double age = row.since.isValid() ? static_cast<double>(row.since.secsTo(now)) : 0.0;
    switch (row.state) {
    case AuditState::InForce:
        if (row.stale)
            //: Audit view: a drain left in force for longer than the threshold; %1 its age.
            return tr("STALE: in force for %1").arg(StateWords::age(age));
        //: Audit view: the drain still holds; %1 how long it has held ("3 h").
        return tr("In force for %1").arg(StateWords::age(age));
    case AuditState::Replaced:
        return tr("Replaced by a later drain");
    case AuditState::Ended:
        return tr("Ended");
    case AuditState::Applied:
        return tr("Applied");
    case AuditState::Unknown:
        return tr("Unknown: no status from the node");
    }
    return {};
}

QString AuditModel::text(const AuditRow &row, AuditColumn column, bool forExport) const
{
    switch (column) {
    case AuditColumn::Time:
        return forExport ? formatUtcTimestamp(row.time)
                         : row.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case AuditColumn::Node:
        return row.origin.node;
    case AuditColumn::Region:
        return row.origin.region;
    case AuditColumn::Action:
        return row.action == QLatin1String("drain") ? tr("Drain") : tr("Undrain");
    case AuditColumn::Target:
        //: Audit view: the target of a drain that is not one service.
        return row.target.isEmpty() ? tr("whole node") : row.target;
    case AuditColumn::By:
        return row.by;
    case AuditColumn::Reason:
        return row.reason;
    case AuditColumn::Ticket:
        return row.ticket;
    case AuditColumn::Mode: {
        QString mode = row.mode == QLatin1String("graceful")    ? tr("graceful")
                       : row.mode == QLatin1String("immediate") ? tr("immediate")
                                                                : row.mode;
        if (row.forced)
            //: Audit view: a drain that overrode the fleet guard; %1 is its mode.
            mode = tr("%1, fleet guard overridden").arg(mode);
        return mode;
    }
    case AuditColumn::Answer: {
        if (row.seenOnlyInStatus())
            return tr("Held in the node's status (the event is older than the agent keeps)");
        const QString message = row.result.value(QStringLiteral("message")).toString();
        const QJsonValue attempt = row.result.value(QStringLiteral("audit_attempt"));
        QString answer = attempt.isDouble()
                             //: Audit view: the agent's answer; %2 the id of its audit record.
                             ? tr("%1 (audit record %2)").arg(message).arg(attempt.toInteger())
                             : message;
        const QString warning = row.result.value(QStringLiteral("audit_warning")).toString();
        if (!warning.isEmpty())
            answer = tr("%1; warning: %2").arg(answer, warning);
        return answer;
    }
    case AuditColumn::State:
        return stateText(row, m_builtAt);
    }
    return {};
}

QVariant AuditModel::sortValue(const AuditRow &row, AuditColumn column) const
{
    switch (column) {
    case AuditColumn::Time:
        return row.time;
    case AuditColumn::State:
        return row.stale ? -1 : static_cast<int>(row.state);
    default:
        return text(row, column, false);
    }
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditRow &row = m_rows.at(index.row());
    const auto column = static_cast<AuditColumn>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return text(row, column, false);
    case Qt::ToolTipRole:
        if (column == AuditColumn::Time)
            //: Tooltip of a time in the audit view; %1 is the time in UTC.
            return tr("%1 UTC").arg(row.time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
        if (column == AuditColumn::Node)
            return row.origin.endpoint;
        return text(row, column, false);
    case ModelRole::SortRole:
        return sortValue(row, column);
    case AuditRole::TimeRole:
        return row.time;
    case AuditRole::EndpointRole:
        return row.origin.endpoint;
    case AuditRole::ActionRole:
        return row.action;
    case AuditRole::TargetRole:
        return row.target;
    case AuditRole::ByRole:
        return row.by;
    case AuditRole::ReasonRole:
        return row.reason;
    case AuditRole::TicketRole:
        return row.ticket;
    case AuditRole::ModeRole:
        return row.mode;
    case AuditRole::ForcedRole:
        return row.forced;
    case AuditRole::ResultRole:
        return row.result;
    case AuditRole::StateRole:
        return static_cast<int>(row.state);
    case AuditRole::StaleRole:
        return row.stale;
    case AuditRole::SinceRole:
        return row.since;
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<AuditColumn>(section)) {
    case AuditColumn::Time:
        return tr("Time");
    case AuditColumn::Node:
        return tr("Node");
    case AuditColumn::Region:
        return tr("Region");
    case AuditColumn::Action:
        return tr("Action");
    case AuditColumn::Target:
        return tr("Target");
    case AuditColumn::By:
        //: Column of the audit view: the operator who drained or undrained.
        return tr("Who");
    case AuditColumn::Reason:
        return tr("Reason");
    case AuditColumn::Ticket:
        return tr("Ticket");
    case AuditColumn::Mode:
        return tr("Mode");
    case AuditColumn::Answer:
        //: Column of the audit view: what the agent answered the operator.
        return tr("Agent's answer");
    case AuditColumn::State:
        return tr("State");
    }
    return {};
}

QByteArray AuditModel::csv() const
{
    QList<QStringList> records;
    QStringList header;
    for (int column = 0; column < kAuditColumnCount; ++column)
        header.append(headerData(column, Qt::Horizontal).toString());
    records.append(header);
    for (const AuditRow &row : m_rows) {
        QStringList fields;
        for (int column = 0; column < kAuditColumnCount; ++column)
            fields.append(text(row, static_cast<AuditColumn>(column), true));
        records.append(fields);
    }
    return CsvWriter::document(records);
}

} // namespace anycast
