#pragma once

#include "AgentConfig.h"
#include "BgpBridgeServer.h"
#include "BgpController.h"
#include "SampleCollector.h"
#include "Sampler.h"
#include "ServiceMonitor.h"
#include "StatusHttpServer.h"
#include "SteadyTime.h"
#include "SystemdNotifier.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace anycast {

// The running agent's loop: the listener fast path and probes on one timer, full samples on
// another, every verdict and route change logged with its reason. I/O lives here; the
// decisions live in HealthEngine and RoutePolicy.
class AgentRuntime final : public QObject
{
    Q_OBJECT

public:
    AgentRuntime(AgentConfig config, std::unique_ptr<Sampler> sampler,
                 HostCountersReader hostReader, QObject *parent = nullptr);
    ~AgentRuntime() final;

    void start();
    const QList<ServiceMonitor *> &monitors() const { return m_monitors; }
    // What GET /status answers: the node, each service's verdict and routes, and the BGP
    // side (bridge, neighbor sessions, per prefix desired versus acknowledged).
    QJsonObject status() const;

private:
    void fastTick();
    void fullTick();
    // Hands every prefix's decision to the BGP controller and sends what changed.
    void publishRoutes();
    void reportSamplerError(const QString &path, const QString &error);
    // Pings systemd's watchdog only while both loops still run (see the .cpp).
    void watchdogTick();

    AgentConfig m_config;
    std::unique_ptr<Sampler> m_sampler;
    SampleCollector m_collector;
    QList<ServiceMonitor *> m_monitors;
    QTimer m_fastTimer;
    QTimer m_fullTimer;
    QString m_lastSamplerError;
    bool m_routesChanged = true; // the first publish sends everything
    BgpController m_bgp;
    BgpBridgeServer m_bridgeServer;
    StatusHttpServer m_http;
    SystemdNotifier m_systemd;
    QTimer m_watchdogTimer;
    std::chrono::microseconds m_watchdogInterval{0};
    SteadyTime m_lastFastTick{};
    SteadyTime m_lastFullTick{};
};

// One line per event, for the journal: "health web: healthy -> down: no listener on :443".
void logLine(const QString &line);

} // namespace anycast
