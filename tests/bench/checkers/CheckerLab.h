#pragma once

#include "tests/bench/common/RibEvents.h"
#include "tests/bench/common/TimedChild.h"
#include "tests/lab/LabClient.h"
#include "tests/lab/bgp/BgpLab.h"

#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace anycast::bench {

// One way of watching the service and steering its route: the agent, or exabgp's bundled
// healthcheck, each the API process of an ExaBGP of its own, each with its own prefix.
struct Checker
{
    QString name;
    QString prefix;
    pid_t pid = -1; // the process whose CPU counts (the healthcheck's curl runs included)

    // The route it announces while the service is healthy: one AS, MED 100.
    bool healthy(const RibEvent &event) const
    {
        return !event.withdrawn && event.asPathLength == 1 && event.med == 100u;
    }
};

// The benchmark's lab: anycast-lab-service on 127.0.0.1, one GoBGP upstream, and three
// ExaBGP 4.2 nodes: the agent's bridge (agent at its defaults, with an http probe), and
// Debian's exabgp healthcheck at its defaults and at its most aggressive settings, both
// checking the service with the same curl command.
class CheckerLab
{
public:
    // Throws std::runtime_error with the reason when something does not start.
    explicit CheckerLab(int backlog);

    labtest::LabServiceProcess &service() { return *m_service; }
    RibEvents &rib() { return *m_rib; }
    std::vector<Checker> &checkers() { return m_checkers; }
    TimedChild &agent() { return *m_agent; }
    quint16 servicePort() const { return m_service->port(); }
    // Until every checker announces its healthy route; false after `patience`.
    bool waitAllHealthy(std::chrono::milliseconds patience);
    // Each checker's latest route and the daemons' logs: why waitAllHealthy() failed.
    QString diagnostics();
    // Every process the lab started directly (ExaBGP ends the ones it started itself).
    std::vector<pid_t> processes();

private:
    QString writeAgentConfig(const QString &socket) const;
    QString writeCheckScript() const;

    QTemporaryDir m_dir;
    std::unique_ptr<labtest::LabServiceProcess> m_service;
    lab::BgpLab m_bgp;
    std::unique_ptr<RibEvents> m_rib;
    std::unique_ptr<TimedChild> m_agent;
    std::vector<Checker> m_checkers;
};

} // namespace anycast::bench
