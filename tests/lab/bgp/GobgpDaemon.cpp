#include "tests/lab/bgp/GobgpDaemon.h"

#include "tests/lab/bgp/LabSystem.h"
#include "tests/support/LoopbackPort.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>

namespace anycast::lab {

namespace {

constexpr int PollIntervalMs = 20;
constexpr int CliTimeoutMs = 5000;

QString gobgpdLogName()
{
    return QStringLiteral("gobgpd.log");
}

} // namespace

GobgpDaemon::GobgpDaemon(quint32 localAs)
    : m_localAs(localAs)
    , m_dir(QDir::tempPath() + QStringLiteral("/anycast-gobgp-XXXXXX"))
{}

GobgpDaemon::~GobgpDaemon()
{
    stop();
}

void GobgpDaemon::addNeighbor(const QString &address, quint32 peerAs)
{
    m_neighbors.append({address, peerAs});
}

QString GobgpDaemon::configPath() const
{
    return m_dir.filePath(QStringLiteral("gobgpd.toml"));
}

QString GobgpDaemon::renderConfig() const
{
    QString text;
    text += QStringLiteral("[global.config]\n  as = %1\n  router-id = \"127.0.0.1\"\n"
                           "  port = %2\n  local-address-list = [\"127.0.0.1\"]\n")
                .arg(m_localAs)
                .arg(m_bgpPort);
    for (const Neighbor &neighbor : m_neighbors) {
        // Passive: gobgpd must never dial out on port 179 of a lab address; the node connects
        // to our high port instead.
        text += QStringLiteral("\n[[neighbors]]\n  [neighbors.config]\n"
                               "    neighbor-address = \"%1\"\n    peer-as = %2\n"
                               "  [neighbors.transport.config]\n    passive-mode = true\n"
                               "    local-address = \"127.0.0.1\"\n")
                    .arg(neighbor.address)
                    .arg(neighbor.peerAs);
    }
    return text;
}

bool GobgpDaemon::start(std::chrono::milliseconds timeout)
{
    if (!m_dir.isValid()) {
        m_lastError = QStringLiteral("no temporary folder: %1").arg(m_dir.errorString());
        return false;
    }
    m_bgpPort = test::freeLoopbackPort();
    m_apiPort = test::freeLoopbackPort();
    QFile config(configPath());
    if (!config.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        config.write(renderConfig().toUtf8()) < 0) {
        m_lastError = QStringLiteral("cannot write %1").arg(configPath());
        return false;
    }
    config.close();

    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(m_dir.filePath(gobgpdLogName()), QIODevice::Append);
    // --pprof-disable: otherwise every gobgpd binds localhost:6060 and parallel labs clash.
    m_process.start(QStringLiteral("gobgpd"),
                    {QStringLiteral("-f"), configPath(), QStringLiteral("--api-hosts"),
                     QStringLiteral("127.0.0.1:%1").arg(m_apiPort), QStringLiteral("-l"),
                     QStringLiteral("info"), QStringLiteral("-p"),
                     QStringLiteral("--pprof-disable")});
    if (!m_process.waitForStarted(5000)) {
        m_lastError = QStringLiteral("gobgpd did not start: %1").arg(m_process.errorString());
        return false;
    }
    const bool ready = waitUntil(
        [this] {
            if (!isListeningOnLoopback(m_bgpPort))
                return false;
            const auto states = neighborStates();
            if (!states)
                return false;
            for (const Neighbor &neighbor : m_neighbors) {
                if (!states->contains(neighbor.address))
                    return false;
            }
            return true;
        },
        timeout);
    if (!ready) {
        m_lastError = QStringLiteral("gobgpd not ready on BGP port %1 / API port %2 after %3 ms")
                          .arg(m_bgpPort)
                          .arg(m_apiPort)
                          .arg(timeout.count());
        stop();
    }
    return ready;
}

void GobgpDaemon::stop(std::chrono::milliseconds grace)
{
    stopProcess(m_process, grace);
}

bool GobgpDaemon::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

qint64 GobgpDaemon::pid() const
{
    return m_process.processId();
}

QString GobgpDaemon::log() const
{
    QFile file(m_dir.filePath(gobgpdLogName()));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

std::optional<QByteArray> GobgpDaemon::cli(const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(QStringLiteral("gobgp"),
                  QStringList{QStringLiteral("-p"), QString::number(m_apiPort),
                              QStringLiteral("-u"), QStringLiteral("127.0.0.1"),
                              QStringLiteral("-j")} +
                      arguments);
    if (!process.waitForFinished(CliTimeoutMs)) {
        stopProcess(process, std::chrono::milliseconds(100));
        m_lastError = QStringLiteral("gobgp %1 timed out").arg(arguments.join(u' '));
        return std::nullopt;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_lastError = QStringLiteral("gobgp %1 failed: %2")
                          .arg(arguments.join(u' '),
                               QString::fromUtf8(process.readAllStandardError()).trimmed());
        return std::nullopt;
    }
    return process.readAllStandardOutput();
}

std::optional<QMap<QString, QString>> GobgpDaemon::neighborStates()
{
    const auto output = cli({QStringLiteral("neighbor")});
    return output ? parseGobgpNeighborStates(*output) : std::nullopt;
}

bool GobgpDaemon::waitSessionState(const QString &address, const QString &state,
                                   std::chrono::milliseconds timeout)
{
    return waitUntil(
        [&] {
            const auto states = neighborStates();
            return states && states->value(address) == state;
        },
        timeout);
}

bool GobgpDaemon::waitEstablished(const QString &address, std::chrono::milliseconds timeout)
{
    return waitSessionState(address, QStringLiteral("established"), timeout);
}

bool GobgpDaemon::waitAcceptingConnections(const QString &address,
                                           std::chrono::milliseconds timeout)
{
    return waitSessionState(address, QStringLiteral("active"), timeout);
}

bool GobgpDaemon::waitNotEstablished(const QString &address, std::chrono::milliseconds timeout)
{
    return waitUntil(
        [&] {
            const auto states = neighborStates();
            return states && states->contains(address) &&
                   states->value(address) != QStringLiteral("established");
        },
        timeout);
}

std::optional<QList<RibRoute>> GobgpDaemon::rib()
{
    const auto output = cli({QStringLiteral("global"), QStringLiteral("rib")});
    if (!output)
        return std::nullopt;
    auto routes = parseGobgpRib(*output);
    if (!routes)
        m_lastError = QStringLiteral("unexpected RIB JSON: %1").arg(QString::fromUtf8(*output));
    return routes;
}

std::optional<RibRoute>
GobgpDaemon::waitForRoute(const QString &prefix,
                          const std::function<bool(const RibRoute &)> &accept,
                          std::chrono::milliseconds timeout)
{
    std::optional<RibRoute> found;
    waitUntil(
        [&] {
            const auto routes = rib();
            if (!routes)
                return false;
            for (const RibRoute &route : *routes) {
                if (route.prefix == prefix && (!accept || accept(route))) {
                    found = route;
                    return true;
                }
            }
            return false;
        },
        timeout);
    return found;
}

bool GobgpDaemon::waitForNoRoute(const QString &prefix, std::chrono::milliseconds timeout)
{
    return waitUntil(
        [&] {
            const auto routes = rib();
            if (!routes)
                return false;
            return std::none_of(routes->begin(), routes->end(),
                                [&](const RibRoute &route) { return route.prefix == prefix; });
        },
        timeout);
}

bool GobgpDaemon::waitUntil(const std::function<bool()> &condition,
                            std::chrono::milliseconds timeout)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        if (condition())
            return true;
        // A dead daemon will not change its mind; fail now with its log rather than later.
        if (m_process.state() == QProcess::NotRunning) {
            m_lastError = QStringLiteral("gobgpd is not running");
            return false;
        }
        if (timer.elapsed() >= timeout.count())
            return false;
        // Sleeps like msleep, but also notices the daemon's exit without an event loop.
        m_process.waitForFinished(PollIntervalMs);
    }
}

} // namespace anycast::lab
