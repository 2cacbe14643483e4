#include "NotificationLines.h"

#include "ConsoleText.h"
#include "TextTable.h"

#include <QJsonArray>

#include <algorithm>

namespace anycast {
namespace {

// Events about the node as a whole carry an empty service.
QString serviceOrNode(const QJsonObject &object)
{
    const QString service = object.value(QStringLiteral("service")).toString();
    return service.isEmpty() ? QStringLiteral("(node)") : service;
}

// A word from the agent inside one line of output: it may not break the line.
QString word(const QJsonObject &object, const QString &key)
{
    return escapeNonPrintable(object.value(key).toString());
}

QString acceptQueueText(const QJsonArray &listeners)
{
    qint64 queued = 0;
    qint64 backlog = 0;
    bool backlogKnown = false;
    for (const QJsonValue &value : listeners) {
        const QJsonObject listener = value.toObject();
        queued += listener.value(QStringLiteral("accept_queue")).toInteger();
        const QJsonValue limit = listener.value(QStringLiteral("backlog"));
        if (limit.isDouble()) {
            backlog += limit.toInteger();
            backlogKnown = true;
        }
    }
    return backlogKnown ? QStringLiteral("%1/%2").arg(queued).arg(backlog)
                        : QString::number(queued);
}

} // namespace

QString sampleLine(const QJsonObject &sample)
{
    QStringList services;
    for (const QJsonValue &value : sample.value(QStringLiteral("services")).toArray()) {
        const QJsonObject service = value.toObject();
        const QJsonArray listeners = service.value(QStringLiteral("listeners")).toArray();
        QString text =
            QStringLiteral("%1 %2 established=%3 accept_queue=%4")
                .arg(word(service, QStringLiteral("name")), word(service, QStringLiteral("health")))
                .arg(service.value(QStringLiteral("states"))
                         .toObject()
                         .value(QStringLiteral("ESTABLISHED"))
                         .toInteger())
                .arg(listeners.isEmpty() ? QStringLiteral("-") : acceptQueueText(listeners));
        const QString operatorState = word(service, QStringLiteral("operator_state"));
        if (!operatorState.isEmpty() && operatorState != QLatin1String("active"))
            text += QStringLiteral(" (%1)").arg(operatorState);
        services.append(text);
    }
    return QStringLiteral("%1  sample  %2")
        .arg(utcTime(sample.value(QStringLiteral("time")).toString(), false),
             services.join(QStringLiteral("; ")));
}

QString eventLine(const QJsonObject &event, int width)
{
    const QString head = QStringLiteral("%1  event   %2  %3  ")
                             .arg(utcTime(event.value(QStringLiteral("time")).toString(), false),
                                  word(event, QStringLiteral("kind")).leftJustified(7),
                                  escapeNonPrintable(serviceOrNode(event)));
    const QString message = event.value(QStringLiteral("message")).toString().simplified();
    constexpr int kMinimumMessage = 24;
    return head + elide(message, width > 0 ? std::max<int>(kMinimumMessage,
                                                           width - static_cast<int>(head.size()))
                                           : 0);
}

QString eventsTable(const QJsonObject &events, int width)
{
    TextTable table({QStringLiteral("SEQ"), QStringLiteral("TIME"), QStringLiteral("KIND"),
                     QStringLiteral("SERVICE"), QStringLiteral("MESSAGE")});
    for (const QJsonValue &value : events.value(QStringLiteral("events")).toArray()) {
        const QJsonObject event = value.toObject();
        table.addRow({QString::number(event.value(QStringLiteral("seq")).toInteger()),
                      utcTime(event.value(QStringLiteral("time")).toString()),
                      event.value(QStringLiteral("kind")).toString(), serviceOrNode(event),
                      event.value(QStringLiteral("message")).toString()});
    }
    if (table.isEmpty()) {
        const qint64 last = events.value(QStringLiteral("last_seq")).toInteger();
        return last == 0 ? QStringLiteral("no events yet\n")
                         : QStringLiteral("no events after the given number (the newest is %1)\n")
                               .arg(last);
    }
    return table.render(width);
}

} // namespace anycast
