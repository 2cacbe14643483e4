#include "agent/anycastctl/StatusTable.h"

#include "agent/anycastctl/ConsoleText.h"
#include "agent/anycastctl/TextTable.h"

namespace anycast {
namespace {

// The header is one line: a value from the agent may not break it.
QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : escapeNonPrintable(text);
}

QString neighborsText(const QMap<QString, QString> &neighbors)
{
    if (neighbors.isEmpty())
        return QStringLiteral("none");
    QStringList parts;
    for (auto it = neighbors.begin(); it != neighbors.end(); ++it)
        parts.append(escapeNonPrintable(it.key()) + QLatin1Char(' ') +
                     escapeNonPrintable(it.value()));
    return parts.join(QStringLiteral(", "));
}

QString serviceReason(const ServiceStatus &service)
{
    QString text = service.reasons.join(QStringLiteral("; "));
    if (!service.pending.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) +
                QStringLiteral("(pending: %1)").arg(service.pending);
    return text;
}

} // namespace

StatusTable::StatusTable(AgentStatus status, int width)
    : m_status(std::move(status))
    , m_width(width)
{}

QString StatusTable::render() const
{
    QString text = headerLine() + QLatin1Char('\n') + servicesTable();
    const QString drains = drainsTable();
    if (!drains.isEmpty())
        text += QLatin1Char('\n') + drains;
    return text;
}

QString StatusTable::headerLine() const
{
    const QString bridge = m_status.bgp.bridgeConnected ? QStringLiteral("connected")
                                                        : QStringLiteral("not connected");
    return QStringLiteral("node %1  region %2  operator %3  bgp bridge %4  neighbors %5\n")
        .arg(orDash(m_status.node), orDash(m_status.region),
             operatorStateName(m_status.operatorStatus.nodeState), bridge,
             neighborsText(m_status.bgp.neighbors));
}

QString StatusTable::servicesTable() const
{
    TextTable table({QStringLiteral("SERVICE"), QStringLiteral("HEALTH"),
                     QStringLiteral("OPERATOR"), QStringLiteral("ESTABLISHED"),
                     QStringLiteral("REASON")});
    for (const ServiceStatus &service : m_status.services) {
        table.addRow({service.name, service.health.name(), operatorStateName(service.operatorState),
                      QString::number(service.established), serviceReason(service)});
        // Prefix rows are indented under their service; their state sits under HEALTH.
        for (const PrefixDecision &route : service.routes) {
            table.addRow({QStringLiteral("  ") + route.prefix, prefixStateName(route.state),
                          QString(), QString(), route.reason});
        }
    }
    if (m_status.services.isEmpty())
        return QStringLiteral("no services configured\n");
    return table.render(m_width);
}

QString StatusTable::drainsTable() const
{
    TextTable table({QStringLiteral("TARGET"), QStringLiteral("MODE"), QStringLiteral("SINCE"),
                     QStringLiteral("BY"), QStringLiteral("TICKET"), QStringLiteral("REASON")});
    for (const DrainRecord &drain : m_status.operatorStatus.drains) {
        QString mode = drainModeName(drain.mode);
        if (drain.forceWithdraw)
            mode += QStringLiteral(",force");
        table.addRow({drain.isNodeDrain() ? QStringLiteral("(node)") : drain.target, mode,
                      utcTime(drain.since),
                      QStringLiteral("%1 (uid %2)").arg(drain.by).arg(drain.uid),
                      orDash(drain.ticket), drain.reason});
    }
    if (table.isEmpty())
        return {};
    return QStringLiteral("Drains in force:\n") + table.render(m_width);
}

} // namespace anycast
