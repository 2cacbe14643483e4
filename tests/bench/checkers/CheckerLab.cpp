#include "tests/bench/checkers/CheckerLab.h"

#include "tests/lab/bgp/LabSystem.h"

#include <QFile>

#include <stdexcept>
#include <thread>

namespace anycast::bench {
namespace {

using namespace std::chrono_literals;

const QString kAgentPrefix = QStringLiteral("192.0.2.31/32");
const QString kDefaultsPrefix = QStringLiteral("192.0.2.32/32");
const QString kAggressivePrefix = QStringLiteral("192.0.2.33/32");

// Debian's exabgp package ships the healthcheck as a module of its own Python.
QStringList healthcheck(const QString &prefix, const QString &nextHop, const QString &check)
{
    return {QStringLiteral("/usr/bin/python3"), QStringLiteral("-m"), QStringLiteral("exabgp"),
            QStringLiteral("healthcheck"), QStringLiteral("--no-syslog"),
            // It would otherwise add the prefix to the loopback interface.
            QStringLiteral("--no-ip-setup"), QStringLiteral("--ip"), prefix,
            QStringLiteral("--next-hop"), nextHop, QStringLiteral("--cmd"), check};
}

pid_t pidRunning(const QString &needle)
{
    const QList<qint64> pids = lab::processesMentioning(needle);
    for (const qint64 pid : pids) {
        if (lab::commandLineOf(pid).contains(QStringLiteral("healthcheck")))
            return static_cast<pid_t>(pid);
    }
    return -1;
}

} // namespace

CheckerLab::CheckerLab(int backlog)
{
    if (!m_dir.isValid())
        throw std::runtime_error("no temporary folder");
    m_service = std::make_unique<labtest::LabServiceProcess>(
        QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                    QStringLiteral("--backlog"), QString::number(backlog)});
    const QString socket = m_dir.filePath(QStringLiteral("bgp.sock"));
    const QString check = writeCheckScript();

    lab::ExabgpNodeConfig agentNode;
    agentNode.api = lab::ApiProcess{QStringLiteral("anycast-agent"),
                                    {QStringLiteral(ANYCAST_BIN_DIR "/anycast-exabgp-bridge"),
                                     QStringLiteral("--socket"), socket}};
    m_bgp.addNode(agentNode);
    lab::ExabgpNodeConfig defaultsNode;
    defaultsNode.api =
        lab::ApiProcess{QStringLiteral("healthcheck"),
                        healthcheck(kDefaultsPrefix, QStringLiteral("198.51.100.32"), check)};
    m_bgp.addNode(defaultsNode);
    lab::ExabgpNodeConfig aggressiveNode;
    aggressiveNode.api = lab::ApiProcess{
        QStringLiteral("healthcheck"),
        healthcheck(kAggressivePrefix, QStringLiteral("198.51.100.33"), check) +
            QStringList{QStringLiteral("--interval"), QStringLiteral("1"),
                        QStringLiteral("--fast-interval"), QStringLiteral("1"),
                        QStringLiteral("--rise"), QStringLiteral("1"), QStringLiteral("--fall"),
                        QStringLiteral("1"), QStringLiteral("--timeout"), QStringLiteral("1"),
                        QStringLiteral("--withdraw-on-down")}};
    m_bgp.addNode(aggressiveNode);
    if (!m_bgp.start())
        throw std::runtime_error("the BGP lab did not start:\n" +
                                 m_bgp.diagnostics().toStdString());
    m_rib = std::make_unique<RibEvents>(m_bgp.gobgp().apiPort());
    m_agent = std::make_unique<TimedChild>(std::vector<std::string>{
        ANYCAST_BIN_DIR "/anycast-agent", "--config", writeAgentConfig(socket).toStdString()});

