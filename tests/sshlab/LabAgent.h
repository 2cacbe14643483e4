#pragma once

#include "AgentProcess.h"

#include <QString>

#include <memory>

namespace anycast::sshlab {

// The real anycast-agent behind the test's sshd: a configuration of its own in `folder`
// (API socket, BGP socket and state there), one service on a loopback port it listens on so
// that the agent has something healthy to report, full samples every 200 ms.
class LabAgent
{
public:
    LabAgent(QString folder, QString node, QString region = QStringLiteral("lab"));
    ~LabAgent();
    LabAgent(const LabAgent &) = delete;
    LabAgent &operator=(const LabAgent &) = delete;

    // Starts the agent and waits until its API socket accepts. Empty on success.
    QString start();
    void stop();
    QString socketPath() const { return m_folder + QStringLiteral("/api.sock"); }
    const QString &node() const { return m_node; }
    // The loopback port of its service "web" (0 before start()): connect to it to give the
    // agent ESTABLISHED sockets to count (they wait in the listener's accept queue).
    quint16 servicePort() const { return m_servicePort; }
    const QString &region() const { return m_region; }
    QString log() const;

private:
    QString m_folder;
    QString m_node;
    QString m_region;
    int m_serviceFd = -1;
    quint16 m_servicePort = 0;
    std::unique_ptr<labtest::AgentProcess> m_process;
};

} // namespace anycast::sshlab
