#pragma once

#include "agent/support/FileDescriptor.h"
#include "tests/integration/AgentProcess.h"

#include <QString>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace anycast::sshlab {

// What a test may change of the lab agent's configuration.
struct LabAgentOptions
{
    QString region = QStringLiteral("lab");
    QString operatorsGroup = QStringLiteral("root");
    QString apiGroup;  // empty: the agent's default (operators_group)
    QString extraToml; // more TOML after the service: its [service.route], [bgp], ...
    // [agent] location, [latitude, longitude] in degrees; none: the key is left out.
    std::optional<std::array<double, 2>> location;
};

// The real anycast-agent behind the test's sshd: a configuration of its own in `folder`
// (API socket, BGP socket and state there), one service on a loopback port it listens on so
// that the agent has something healthy to report, full samples every 200 ms.
class LabAgent
{
public:
    LabAgent(QString folder, QString node, LabAgentOptions options = {});
    ~LabAgent();
    LabAgent(const LabAgent &) = delete;
    LabAgent &operator=(const LabAgent &) = delete;

    // Starts the agent and waits until its API socket accepts. Empty on success.
    QString start();
    void stop();
    QString socketPath() const;
    const QString &node() const { return m_node; }
    // The loopback port of the agent's one service ("web", 192.0.2.1/32), once started.
    quint16 servicePort() const { return m_servicePort; }
    // Opens `count` connections to the service and accepts them, as a server would: idle
    // ESTABLISHED connections that a drain has to bleed off. False if one failed.
    bool holdConnections(int count);
    void dropConnections();
    const QString &region() const { return m_options.region; }
    QString log() const;

private:
    QString m_folder;
    QString m_node;
    LabAgentOptions m_options;
    FileDescriptor m_service;
    std::vector<FileDescriptor> m_connections;
    quint16 m_servicePort = 0;
    std::unique_ptr<labtest::AgentProcess> m_process;
};

} // namespace anycast::sshlab
