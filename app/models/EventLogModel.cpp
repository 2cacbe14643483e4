#include "app/models/EventLogModel.h"

#include "app/models/ModelRoles.h"

namespace anycast {

EventLogModel::EventLogModel(const EventLog *log, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
{
    connect(log, &EventLog::rowsAboutToBeInserted, this,
            [this](int first, int last) { beginInsertRows({}, first, last); });
    connect(log, &EventLog::rowsInserted, this, [this] { endInsertRows(); });
    connect(log, &EventLog::rowsAboutToBeRemoved, this,
            [this](int first, int last) { beginRemoveRows({}, first, last); });
    connect(log, &EventLog::rowsRemoved, this, [this] { endRemoveRows(); });
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_log->entries().size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kEventColumnCount;
}

QString EventLogModel::kindWord(const QString &kind)
{
    if (kind == QLatin1String("health"))
        //: Kind of an agent's event: a service's health changed.
        return tr("Health");
    if (kind == QLatin1String("route"))
        //: Kind of an agent's event: a prefix was announced, de-preferred or withdrawn.
        return tr("Route");
    if (kind == QLatin1String("probe"))
        //: Kind of an agent's event: a service's probe started or stopped passing.
        return tr("Probe");
    if (kind == QLatin1String("drain"))
        //: Kind of an agent's event: an operator drained a node or service.
        return tr("Drain");
    if (kind == QLatin1String("undrain"))
        //: Kind of an agent's event: an operator undrained a node or service.
        return tr("Undrain");
    if (kind == QLatin1String("bgp"))
        //: Kind of an agent's event: a BGP session changed.
        return tr("BGP");
    if (kind == QLatin1String("fleet"))
        //: Kind of an agent's event: a fleet peer became reachable or stopped answering.
        return tr("Fleet");
    if (kind == QLatin1String("config"))
        //: Kind of an agent's event: the configuration was reloaded (or a reload refused).
        return tr("Config");
    return kind;
}

QString EventLogModel::gapWord()
{
    //: Kind column of a row that stands for events the console could not get.
    return tr("Gap");
}

QString EventLogModel::gapText(const EventEntry &entry)
{
    if (entry.type == EventEntry::Type::AgentRestarted)
        return tr("The agent restarted: events of its previous run after the last one shown "
                  "may be missing.");
    if (entry.lostFirst == entry.lostLast)
        return tr("Event %1 is missing: the agent no longer kept it.").arg(entry.lostFirst);
    return tr("Events %1 to %2 are missing: the agent no longer kept them.")
        .arg(entry.lostFirst)
        .arg(entry.lostLast);
}

QString EventLogModel::localTime(const QDateTime &utc)
{
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString EventLogModel::utcTime(const QDateTime &utc)
{
    //: Tooltip of an event's time; %1 is the time in UTC.
    return tr("%1 UTC").arg(utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
}

QVariant EventLogModel::display(const EventEntry &entry, EventColumn column) const
{
    switch (column) {
    case EventColumn::Time:
        return localTime(entry.time);
    case EventColumn::Node:
        return entry.origin.node;
    case EventColumn::Region:
        return entry.origin.region;
    case EventColumn::Kind:
        return entry.isGap() ? gapWord() : kindWord(entry.event.kind);
    case EventColumn::Service:
        return entry.event.service;
    case EventColumn::Message:
        return entry.isGap() ? gapText(entry) : entry.event.message;
    }
    return {};
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EventEntry &entry = m_log->entries().at(index.row());
    const auto column = static_cast<EventColumn>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(entry, column);
    case Qt::ToolTipRole:
        if (column == EventColumn::Time)
            return utcTime(entry.time);
        if (column == EventColumn::Node)
            return entry.origin.endpoint;
        return display(entry, column);
    case EventRole::TimeRole:
        return entry.time;
    case EventRole::EndpointRole:
        return entry.origin.endpoint;
    case EventRole::NodeRole:
        return entry.origin.node;
    case EventRole::RegionRole:
        return entry.origin.region;
    case EventRole::EntryTypeRole:
        return static_cast<int>(entry.type);
    case EventRole::KindRole:
        return entry.event.kind;
    case EventRole::ServiceRole:
        return entry.event.service;
    case EventRole::MessageRole:
        return entry.event.message;
    case EventRole::DataRole:
        return entry.event.data;
    case EventRole::SeqRole:
        return static_cast<qulonglong>(entry.event.seq);
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<EventColumn>(section)) {
    case EventColumn::Time:
        //: Column of the event log: when it happened, in local time.
        return tr("Time");
    case EventColumn::Node:
        return tr("Node");
    case EventColumn::Region:
        return tr("Region");
    case EventColumn::Kind:
        //: Column of the event log: health, route, drain, ...
        return tr("Kind");
    case EventColumn::Service:
        return tr("Service");
    case EventColumn::Message:
        return tr("Message");
    }
    return {};
}

} // namespace anycast
