#include "AgentRuntime.h"

#include "Duration.h"

#include <QJsonArray>

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
    , m_http([this] { return status(); })
{
    connect(&m_http, &StatusHttpServer::logLine, this, [](const QString &line) { logLine(line); });
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
        connect(
            monitor, &ServiceMonitor::routeChanged, this,
            [this](const QString &name, const PrefixDecision &before, const PrefixDecision &after) {
                m_routesChanged = true;
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

AgentRuntime::~AgentRuntime()
{
    m_systemd.stopping();
}

void AgentRuntime::start()
{
    logLine(QStringLiteral("agent: node %1, region %2, %3 service(s), sampler %4, fast path %5, "
                           "full sample %6")
                .arg(m_config.node, m_config.region, QString::number(m_monitors.size()),
                     m_sampler->name(), formatDuration(m_config.fastPathInterval),
                     formatDuration(m_config.sampleInterval)));
    if (m_config.bgp.localAs == 0)
        logLine(QStringLiteral("bgp: no route output: [bgp] local_as is not set"));
    else if (const auto listening = m_bridgeServer.listen(); !listening)
        logLine(QStringLiteral("bgp: no route output: %1").arg(listening.error()));
    else
        logLine(
            QStringLiteral("bgp: waiting for anycast-exabgp-bridge on %1").arg(m_config.bgpSocket));
    if (!m_config.httpListen.isEmpty()) {
        // Read-only, and on loopback unless the operator chose otherwise.
        if (const auto listening = m_http.listen(m_config.httpListen); !listening)
            logLine(QStringLiteral("http: no status endpoint: %1").arg(listening.error()));
    }
    fullTick();
    fastTick();
    m_fastTimer.start();
    m_fullTimer.start();
    m_systemd.ready(QStringLiteral("%1 services, sampler %2")
                        .arg(QString::number(m_monitors.size()), m_sampler->name()));
    if (const auto interval = SystemdNotifier::watchdogInterval()) {
        // Half the interval, as sd_watchdog_enabled(3) advises, so one late ping is no kill.
        m_watchdogInterval = *interval;
        m_watchdogTimer.setInterval(
            std::chrono::duration_cast<std::chrono::milliseconds>(*interval / 2));
        connect(&m_watchdogTimer, &QTimer::timeout, this, &AgentRuntime::watchdogTick);
        m_watchdogTimer.start();
    }
}

void AgentRuntime::watchdogTick()
{
    // The ping's own timer firing proves only that the event loop spins. A loop wedged in a
    // sampler call, or timers that stopped, must instead go unpinged so systemd restarts us:
    // ping only if both ticks ran within the watchdog interval (plus their own period, which
    // a configuration may set longer than that interval).
    const SteadyTime now = steadyNow();
    const bool fastAlive = now - m_lastFastTick <= m_watchdogInterval + m_config.fastPathInterval;
    const bool fullAlive = now - m_lastFullTick <= m_watchdogInterval + m_config.sampleInterval;
    if (fastAlive && fullAlive)
        m_systemd.watchdog();
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
    m_lastFastTick = now;
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

QJsonObject AgentRuntime::status() const
{
    const SteadyTime now = steadyNow();
    QJsonArray services;
    for (const ServiceMonitor *monitor : m_monitors) {
        const HealthVerdict &verdict = monitor->verdict();
        QJsonArray routes;
        for (const PrefixDecision &decision : monitor->routes())
            routes.append(decision.toJson());
        QJsonObject service{
            {QStringLiteral("name"), monitor->name()},
            {QStringLiteral("health"),
             verdict.starting ? QStringLiteral("starting") : healthName(verdict.health)},
            {QStringLiteral("reasons"), QJsonArray::fromStringList(verdict.reasons)},
            {QStringLiteral("pending"), verdict.pending},
            {QStringLiteral("since_s"), std::chrono::duration<double>(now - verdict.since).count()},
            {QStringLiteral("routes"), routes},
        };
        if (const auto &probe = monitor->lastProbe()) {
            service.insert(QStringLiteral("probe"),
                           QJsonObject{{QStringLiteral("ok"), probe->ok},
                                       {QStringLiteral("detail"), probe->detail}});
        }
        services.append(service);
    }
    QJsonObject neighbors;
    for (auto it = m_bgp.neighbors().begin(); it != m_bgp.neighbors().end(); ++it)
        neighbors.insert(it.key(), it.value());
    QJsonArray prefixes;
    for (const auto &prefix : m_bgp.prefixes()) {
        prefixes.append(QJsonObject{
            {QStringLiteral("prefix"), prefix.prefix},
            {QStringLiteral("desired"), prefix.desiredCommand},
            {QStringLiteral("acknowledged"), prefix.acknowledgedCommand},
            {QStringLiteral("converged"), prefix.desiredCommand == prefix.acknowledgedCommand},
            {QStringLiteral("in_flight"), prefix.inFlight},
            {QStringLiteral("failures"), prefix.failures},
            {QStringLiteral("last_error"), prefix.lastError},
        });
    }
    return {
        {QStringLiteral("node"), m_config.node},
        {QStringLiteral("region"), m_config.region},
        {QStringLiteral("location"),
         m_config.location
             ? QJsonValue(QJsonArray{m_config.location->latitude, m_config.location->longitude})
             : QJsonValue()},
        {QStringLiteral("version"), QStringLiteral(ANYCAST_VERSION)},
        {QStringLiteral("sampler"), m_sampler->name()},
        {QStringLiteral("services"), services},
        {QStringLiteral("bgp"),
         QJsonObject{{QStringLiteral("bridge_connected"), m_bgp.connected()},
                     {QStringLiteral("bridge"), m_bgp.bridgeHello()},
                     {QStringLiteral("neighbors"), neighbors},
                     {QStringLiteral("prefixes"), prefixes},
                     {QStringLiteral("error_acks"), static_cast<double>(m_bgp.errors())}}},
    };
}

void AgentRuntime::publishRoutes()
{
    // The controller re-sends on its own (reconnects, back-off); it only needs new wishes.
    if (!m_routesChanged)
        return;
    m_routesChanged = false;
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
    m_lastFullTick = now; // alive even when the sample failed: the error is logged, not wedged
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
