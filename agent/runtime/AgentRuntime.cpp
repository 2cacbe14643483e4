#include "AgentRuntime.h"

#include "Duration.h"

#include <cstdio>

namespace anycast {
namespace {

SteadyTime steadyNow()
{
    return std::chrono::steady_clock::now();
}

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

AgentRuntime::AgentRuntime(AgentConfig config, std::unique_ptr<Sampler> sampler,
                           HostCountersReader hostReader, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_sampler(std::move(sampler))
    , m_collector(*m_sampler, std::move(hostReader))
    , m_bgp(ExabgpCommands(m_config.bgp.nextHop, m_config.bgp.localAs))
    , m_bridgeServer(m_config.bgpSocket, m_bgp)
{
    connect(&m_bridgeServer, &BgpBridgeServer::logLine, this,
            [](const QString &line) { logLine(line); });
    const SteadyTime start = steadyNow();
    for (const ServiceConfig &service : m_config.services) {
        auto *monitor = new ServiceMonitor(service, m_config, start, this);
        connect(monitor, &ServiceMonitor::healthChanged, this,
                [](const QString &name, const QString &before, const HealthVerdict &after) {
                    logLine(QStringLiteral("health %1: %2 -> %3%4")
                                .arg(name, before, healthName(after.health),
                                     after.reasons.isEmpty()
                                         ? QString()
                                         : QStringLiteral(": ") +
                                               after.reasons.join(QStringLiteral("; "))));
                });
        connect(monitor, &ServiceMonitor::routeChanged, this,
                [](const QString &name, const PrefixDecision &before, const PrefixDecision &after) {
                    logLine(QStringLiteral("route %1 %2: %3 -> %4: %5")
                                .arg(name, after.prefix, routeText(before), routeText(after),
                                     after.reason));
                });
        connect(monitor, &ServiceMonitor::probeFinished, this,
                [previous = std::optional<bool>()](const QString &name,
                                                   const ProbeResult &result) mutable {
                    if (previous != result.ok) {
                        logLine(QStringLiteral("probe %1: %2: %3")
                                    .arg(name,
                                         result.ok ? QStringLiteral("passing")
                                                   : QStringLiteral("failing"),
                                         result.detail));
                    }
                    previous = result.ok;
                });
        m_monitors.append(monitor);
    }
    m_fastTimer.setTimerType(Qt::PreciseTimer);
    m_fastTimer.setInterval(m_config.fastPathInterval);
    m_fullTimer.setInterval(m_config.sampleInterval);
    connect(&m_fastTimer, &QTimer::timeout, this, &AgentRuntime::fastTick);
    connect(&m_fullTimer, &QTimer::timeout, this, &AgentRuntime::fullTick);
}

AgentRuntime::~AgentRuntime() = default;

void AgentRuntime::start()
{
    logLine(QStringLiteral("agent: node %1, region %2, %3 service(s), sampler %4, fast path %5, "
                           "full sample %6")
                .arg(m_config.node, m_config.region, QString::number(m_monitors.size()),
                     m_sampler->name(), formatDuration(m_config.fastPathInterval),
                     formatDuration(m_config.sampleInterval)));
    if (const auto listening = m_bridgeServer.listen(); !listening)
        logLine(QStringLiteral("bgp: no route output: %1").arg(listening.error()));
    else
        logLine(
            QStringLiteral("bgp: waiting for anycast-exabgp-bridge on %1").arg(m_config.bgpSocket));
    fullTick();
    fastTick();
    m_fastTimer.start();
    m_fullTimer.start();
}

void AgentRuntime::reportSamplerError(const QString &path, const QString &error)
{
    const QString message = QStringLiteral("sampler: %1 failed: %2").arg(path, error);
    if (message != m_lastSamplerError)
        logLine(message); // once per distinct error, not ten times a second
    m_lastSamplerError = message;
}

void AgentRuntime::fastTick()
{
    const SteadyTime now = steadyNow();
    const auto listeners = m_sampler->sampleListeners();
    if (!listeners) {
        reportSamplerError(QStringLiteral("fast path"), listeners.error());
    } else {
        for (qsizetype i = 0; i < m_monitors.size(); ++i)
            m_monitors[i]->onListeners(listeners->services[i].listeners, now);
    }
    for (ServiceMonitor *monitor : std::as_const(m_monitors))
        monitor->pollProbe(now);
    publishRoutes();
}

void AgentRuntime::publishRoutes()
{
    QList<PrefixDecision> all;
    for (const ServiceMonitor *monitor : std::as_const(m_monitors))
        all += monitor->routes();
    m_bgp.setDesired(all);
    m_bridgeServer.flush();
}

void AgentRuntime::fullTick()
{
    const auto sample = m_collector.collect();
    const SteadyTime now = steadyNow();
    if (!sample) {
        reportSamplerError(QStringLiteral("full sample"), sample.error());
        return;
    }
    m_lastSamplerError.clear();
    for (qsizetype i = 0; i < m_monitors.size(); ++i)
        m_monitors[i]->onSample(sample->services[i], sample->host, now);
    publishRoutes();
}

} // namespace anycast
