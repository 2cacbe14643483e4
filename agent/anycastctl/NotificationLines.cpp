#include "agent/anycastctl/NotificationLines.h"

#include "agent/anycastctl/ConsoleText.h"
#include "agent/anycastctl/TextTable.h"

#include <algorithm>

namespace anycast {
namespace {

// Events about the node as a whole carry an empty service.
QString serviceOrNode(const AgentEvent &event)
{
    return event.service.isEmpty() ? QStringLiteral("(node)") : event.service;
}

QString acceptQueueText(const QList<ListenerStats> &listeners)
{
    quint64 queued = 0;
    quint64 backlog = 0;
    bool backlogKnown = false;
    for (const ListenerStats &listener : listeners) {
        queued += listener.acceptQueue;
        if (listener.backlog) {
            backlog += *listener.backlog;
            backlogKnown = true;
        }
    }
    return backlogKnown ? QStringLiteral("%1/%2").arg(queued).arg(backlog)
                        : QString::number(queued);
}

} // namespace

QString sampleLine(const SamplePoint &sample)
{
    QStringList services;
    for (const ServiceSample &service : sample.services) {
        const QList<ListenerStats> &listeners = service.stats.listeners;
        // A word from the agent inside one line of output: it may not break the line.
        QString text =
            QStringLiteral("%1 %2 established=%3 accept_queue=%4")
                .arg(escapeNonPrintable(service.stats.name), service.health.name())
                .arg(service.stats.states[TcpState::Established])
                .arg(listeners.isEmpty() ? QStringLiteral("-") : acceptQueueText(listeners));
        if (service.operatorState != OperatorState::Active)
            text += QStringLiteral(" (%1)").arg(operatorStateName(service.operatorState));
        services.append(text);
    }
    return QStringLiteral("%1  sample  %2")
        .arg(utcTime(sample.time, false), services.join(QStringLiteral("; ")));
}

QString eventLine(const AgentEvent &event, int width)
{
    const QString head =
        QStringLiteral("%1  event   %2  %3  ")
            .arg(utcTime(event.time, false), escapeNonPrintable(event.kind).leftJustified(7),
                 escapeNonPrintable(serviceOrNode(event)));
    const QString message = event.message.simplified();
    constexpr int kMinimumMessage = 24;
    return head + elide(message, width > 0 ? std::max<int>(kMinimumMessage,
                                                           width - static_cast<int>(head.size()))
                                           : 0);
}

QString eventsTable(const EventsReply &events, int width)
{
    TextTable table({QStringLiteral("SEQ"), QStringLiteral("TIME"), QStringLiteral("KIND"),
                     QStringLiteral("SERVICE"), QStringLiteral("MESSAGE")});
    for (const AgentEvent &event : events.events) {
        table.addRow({QString::number(event.seq), utcTime(event.time), event.kind,
                      serviceOrNode(event), event.message});
    }
    if (table.isEmpty()) {
        return events.lastSeq == 0
                   ? QStringLiteral("no events yet\n")
                   : QStringLiteral("no events after the given number (the newest is %1)\n")
                         .arg(events.lastSeq);
    }
    return table.render(width);
}

} // namespace anycast