    m_checkers = {
        {QStringLiteral("agent"), kAgentPrefix, m_agent->pid()},
        {QStringLiteral("healthcheck defaults"), kDefaultsPrefix, pidRunning(kDefaultsPrefix)},
        {QStringLiteral("healthcheck aggressive"), kAggressivePrefix,
         pidRunning(kAggressivePrefix)},
    };
    for (const Checker &checker : m_checkers) {
        if (checker.pid <= 0)
            throw std::runtime_error("no process found for " + checker.name.toStdString());
    }
}

QString CheckerLab::writeCheckScript() const
{
    // ExaBGP splits `run` on whitespace, so the healthcheck's command lives in a script. The
    // healthcheck's --timeout kills it; curl's own defaults wait longer than any of them.
    const QString path = m_dir.filePath(QStringLiteral("check"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw std::runtime_error("cannot write " + path.toStdString());
    file.write(QStringLiteral("#!/bin/sh\nexec curl -sf -o /dev/null http://127.0.0.1:%1/\n")
                   .arg(m_service->port())
                   .toUtf8());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                        QFileDevice::ReadOther | QFileDevice::ExeOther);
    return path;
}

QString CheckerLab::writeAgentConfig(const QString &socket) const
{
    const QString path = m_dir.filePath(QStringLiteral("agent.toml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw std::runtime_error("cannot write " + path.toStdString());
    // The agent's defaults (fast path 25 ms, full sample 1 s, rise 3, fall 2, an http probe
    // every 100 ms with a 1 s timeout and a 200 ms retry, a wrong answer asked again at once,
    // the hang windows and the learned bound on unanswered requests), except
    // the flap budget: the benchmark fails the service on purpose, ten times a round.
    file.write(QStringLiteral(R"([agent]
node = "bench-1"
region = "lab"
api_socket = "%1/api.sock"
bgp_socket = "%2"
state_dir = "%1"
http_listen = ""
[bgp]
local_as = 65001
next_hop = "198.51.100.31"
flap_budget = 1000
[[service]]
name = "web"
ports = [%3]
prefixes = ["%4"]
probe = "http://127.0.0.1:%3/"
)")
                   .arg(m_dir.path(), socket, QString::number(m_service->port()), kAgentPrefix)
                   .toUtf8());
    return path;
}

QString CheckerLab::diagnostics()
{
    QString text;
    for (const Checker &checker : m_checkers) {
        const auto latest = m_rib->latest(checker.prefix);
        text += QStringLiteral("%1 (%2): %3\n")
                    .arg(checker.name, checker.prefix,
                         !latest             ? QStringLiteral("never in the RIB")
                         : latest->withdrawn ? QStringLiteral("withdrawn")
                                             : QStringLiteral("AS path %1, MED %2")
                                                   .arg(latest->asPathLength)
                                                   .arg(latest->med ? QString::number(*latest->med)
                                                                    : QStringLiteral("none")));
    }
    text += QStringLiteral("--- agent ---\n");
    for (const TimedLine &line : m_agent->lines())
        text += QString::fromStdString(line.text) + QLatin1Char('\n');
    return text + m_bgp.diagnostics();
}

std::vector<pid_t> CheckerLab::processes()
{
    std::vector<pid_t> pids{m_agent->pid(), m_rib->pid(),
                            static_cast<pid_t>(m_service->process().processId()),
                            static_cast<pid_t>(m_bgp.gobgp().pid())};
    for (int i = 0; i < m_bgp.nodeCount(); ++i)
        pids.push_back(static_cast<pid_t>(m_bgp.node(i).pid()));
    return pids;
}

bool CheckerLab::waitAllHealthy(std::chrono::milliseconds patience)
{
    const Clock::time_point deadline = Clock::now() + patience;
    while (Clock::now() < deadline) {
        bool all = true;
        for (const Checker &checker : m_checkers) {
            const auto latest = m_rib->latest(checker.prefix);
            all = all && latest && checker.healthy(*latest);
        }
        if (all)
            return true;
        std::this_thread::sleep_for(50ms);
    }
    return false;
}

} // namespace anycast::bench
