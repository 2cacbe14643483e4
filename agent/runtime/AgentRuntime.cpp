#include "agent/runtime/AgentRuntime.h"

#include "agent/config/ConfigReload.h"
#include "agent/fleet/SharedFaultRule.h"
#include "agent/metrics/MetricsRenderer.h"
#include "common/config/Duration.h"

namespace anycast {
namespace {

// The connection watch looks at most this often: unread bytes and waiting connections are
// judged against windows of hundreds of milliseconds, so the fast path's own pace (set for
// a vanished listener) would only cost more.
constexpr Milliseconds kConnectionWatchFloor{100};

} // namespace

AgentRuntime::AgentRuntime(AgentConfig config, std::unique_ptr<Sampler> sampler,
                           HostCountersReader hostReader, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_serviceNames(m_config.serviceNames())
    , m_recorder(m_config.history, m_apiServer)
    , m_control(m_config.stateDir, m_config.operatorsGroup, m_serviceNames)
    , m_sampler(std::move(sampler))
    , m_collector(*m_sampler, std::move(hostReader))
    , m_watch(std::max(m_config.fastPathInterval, kConnectionWatchFloor),
              m_config.connectionWatchCpuPercent / 100)
    , m_bgp(ExabgpCommands(m_config.bgp.nextHop, m_config.bgp.localAs))
    , m_bridgeServer(m_config.bgpSocket, m_bgp)
    , m_http([this] { return status().toJson(); })
    , m_api(
          {&m_config, [this] { return status(); }, &m_recorder.history(), &m_recorder.events(),
           &m_control,
           [this](const QString &action, const OperatorRequest &request, const Caller &caller,
                  const QJsonObject &result) { onDrainChanged(action, request, caller, result); }})
    , m_apiServer(m_api, m_config.operatorsGroup)
{
    const auto log = [](const QString &line) { logLine(line); };
    connect(&m_http, &StatusHttpServer::logLine, this, log);
    connect(&m_bridgeServer, &BgpBridgeServer::logLine, this, log);
    connect(&m_apiServer, &ApiServer::logLine, this, log);
    m_http.setMetricsProvider([this] { return renderMetrics(metricsSnapshot()); },
                              kMetricsContentType);
    // The drain state is read before any service exists, so the very first route decision
    // already knows the node is drained: a drained node never announces after a restart.
    const QDateTime wallNow = QDateTime::currentDateTimeUtc();
    m_drainLoadMessage = m_control.load(wallNow);
    connect(&m_recorder, &RuntimeRecorder::routeChanged, this, [this] { m_routesChanged = true; });
    const SteadyTime start = steadyNow();
    for (const ServiceConfig &service : m_config.services) {
        auto *monitor = new ServiceMonitor(service, m_config, start, this);
        connectMonitor(monitor);
        m_monitors.append(monitor);
    }
    applyDrains();
    m_fastTimer.setTimerType(Qt::PreciseTimer);
    m_fastTimer.setInterval(m_config.fastPathInterval);
    m_fullTimer.setInterval(m_config.sampleInterval);
    connect(&m_fastTimer, &QTimer::timeout, this, &AgentRuntime::fastTick);
    connect(&m_fullTimer, &QTimer::timeout, this, &AgentRuntime::fullTick);
}

void AgentRuntime::startFleet()
{
    m_fleet.reset();
    if (m_config.fleet.peers.isEmpty())
        return;
    m_fleet = std::make_unique<FleetPoller>(m_config.fleet.peers, m_config.fleet.pollInterval,
                                            m_config.fleet.pollTimeout);
    connect(m_fleet.get(), &FleetPoller::peerChanged, this,
            [this](const QString &url, bool reachable, const QString &detail) {
                const QString message =
                    QStringLiteral("peer %1 %2%3")
                        .arg(url,
                             reachable ? QStringLiteral("reachable")
                                       : QStringLiteral("not answering"),
                             detail.isEmpty() ? QString() : QStringLiteral(": ") + detail);
                logLine(QStringLiteral("fleet: ") + message);
                m_recorder.record(QStringLiteral("fleet"), {}, message);
            });
    for (const QString &error : m_fleet->configurationErrors())
        logLine(QStringLiteral("fleet: %1").arg(error));
    m_fleet->start();
}

void AgentRuntime::connectMonitor(ServiceMonitor *monitor)
{
    // Looked up at every decision: a reload may replace the poller.
    monitor->setFleet([this](const QString &prefix) {
        return m_fleet ? m_fleet->view(prefix, steadyNow()) : FleetView{};
    });
    m_recorder.follow(monitor);
}

AgentRuntime::~AgentRuntime()
{
    stop();
}

void AgentRuntime::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_systemd.stopping();
    m_fastTimer.stop();
    m_fullTimer.stop();
    m_watchdogTimer.stop();
    m_apiServer.close();
    m_http.close();
    m_bridgeServer.close();
    m_fleet.reset();
    // A probe torn down may still report; the runtime it reports to is whole until here.
    qDeleteAll(m_monitors);
    m_monitors.clear();
    logLine(QStringLiteral("agent: stopped"));
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
    else if (const auto listening = m_bridgeServer.listen(m_config.bgpGroup); !listening)
        logLine(QStringLiteral("bgp: no route output: %1").arg(listening.error()));
    else
        logLine(QStringLiteral("bgp: waiting for anycast-exabgp-bridge on %1 (%2)")
                    .arg(m_config.bgpSocket, listening->description));
    logLine(QStringLiteral("drain: %1").arg(m_drainLoadMessage));
    if (const auto listening = m_apiServer.listen(m_config.apiSocket, m_config.apiGroup);
        !listening)
        logLine(QStringLiteral("api: no operator API: %1").arg(listening.error()));
    else
        logLine(QStringLiteral("api: listening on %1 (%2; drains: root and group %3)")
                    .arg(m_config.apiSocket, listening->description, m_config.operatorsGroup));
    startFleet();
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

void AgentRuntime::reload()
{
    if (m_stopped)
        return;
    const auto next = loadAgentConfig(m_config.sourcePath);
    const auto refuse = [this](const QString &why) {
        logLine(QStringLiteral("reload: keeping the running config: %1").arg(why));
        m_recorder.record(QStringLiteral("config"), {}, QStringLiteral("reload refused: ") + why);
    };
    if (!next) {
        refuse(next.error());
        return;
    }
    if (const QStringList changes = restartOnlyChanges(m_config, next.value());
        !changes.isEmpty()) {
        refuse(changes.join(QStringLiteral("; ")) + QStringLiteral(" (needs a restart)"));
        return;
    }
    const bool peersChanged = next->fleet.peers != m_config.fleet.peers ||
                              next->fleet.pollInterval != m_config.fleet.pollInterval ||
                              next->fleet.pollTimeout != m_config.fleet.pollTimeout;
    m_config = next.value();
    if (peersChanged)
        startFleet();
    m_control.setOperatorsGroup(m_config.operatorsGroup);
    m_apiServer.setOperatorsGroup(m_config.operatorsGroup);
    const SteadyTime now = steadyNow();
    // Services are the same, by name and in order: restartOnlyChanges refused anything else.
    for (qsizetype i = 0; i < m_monitors.size(); ++i)
        m_monitors[i]->reconfigure(m_config.services[i], m_config, now);
    logLine(QStringLiteral("reload: applied %1").arg(m_config.sourcePath));
    m_recorder.record(QStringLiteral("config"), {},
                      QStringLiteral("reloaded ") + m_config.sourcePath);
    publishRoutes();
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

template <typename Report, typename NameOf>
bool AgentRuntime::inServiceOrder(const QString &source, const QList<Report> &reported,
                                  NameOf nameOf)
{
    const QString problem = serviceOrderProblem(m_serviceNames, reported, nameOf);
    if (!problem.isEmpty())
        reportSamplerError(source, problem);
    return problem.isEmpty();
}

void AgentRuntime::reportSamplerError(const QString &path, const QString &error)
{
    const QString message = QStringLiteral("sampler: %1 failed: %2").arg(path, error);
    if (message != m_lastSamplerError)
        logLine(message); // once per distinct error, not at every fast-path tick
    m_lastSamplerError = message;
}

void AgentRuntime::fastTick()
{
    const SteadyTime now = steadyNow();
    m_lastFastTick = now;
    const auto listeners = m_sampler->sampleListeners();
    m_fastPathSeconds = std::chrono::duration<double>(steadyNow() - now).count();
    if (!listeners) {
        reportSamplerError(QStringLiteral("fast path"), listeners.error());
    } else if (inServiceOrder(QStringLiteral("fast path"), listeners->services,
                              [](const ServiceListeners &service) { return service.name; })) {
        for (qsizetype i = 0; i < m_monitors.size(); ++i)
            m_monitors[i]->onListeners(listeners->services[i].listeners, now);
    }
    watchConnections(now);
    for (ServiceMonitor *monitor : std::as_const(m_monitors))
        monitor->pollProbe(now);
    publishRoutes();
}

void AgentRuntime::watchConnections(SteadyTime now)
{
    if (!m_watch.due(now))
        return;
    const auto watched = m_sampler->sampleConnections();
    if (!watched) {
        // The /proc fallback cannot tell waiting from accepted: the full sample says so too.
        m_watch.disable();
        logLine(QStringLiteral("sampler: no connection watch: %1").arg(watched.error()));
        return;
    }
    m_watch.ran(now, std::chrono::microseconds(watched->durationUs));
    if (!inServiceOrder(QStringLiteral("connection watch"), watched->services,
                        [](const ConnectionActivity &service) { return service.service; }))
        return;
    for (qsizetype i = 0; i < m_monitors.size(); ++i)
        m_monitors[i]->onConnections(watched->services[i], now);
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
    const SteadyTime started = steadyNow();
    const auto sample = m_collector.collect();
    const SteadyTime now = steadyNow();
    m_fullSampleSeconds = std::chrono::duration<double>(now - started).count();
    m_lastFullTick = now; // alive even when the sample failed: the error is logged, not wedged
    if (!sample) {
        reportSamplerError(QStringLiteral("full sample"), sample.error());
        return;
    }
    if (!inServiceOrder(QStringLiteral("full sample"), sample->services,
                        [](const ServiceSocketStats &service) { return service.name; }) ||
        !inServiceOrder(QStringLiteral("full sample"), sample->connections,
                        [](const ConnectionActivity &service) { return service.service; }))
        return;
    m_lastSamplerError.clear();
    m_lastHost = sample->host;
    checkSharedFaults(now);
    for (qsizetype i = 0; i < m_monitors.size(); ++i) {
        m_monitors[i]->onConnections(sample->connections[i], now);
        m_monitors[i]->onSample(sample->services[i], sample->host, now);
    }
    publishRoutes();
    m_recorder.sample(m_monitors);
}

void AgentRuntime::checkSharedFaults(SteadyTime now)
{
    if (!m_fleet || !m_config.fleet.sharedFaultCheck)
        return;
    for (ServiceMonitor *monitor : std::as_const(m_monitors)) {
        const SharedFaultVerdict verdict = sharedFault(monitor->name(), monitor->probeOnlyDown(),
                                                       m_fleet->probes(monitor->name(), now));
        monitor->setSharedFault(verdict.shared ? verdict.reason : QString());
    }
}

void AgentRuntime::applyDrains()
{
    m_drains.apply(m_control.state(), m_monitors, steadyNow());
}

void AgentRuntime::onDrainChanged(const QString &action, const OperatorRequest &request,
                                  const Caller &caller, const QJsonObject &result)
{
    const QString message = result.value(QStringLiteral("message")).toString();
    logLine(QStringLiteral("%1: by %2 (uid %3, pid %4): %5")
                .arg(action, caller.user, QString::number(caller.uid), QString::number(caller.pid),
                     message));
    // The reason and ticket travel with the event: an undrain's reply does not hold them, and
    // a console that was not watching learns them from the event log alone.
    m_recorder.record(action, request.target(), message,
                      {{QStringLiteral("by"), caller.user},
                       {QStringLiteral("reason"), request.reason},
                       {QStringLiteral("ticket"), request.ticket},
                       {QStringLiteral("result"), result}});
    applyDrains();
    publishRoutes();
}

} // namespace anycast
