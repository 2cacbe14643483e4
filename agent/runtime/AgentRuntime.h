#pragma once

#include "agent/api/ApiServer.h"
#include "agent/bgp/BgpBridgeServer.h"
#include "agent/bgp/BgpController.h"
#include "agent/config/AgentConfig.h"
#include "agent/fleet/FleetPoller.h"
#include "agent/health/ConnectionWatchSchedule.h"
#include "agent/http/StatusHttpServer.h"
#include "agent/metrics/MetricsSnapshot.h"
#include "agent/runtime/AgentApi.h"
#include "agent/runtime/DrainApplier.h"
#include "agent/runtime/OperatorControl.h"
#include "agent/runtime/RuntimeRecorder.h"
#include "agent/runtime/RuntimeSnapshot.h"
#include "agent/runtime/ServiceMonitor.h"
#include "agent/runtime/ServiceOrder.h"
#include "agent/runtime/SystemdNotifier.h"
#include "agent/sampler/SampleCollector.h"
#include "agent/sampler/Sampler.h"
#include "agent/support/SteadyTime.h"

#include <QObject>
#include <QTimer>

#include <map>
#include <memory>

namespace anycast {

// The running agent's composition root and loop: the listener fast path and probes on one
// timer, full samples on another, each service's report handed to its ServiceMonitor (whose
// ServiceDecision decides), the routes to the BGP controller. Recording is RuntimeRecorder's,
// applying drains DrainApplier's, the reports RuntimeSnapshot's.
class AgentRuntime final : public QObject
{
    Q_OBJECT

public:
    AgentRuntime(AgentConfig config, std::unique_ptr<Sampler> sampler,
                 HostCountersReader hostReader, QObject *parent = nullptr);
    ~AgentRuntime() final;

    void start();
    // Tells systemd, stops the loops, closes every client and listener, then the services:
    // in that order, each while everything it may call into still exists. The destructor
    // calls it; the signal handler may call it first.
    void stop();
    // SIGHUP: reads the config file again and applies what may change at run time
    // (ConfigReload.h). A bad or restart-only config is logged and the running one kept.
    void reload();
    const QList<ServiceMonitor *> &monitors() const { return m_monitors; }
    // What GET /status answers: the node, each service's verdict and routes, and the BGP
    // side (bridge, neighbor sessions, per prefix desired versus acknowledged).
    AgentStatus status() const;
    MetricsSnapshot metricsSnapshot() const;
    // The state both are made from, read once.
    RuntimeSnapshot snapshot() const;

private:
    void fastTick();
    void fullTick();
    // The connection watch, when its budget allows (ConnectionWatchSchedule).
    void watchConnections(SteadyTime now);
    // Hands every prefix's decision to the BGP controller and sends what changed.
    void publishRoutes();
    void reportSamplerError(const QString &path, const QString &error);
    // The report names the monitors' services in their order (ServiceOrder.h); reported as
    // a sampler error and false otherwise.
    template <typename Report, typename NameOf>
    bool inServiceOrder(const QString &source, const QList<Report> &reported, NameOf nameOf);
    // Pings systemd's watchdog only while both loops still run (see the .cpp).
    void watchdogTick();
    // Hands every service the drain that applies to it now (node drain wins).
    void applyDrains();
    void onDrainChanged(const QString &action, const OperatorRequest &request, const Caller &caller,
                        const QJsonObject &result);
    void checkSharedFaults(SteadyTime now);
    OperatorStatus operatorStatus() const;
    void connectMonitor(ServiceMonitor *monitor);
    void startFleet();

    AgentConfig m_config;
    // One monitor per name, in this order (the constructor makes them from the config).
    const QStringList m_serviceNames;
    RuntimeRecorder m_recorder;
    OperatorControl m_control;
    QString m_drainLoadMessage;
    DrainApplier m_drains;
    std::unique_ptr<FleetPoller> m_fleet;
    std::unique_ptr<Sampler> m_sampler;
    SampleCollector m_collector;
    QList<ServiceMonitor *> m_monitors;
    QTimer m_fastTimer;
    QTimer m_fullTimer;
    ConnectionWatchSchedule m_watch;
    QString m_lastSamplerError;
    bool m_routesChanged = true; // the first publish sends everything
    BgpController m_bgp;
    BgpBridgeServer m_bridgeServer;
    StatusHttpServer m_http;
    AgentApi m_api;
    ApiServer m_apiServer;
    std::optional<double> m_fastPathSeconds;
    std::optional<double> m_fullSampleSeconds;
    std::optional<HostCounters> m_lastHost;
    SystemdNotifier m_systemd;
    QTimer m_watchdogTimer;
    std::chrono::microseconds m_watchdogInterval{0};
    SteadyTime m_lastFastTick{};
    SteadyTime m_lastFullTick{};
    bool m_stopped = false;
};

} // namespace anycast
