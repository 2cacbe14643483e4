#pragma once

#include "tests/integration/AgentProcess.h"
#include "tests/lab/LabClient.h"

#include <QJsonObject>
#include <QStringList>
#include <QTemporaryDir>

#include <chrono>
#include <memory>

namespace anycast::labtest {

// What differs between the lab's agents.
struct LabAgentOptions
{
    QString node = QStringLiteral("lab-1");
    QString prefix = QStringLiteral("192.0.2.10/32");
    QStringList peers; // other agents' http://127.0.0.1:PORT
    int minAnnouncing = 1;
    quint64 drainFloor = 10;
    std::chrono::milliseconds drainGrace = std::chrono::minutes(5);
    QString onAgentLoss = QStringLiteral("keep");
    bool httpProbe = false; // probe the lab service with GET / (its `status` command fails it)
    bool sharedFaultCheck = false;
};

// One anycast node of the end-to-end lab: anycast-lab-service on loopback and the real
// anycast-agent watching it, with its API socket, state_dir and bridge socket in a folder of
// its own. ExaBGP (and the bridge it runs) come from BgpLab; bridgeArguments() is what its
// API process runs.
// GET /status from an agent's http_listen on 127.0.0.1; empty when it does not answer.
QJsonObject fetchStatus(quint16 port);

class LabAgentNode
{
public:
    explicit LabAgentNode(LabAgentOptions options);

    QStringList bridgeArguments() const;
    // Before startAgent(): e.g. peers, once every node's port is known.
    void setOptions(LabAgentOptions options) { m_options = std::move(options); }
    // Starts (or, after kill(), restarts) the agent on the same config and state_dir.
    void startAgent();
    void killAgent() { m_agent->kill(); }
    AgentProcess &agent() { return *m_agent; }
    LabServiceProcess &service() { return *m_service; }
    quint16 httpPort() const { return m_httpPort; }
    QString httpUrl() const;
    QString stateDir() const;
    QString apiSocket() const;

    // One JSON-RPC call on a fresh connection to the API socket: the whole reply object
    // ({"result": ...} or {"error": ...}), or an empty object when the agent did not answer.
    QJsonObject call(const QString &method, const QJsonObject &params = {}) const;
    // GET /status (the same JSON as the API's status).
    QJsonObject status() const;
    // The route the agent decided for its prefix, from status: {"state", "reason", ...}.
    QJsonObject route() const;
    // Until the agent's last full sample counts `count` established connections.
    bool waitForEstablished(quint64 count) const;

private:
    QString writeConfig() const;

    LabAgentOptions m_options;
    QTemporaryDir m_dir;
    quint16 m_httpPort;
    std::unique_ptr<LabServiceProcess> m_service;
    std::unique_ptr<AgentProcess> m_agent;
};

} // namespace anycast::labtest
