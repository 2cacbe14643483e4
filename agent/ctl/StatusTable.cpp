#include "StatusTable.h"

#include "ConsoleText.h"
#include "TextTable.h"

#include <QJsonArray>

namespace anycast {
namespace {

// The header is one line: a value from the agent may not break it.
QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : escapeNonPrintable(text);
}

QString neighborsText(const QJsonObject &neighbors)
{
    if (neighbors.isEmpty())
        return QStringLiteral("none");
    QStringList parts;
    for (auto it = neighbors.begin(); it != neighbors.end(); ++it)
        parts.append(escapeNonPrintable(it.key()) + QLatin1Char(' ') +
                     escapeNonPrintable(it.value().toString()));
    return parts.join(QStringLiteral(", "));
}

// The established count is in newer agents' status only.
QString establishedText(const QJsonObject &service)
{
    const QJsonValue established = service.value(QStringLiteral("established"));
    return established.isDouble() ? QString::number(established.toInteger()) : QStringLiteral("-");
}

QString serviceReason(const QJsonObject &service)
{
    QStringList reasons;
    for (const QJsonValue &reason : service.value(QStringLiteral("reasons")).toArray())
        reasons.append(reason.toString());
    QString text = reasons.join(QStringLiteral("; "));
    const QString pending = service.value(QStringLiteral("pending")).toString();
    if (!pending.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) +
                QStringLiteral("(pending: %1)").arg(pending);
    return text;
}

} // namespace

StatusTable::StatusTable(QJsonObject status, int width)
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
    const QJsonObject bgp = m_status.value(QStringLiteral("bgp")).toObject();
    const QString bridge = bgp.value(QStringLiteral("bridge_connected")).toBool()
                               ? QStringLiteral("connected")
                               : QStringLiteral("not connected");
    const QString nodeState = m_status.value(QStringLiteral("operator"))
                                  .toObject()
                                  .value(QStringLiteral("node_state"))
                                  .toString();
    return QStringLiteral("node %1  region %2  operator %3  bgp bridge %4  neighbors %5\n")
        .arg(orDash(m_status.value(QStringLiteral("node")).toString()),
             orDash(m_status.value(QStringLiteral("region")).toString()), orDash(nodeState), bridge,
             neighborsText(bgp.value(QStringLiteral("neighbors")).toObject()));
}

QString StatusTable::servicesTable() const
{
    TextTable table({QStringLiteral("SERVICE"), QStringLiteral("HEALTH"),
                     QStringLiteral("OPERATOR"), QStringLiteral("ESTABLISHED"),
                     QStringLiteral("REASON")});
    const QJsonArray services = m_status.value(QStringLiteral("services")).toArray();
    for (const QJsonValue &value : services) {
        const QJsonObject service = value.toObject();
        table.addRow({service.value(QStringLiteral("name")).toString(),
                      service.value(QStringLiteral("health")).toString(),
                      service.value(QStringLiteral("operator_state")).toString(),
                      establishedText(service), serviceReason(service)});
        // Prefix rows are indented under their service; their state sits under HEALTH.
        for (const QJsonValue &route : service.value(QStringLiteral("routes")).toArray()) {
            const QJsonObject prefix = route.toObject();
            table.addRow({QStringLiteral("  ") + prefix.value(QStringLiteral("prefix")).toString(),
                          prefix.value(QStringLiteral("state")).toString(), QString(), QString(),
                          prefix.value(QStringLiteral("reason")).toString()});
        }
    }
    if (services.isEmpty())
        return QStringLiteral("no services configured\n");
    return table.render(m_width);
}

QString StatusTable::drainsTable() const
{
    TextTable table({QStringLiteral("TARGET"), QStringLiteral("MODE"), QStringLiteral("SINCE"),
                     QStringLiteral("BY"), QStringLiteral("TICKET"), QStringLiteral("REASON")});
    const QJsonArray drains = m_status.value(QStringLiteral("operator"))
                                  .toObject()
                                  .value(QStringLiteral("drains"))
                                  .toArray();
    for (const QJsonValue &value : drains) {
        const QJsonObject drain = value.toObject();
        const QString target = drain.value(QStringLiteral("target")).toString();
        QString mode = drain.value(QStringLiteral("mode")).toString();
        if (drain.value(QStringLiteral("force_withdraw")).toBool())
            mode += QStringLiteral(",force");
        const QJsonValue uid = drain.value(QStringLiteral("uid"));
        QString by = drain.value(QStringLiteral("by")).toString();
        if (uid.isDouble())
            by += QStringLiteral(" (uid %1)").arg(uid.toInteger());
        table.addRow({target.isEmpty() ? QStringLiteral("(node)") : target, mode,
                      utcTime(drain.value(QStringLiteral("since")).toString()), by,
                      orDash(drain.value(QStringLiteral("ticket")).toString()),
                      drain.value(QStringLiteral("reason")).toString()});
    }
    if (table.isEmpty())
        return {};
    return QStringLiteral("Drains in force:\n") + table.render(m_width);
}

} // namespace anycast
