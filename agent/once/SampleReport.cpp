#include "agent/once/SampleReport.h"

#include <QJsonArray>
#include <QTextStream>

namespace anycast {
namespace {

QString milliseconds(quint64 microseconds)
{
    return QString::number(static_cast<double>(microseconds) / 1000.0, 'f', 2) +
           QStringLiteral(" ms");
}

QString endpoint(const ListenerStats &listener)
{
    const bool ipv6 = listener.address.contains(QLatin1Char(':'));
    return (ipv6 ? QStringLiteral("[%1]:%2") : QStringLiteral("%1:%2"))
        .arg(listener.address)
        .arg(listener.port);
}

QString listenerLine(const QList<ListenerStats> &listeners)
{
    if (listeners.isEmpty())
        return QStringLiteral("NONE (no socket listens on the service ports)");
    QStringList parts;
    for (const ListenerStats &listener : listeners) {
        const QString limit =
            listener.backlog ? QString::number(*listener.backlog) : QStringLiteral("?");
        parts.append(QStringLiteral("%1 accept queue %2/%3")
                         .arg(endpoint(listener))
                         .arg(listener.acceptQueue)
                         .arg(limit));
    }
    return parts.join(QStringLiteral(", "));
}

QString stateLine(const TcpStateCounts &states)
{
    QStringList parts;
    for (int i = 0; i < kTcpStateCount; ++i) {
        if (states.counts[i] > 0)
            parts.append(
                QStringLiteral("%1 %2").arg(tcpStateName(stateAt(i))).arg(states.counts[i]));
    }
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral("  "));
}

QString tcpInfoLine(const TcpInfoSummary &info)
{
    if (!info.available)
        return QStringLiteral("not available from this source");
    return QStringLiteral("%1 sockets, %2 retransmitting, retransmits %3 (lifetime %4), lost %5, "
                          "unacked %6 (%7 retransmitted), rtt median %8 max %9")
        .arg(info.sockets)
        .arg(info.retransmitting)
        .arg(info.retransmits)
        .arg(info.totalRetransmits)
        .arg(info.lost)
        .arg(info.unacked)
        .arg(info.retransmittedInFlight)
        .arg(milliseconds(info.rttMedianUs), milliseconds(info.rttMaxUs));
}

QString connectionLine(const ConnectionActivity &activity)
{
    if (!activity.available)
        return QStringLiteral("not available from this source");
    QString line = QStringLiteral("%1 waiting to be accepted").arg(activity.waiting);
    if (activity.waiting > 0)
        line += QStringLiteral(" (oldest %1 ms)").arg(activity.oldestWaitingMs);
    line += QStringLiteral(", %1 accepted with unread bytes").arg(activity.unread);
    if (!activity.unreadAgesMs.isEmpty())
        line += QStringLiteral(" (longest %1 ms)").arg(activity.unreadAgesMs.first());
    line += QStringLiteral(", %1 with a request never answered").arg(activity.unanswered);
    if (!activity.unansweredAgesMs.isEmpty())
        line += QStringLiteral(" (longest %1 ms)").arg(activity.unansweredAgesMs.first());
    return line;
}

QJsonObject evaluationJson(const ServiceEvaluation &evaluation)
{
    QJsonArray routes;
    for (const PrefixDecision &decision : evaluation.routes)
        routes.append(decision.toJson());
    QJsonObject json{
        {QStringLiteral("service"), evaluation.name},
        {QStringLiteral("health"), healthName(evaluation.verdict.health)},
        {QStringLiteral("reasons"), QJsonArray::fromStringList(evaluation.verdict.reasons)},
        {QStringLiteral("routes"), routes}};
    if (evaluation.probe) {
        json.insert(QStringLiteral("probe"),
                    QJsonObject{{QStringLiteral("ok"), evaluation.probe->ok},
                                {QStringLiteral("detail"), evaluation.probe->detail}});
    }
    return json;
}

QString routeLine(const PrefixDecision &decision)
{
    QString text = QStringLiteral("%1 %2").arg(decision.prefix, prefixStateName(decision.state));
    if (decision.announced()) {
        text += QStringLiteral(" med %1").arg(decision.attributes.med);
        if (decision.attributes.prepend > 0)
            text += QStringLiteral(" prepend %1").arg(decision.attributes.prepend);
        if (!decision.attributes.communities.isEmpty())
            text += QStringLiteral(" communities %1")
                        .arg(decision.attributes.communities.join(QLatin1Char(' ')));
    }
    return text + QStringLiteral(": ") + decision.reason;
}

} // namespace

QJsonObject SampleReport::toJson() const
{
    return {
        {QStringLiteral("node"), node},
        {QStringLiteral("region"), region},
        {QStringLiteral("listeners"), listeners.toJson()},
        {QStringLiteral("sample"), sample.toJson()},
        {QStringLiteral("verdicts"),
         [this] {
             QJsonArray verdicts;
             for (const ServiceEvaluation &evaluation : evaluations)
                 verdicts.append(evaluationJson(evaluation));
             return verdicts;
         }()},
    };
}

QString SampleReport::toText() const
{
    QString text;
    QTextStream out(&text);
    out << "node " << node << ", region " << region << "\n";
    out << "fast path (" << listeners.source << "): " << milliseconds(listeners.durationUs)
        << "; full sample (" << sample.source << "): " << milliseconds(sample.durationUs) << "\n";
    for (qsizetype i = 0; i < sample.services.size(); ++i) {
        const ServiceSocketStats &service = sample.services[i];
        QStringList ports;
        for (const quint16 port : service.ports)
            ports.append(QString::number(port));
        out << "\nservice " << service.name << " (ports " << ports.join(QLatin1Char(',')) << ")\n";
        out << "  listeners  " << listenerLine(service.listeners) << "\n";
        out << "  sockets    " << stateLine(service.states) << "\n";
        out << "  tcp_info   " << tcpInfoLine(service.tcpInfo) << "\n";
        if (i < sample.connections.size())
            out << "  connected  " << connectionLine(sample.connections[i]) << "\n";
        for (const ServiceEvaluation &evaluation : evaluations) {
            if (evaluation.name != service.name)
                continue;
            if (evaluation.probe) {
                out << "  probe      " << (evaluation.probe->ok ? "ok: " : "FAILED: ")
                    << evaluation.probe->detail << "\n";
            }
            out << "  verdict    " << healthName(evaluation.verdict.health);
            if (!evaluation.verdict.reasons.isEmpty())
                out << ": " << evaluation.verdict.reasons.join(QStringLiteral("; "));
            out << "\n";
            for (const PrefixDecision &decision : evaluation.routes)
                out << "  route      " << routeLine(decision) << "\n";
        }
    }
    out << "\nother sockets  " << stateLine(sample.otherSockets) << "\n";
    const SockStat &sockstat = sample.host.sockstat;
    out << "sockstat       inuse " << sockstat.inUse << "  orphan " << sockstat.orphan << "  tw "
        << sockstat.timeWait << "  alloc " << sockstat.allocated << "  mem " << sockstat.memoryPages
        << " pages\n";
    out << "host counters ";
    for (auto it = sample.host.counters.constBegin(); it != sample.host.counters.constEnd(); ++it)
        out << " " << it.key() << " " << it.value();
    out << "\n";
    if (sample.host.ratesPerSecond.isEmpty())
        out << "               (rates need two samples; the running agent reports them)\n";
    for (const QString &warning : sample.warnings)
        out << "warning: " << warning << "\n";
    return text;
}

} // namespace anycast
