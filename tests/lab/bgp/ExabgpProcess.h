#pragma once

#include <QList>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <chrono>
#include <optional>

namespace anycast::lab {

// A route in the node's `static { }` block, announced as soon as the session is up.
struct StaticRoute
{
    QString prefix;
    // Not a loopback address: GoBGP takes a 127.x next hop as invalid and the update as a
    // withdraw. Use the documentation range.
    QString nextHop = QStringLiteral("198.51.100.1");
    std::optional<quint32> med;
    QStringList communities; // "65001:100"
    QList<quint32> asPath;   // the whole path; ExaBGP does not prepend local-as to it
};

// An ExaBGP API process (`process NAME { run ARGV; encoder json; }`), wired to the neighbor
// with `api { processes [NAME]; neighbor-changes; }`. Arguments must not contain whitespace
// or ';' (ExaBGP splits `run` on whitespace).
struct ApiProcess
{
    QString name = QStringLiteral("bridge");
    QStringList argv;
};

struct ExabgpNodeConfig
{
    QString localAddress; // 127.0.0.x, x >= 2 (BgpLab picks one when empty)
    quint32 localAs = 65001;
    QString peerAddress = QStringLiteral("127.0.0.1");
    quint32 peerAs = 65000;
    quint16 peerPort = 0; // the GoBGP BGP port (`connect` in ExaBGP's neighbor)
    QList<StaticRoute> staticRoutes;
    std::optional<ApiProcess> api;
};

// One ExaBGP 4.2 per lab node, in the foreground, unprivileged, no CLI pipes, logging to a
// file in its own temporary folder. The destructor stops it and whatever it started.
class ExabgpProcess
{
public:
    explicit ExabgpProcess(ExabgpNodeConfig config);
    ~ExabgpProcess();
    ExabgpProcess(const ExabgpProcess &) = delete;
    ExabgpProcess &operator=(const ExabgpProcess &) = delete;

    // Writes the config and starts exabgp; true once the process runs (not the session:
    // wait for that on the GoBGP side).
    bool start();
    // SIGTERM (ExaBGP closes the session and ends its API processes), SIGKILL after `grace`.
    void stop(std::chrono::milliseconds grace = std::chrono::seconds(5));
    // SIGKILL, like a crash: the session drops when the kernel closes the socket, and API
    // processes are orphaned until stop() or the destructor ends them.
    void kill();
    bool restart();
    bool isRunning();
    qint64 pid() const { return m_pid; }

    const ExabgpNodeConfig &config() const { return m_config; }
    QString configPath() const;
    QString workDir() const { return m_dir.path(); }
    QString log() const;
    QString lastError() const { return m_lastError; }

    // The ExaBGP 4.2 configuration text for `config`; empty with `error` set if it cannot be
    // expressed (an API argument with whitespace, say).
    static QString renderConfig(const ExabgpNodeConfig &config, QString *error = nullptr);

private:
    void rememberChildren();
    void stopOrphans();

    ExabgpNodeConfig m_config;
    QTemporaryDir m_dir;
    QProcess m_process;
    qint64 m_pid = 0;
    QList<QPair<qint64, QString>> m_children;
    QString m_lastError;
};

} // namespace anycast::lab
