#include "agent/runtime/RuntimeRecorder.h"

#include <QJsonArray>

#include <cstdio>

namespace anycast {
namespace {

QString routeText(const PrefixDecision &decision)
{
    if (!decision.announced())
        return prefixStateName(decision.state);
    QString text = QStringLiteral("%1 (med %2")
                       .arg(prefixStateName(decision.state))
                       .arg(decision.attributes.med);
    if (decision.attributes.prepend > 0)
        text += QStringLiteral(", prepend %1").arg(decision.attributes.prepend);
    if (!decision.attributes.communities.isEmpty())
        text += QStringLiteral(", communities %1")
                    .arg(decision.attributes.communities.join(QLatin1Char(' ')));
    return text + QLatin1Char(')');
}

} // namespace

void logLine(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
    std::fflush(stderr);
}

RuntimeRecorder::RuntimeRecorder(std::chrono::milliseconds historySpan, ApiServer &api,
                                 QObject *parent)
    : QObject(parent)
    , m_history(historySpan)
    , m_api(api)
{}

void RuntimeRecorder::record(const QString &kind, const QString &service, const QString &message,
                             const QJsonObject &data)
{
    const AgentEvent &recorded =
        m_events.append(QDateTime::currentDateTimeUtc(), kind, service, message, data);
    m_api.notify(QStringLiteral("event"), recorded.toJson());
}

void RuntimeRecorder::sample(const QList<ServiceMonitor *> &monitors)
{
    SamplePoint point;
    point.time = QDateTime::currentDateTimeUtc();
    for (const ServiceMonitor *monitor : monitors) {
        const HealthVerdict &verdict = monitor->verdict();
        ServiceSample service{monitor->lastStats(), verdict.label(), monitor->operatorState(),
                              std::nullopt};
        if (const auto &probe = monitor->lastProbe())
            service.probe = SampleProbe{probe->ok, static_cast<double>(probe->elapsed.count())};
        point.services.append(std::move(service));
    }
    if (m_api.hasSubscribers(QStringLiteral("sample")))
        m_api.notify(QStringLiteral("sample"), point.toJson());
    m_history.append(std::move(point));
}

void RuntimeRecorder::follow(ServiceMonitor *monitor)
{
    connect(monitor, &ServiceMonitor::healthChanged, this,
            [this](const QString &name, const QString &before, const HealthVerdict &after) {
                const QString reasons = after.reasons.join(QStringLiteral("; "));
                logLine(QStringLiteral("health %1: %2 -> %3%4")
                            .arg(name, before, healthName(after.health),
                                 reasons.isEmpty() ? QString() : QStringLiteral(": ") + reasons));
                record(QStringLiteral("health"), name,
                       QStringLiteral("%1 -> %2").arg(before, healthName(after.health)),
                       {{QStringLiteral("from"), before},
                        {QStringLiteral("to"), healthName(after.health)},
                        {QStringLiteral("reasons"), QJsonArray::fromStringList(after.reasons)}});
            });
    connect(monitor, &ServiceMonitor::routeChanged, this,
            [this](const QString &name, const PrefixDecision &before, const PrefixDecision &after) {
                ++m_routeChanges[after.prefix];
                logLine(QStringLiteral("route %1 %2: %3 -> %4: %5")
                            .arg(name, after.prefix, routeText(before), routeText(after),
                                 after.reason));
                record(QStringLiteral("route"), name,
                       QStringLiteral("%1: %2 -> %3: %4")
                           .arg(after.prefix, routeText(before), routeText(after), after.reason),
                       after.toJson());
                emit routeChanged();
            });
    connect(monitor, &ServiceMonitor::probeFinished, this,
            [this, previous = std::optional<bool>()](const QString &name,
                                                     const ProbeResult &result) mutable {
                if (previous != result.ok) {
                    const QString message = QStringLiteral("%1: %2").arg(
                        result.ok ? QStringLiteral("passing") : QStringLiteral("failing"),
                        result.detail);
                    logLine(QStringLiteral("probe %1: %2").arg(name, message));
                    record(QStringLiteral("probe"), name, message);
                }
                previous = result.ok;
            });
}

} // namespace anycast
