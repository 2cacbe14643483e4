#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <chrono>
#include <deque>

class QTemporaryDir;

namespace anycast::labtest {

// One TOML table's `key = value` lines in the order first set; setting a key again replaces
// its value in place. Values are TOML already (see the to*Toml helpers below).
class TomlKeys
{
public:
    void set(const QString &key, const QString &value);
    bool isEmpty() const { return m_entries.isEmpty(); }
    QString text() const;

private:
    QList<QPair<QString, QString>> m_entries;
};

QString toStringToml(const QString &text);
QString toStringArrayToml(const QStringList &texts);
QString toDurationToml(std::chrono::milliseconds duration);

// One [[service]] block of an AgentTestConfig, with its [service.thresholds] and
// [service.route] tables. Setters name the agent's keys (docs/CONFIG.md).
class ServiceTestConfig
{
public:
    ServiceTestConfig(const QString &name, const QList<quint16> &ports);

    const QString &name() const { return m_name; }
    ServiceTestConfig &ports(const QList<quint16> &value);
    ServiceTestConfig &prefixes(const QStringList &value);
    ServiceTestConfig &rise(int value);
    ServiceTestConfig &fall(int value);
    ServiceTestConfig &listenerLossImmediate(bool value);
    ServiceTestConfig &probe(const QString &url);
    ServiceTestConfig &probeInterval(std::chrono::milliseconds value);
    ServiceTestConfig &probeTimeout(std::chrono::milliseconds value);
    ServiceTestConfig &probeRetryDelay(std::chrono::milliseconds value);
    ServiceTestConfig &probeExpectStatus(int value);

    // [service.thresholds]
    ServiceTestConfig &acceptQueueRatio(double value);
    ServiceTestConfig &acceptQueueDepth(int value);
    ServiceTestConfig &acceptStall(std::chrono::milliseconds value);
    ServiceTestConfig &acceptStallWithdraw(std::chrono::milliseconds value);
    ServiceTestConfig &unreadAge(std::chrono::milliseconds value);
    ServiceTestConfig &unreadConnections(int value);
    ServiceTestConfig &unansweredAge(std::chrono::milliseconds value);
    ServiceTestConfig &unansweredAgeMin(std::chrono::milliseconds value);
    ServiceTestConfig &unansweredConnections(int value);

    // [service.route]
    ServiceTestConfig &med(quint32 value);
    ServiceTestConfig &communities(const QStringList &value);
    ServiceTestConfig &degradedPrepend(int value);
    ServiceTestConfig &degradedMed(quint32 value);
    ServiceTestConfig &withdrawOnDown(bool value);
    ServiceTestConfig &downMed(quint32 value);
    ServiceTestConfig &drainPrepend(int value);
    ServiceTestConfig &drainFloor(quint64 value);
    ServiceTestConfig &drainGrace(std::chrono::milliseconds value);

    QString text() const;

private:
    QString m_name;
    TomlKeys m_keys;
    TomlKeys m_thresholds;
    TomlKeys m_route;
};

// A test agent's agent.toml, written into a folder the test owns (a QTemporaryDir) with the
// API socket, the BGP socket and state_dir (a `state` folder) inside it, so that agents of
// parallel tests never share them. http_listen is off ("") unless set: the agent's default is
// a fixed port. Only what a test sets is written; the agent's defaults decide the rest.
// Setters name the agent's keys (docs/CONFIG.md); extraLine() is for what they do not cover,
// such as a line the agent must refuse.
class AgentTestConfig
{
public:
    explicit AgentTestConfig(const QTemporaryDir &dir);
    // The same in a folder the harness owns some other way (it must exist).
    explicit AgentTestConfig(const QString &folder);

    // [agent]
    AgentTestConfig &node(const QString &value);
    AgentTestConfig &region(const QString &value);
    AgentTestConfig &location(double latitude, double longitude);
    AgentTestConfig &operatorsGroup(const QString &value);
    AgentTestConfig &apiGroup(const QString &value);
    AgentTestConfig &bgpGroup(const QString &value);
    AgentTestConfig &history(std::chrono::milliseconds value);
    AgentTestConfig &httpListen(quint16 loopbackPort);
    AgentTestConfig &fastPathInterval(std::chrono::milliseconds value);
    AgentTestConfig &sampleInterval(std::chrono::milliseconds value);
    AgentTestConfig &connectionWatchCpuPercent(double value);

    // [bgp]
    AgentTestConfig &localAs(quint32 value);
    AgentTestConfig &nextHop(const QString &value);
    AgentTestConfig &onAgentLoss(const QString &value);
    AgentTestConfig &flapBudget(int value);
    AgentTestConfig &flapWindowSeconds(int value);

    // [fleet]
    AgentTestConfig &peers(const QStringList &urls);
    AgentTestConfig &minAnnouncing(int value);
    AgentTestConfig &pollInterval(std::chrono::milliseconds value);
    AgentTestConfig &pollTimeout(std::chrono::milliseconds value);
    AgentTestConfig &sharedFaultCheck(bool value);

    // A [[service]] block after the ones added before; the reference stays valid.
    ServiceTestConfig &addService(const QString &name, const QList<quint16> &ports);
    // The service added under `name` (which must exist).
    ServiceTestConfig &service(const QString &name);
    // A raw TOML line after everything else (in the last table written).
    AgentTestConfig &extraLine(const QString &line);

    QString text() const;
    // Writes (or rewrites) agent.toml and makes the state folder: the file's path, or an
    // empty string when either fails.
    QString write() const;

    QString path() const;
    QString apiSocket() const;
    QString bgpSocket() const;
    QString stateDir() const;

private:
    QString m_folder;
    TomlKeys m_agent;
    TomlKeys m_bgp;
    TomlKeys m_fleet;
    std::deque<ServiceTestConfig> m_services;
    QStringList m_extraLines;
};

} // namespace anycast::labtest
