#pragma once

#include "tests/lab/bgp/GobgpJson.h"

#include <QProcess>
#include <QTemporaryDir>

#include <chrono>
#include <functional>

namespace anycast::lab {

// gobgpd as the route collector of a lab: AS 65000 on 127.0.0.1 only, a kernel-chosen BGP
// port, passive neighbors (the ExaBGP nodes connect to it), the RIB read with `gobgp -j`.
// Everything lives in a private temporary folder; the destructor stops the daemon.
class GobgpDaemon
{
public:
    explicit GobgpDaemon(quint32 localAs = 65000);
    ~GobgpDaemon();
    GobgpDaemon(const GobgpDaemon &) = delete;
    GobgpDaemon &operator=(const GobgpDaemon &) = delete;

    // Before start(): a passive neighbor at `address` (127.0.0.x) in AS `peerAs`.
    void addNeighbor(const QString &address, quint32 peerAs = 65001);

    // Writes the config, starts gobgpd and waits until its BGP port listens and its API lists
    // every neighbor. False (see lastError() and log()) if that does not happen in `timeout`.
    bool start(std::chrono::milliseconds timeout = std::chrono::seconds(10));
    void stop(std::chrono::milliseconds grace = std::chrono::seconds(5));
    bool isRunning() const;
    qint64 pid() const;

    quint32 localAs() const { return m_localAs; }
    quint16 bgpPort() const { return m_bgpPort; }
    quint16 apiPort() const { return m_apiPort; }
    QString workDir() const { return m_dir.path(); }
    QString configPath() const;
    QString log() const;
    QString lastError() const { return m_lastError; }

    // Neighbor address -> session state ("idle", "active", "established" ...).
    std::optional<QMap<QString, QString>> neighborStates();
    // Polls until the neighbor's state is `state` ("established", "active", "idle" ...).
    bool waitSessionState(const QString &address, const QString &state,
                          std::chrono::milliseconds timeout);
    bool waitEstablished(const QString &address,
                         std::chrono::milliseconds timeout = std::chrono::seconds(15));
    bool waitNotEstablished(const QString &address,
                            std::chrono::milliseconds timeout = std::chrono::seconds(15));
    // After a session drops GoBGP sits in Idle for a fixed 5 s (holdtimeIdle, not
    // configurable) and closes every connection the peer makes meanwhile; it accepts again
    // once the neighbor is back in Active. Waiting for that spares a restarted ExaBGP its
    // growing reconnect back-off.
    bool waitAcceptingConnections(const QString &address,
                                  std::chrono::milliseconds timeout = std::chrono::seconds(15));

    // Every path of the global RIB; nullopt if the CLI failed or printed something else.
    std::optional<QList<RibRoute>> rib();
    // The first path for `prefix` that satisfies `accept`, polled every ~20 ms.
    std::optional<RibRoute>
    waitForRoute(const QString &prefix, const std::function<bool(const RibRoute &)> &accept = {},
                 std::chrono::milliseconds timeout = std::chrono::seconds(10));
    // True once no path for `prefix` is left in the RIB.
    bool waitForNoRoute(const QString &prefix,
                        std::chrono::milliseconds timeout = std::chrono::seconds(10));

    // Runs `gobgp -p API -u 127.0.0.1 -j ARGS...`; stdout, or nullopt on failure.
    std::optional<QByteArray> cli(const QStringList &arguments);

private:
    struct Neighbor
    {
        QString address;
        quint32 peerAs;
    };
    QString renderConfig() const;
    bool waitUntil(const std::function<bool()> &condition, std::chrono::milliseconds timeout);

    quint32 m_localAs;
    QList<Neighbor> m_neighbors;
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_bgpPort = 0;
    quint16 m_apiPort = 0;
    QString m_lastError;
};

} // namespace anycast::lab
