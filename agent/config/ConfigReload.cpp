#include "agent/config/ConfigReload.h"

namespace anycast {
namespace {

struct Collector
{
    QStringList changes;

    template <typename T> void compare(const T &before, const T &after, const QString &what)
    {
        if (!(before == after))
            changes.append(what + QStringLiteral(" changed"));
    }
};

} // namespace

QStringList restartOnlyChanges(const AgentConfig &running, const AgentConfig &next)
{
    Collector check;
    check.compare(running.node, next.node, QStringLiteral("[agent] node"));
    check.compare(running.region, next.region, QStringLiteral("[agent] region"));
    check.compare(running.apiSocket, next.apiSocket, QStringLiteral("[agent] api_socket"));
    check.compare(running.bgpSocket, next.bgpSocket, QStringLiteral("[agent] bgp_socket"));
    check.compare(running.stateDir, next.stateDir, QStringLiteral("[agent] state_dir"));
    check.compare(running.httpListen, next.httpListen, QStringLiteral("[agent] http_listen"));
    check.compare(running.apiGroup, next.apiGroup, QStringLiteral("[agent] api_group"));
    check.compare(running.bgpGroup, next.bgpGroup, QStringLiteral("[agent] bgp_group"));
    check.compare(running.fastPathInterval, next.fastPathInterval,
                  QStringLiteral("[agent] fast_path_interval"));
    check.compare(running.sampleInterval, next.sampleInterval,
                  QStringLiteral("[agent] sample_interval"));
    check.compare(running.history, next.history, QStringLiteral("[agent] history"));
    check.compare(running.connectionWatchCpuPercent, next.connectionWatchCpuPercent,
                  QStringLiteral("[agent] connection_watch_cpu_percent"));
    check.compare(running.bgp.localAs, next.bgp.localAs, QStringLiteral("[bgp] local_as"));
    check.compare(running.bgp.nextHop, next.bgp.nextHop, QStringLiteral("[bgp] next_hop"));
    check.compare(running.bgp.onAgentLoss, next.bgp.onAgentLoss,
                  QStringLiteral("[bgp] on_agent_loss"));
    const QStringList before = running.serviceNames();
    const QStringList after = next.serviceNames();
    if (before != after) {
        check.changes.append(
            QStringLiteral("the services changed (%1 -> %2)")
                .arg(before.join(QStringLiteral(", ")), after.join(QStringLiteral(", "))));
        return check.changes;
    }
    for (qsizetype i = 0; i < running.services.size(); ++i) {
        const QString name = QStringLiteral("[[service]] %1 ").arg(running.services[i].name);
        check.compare(running.services[i].ports, next.services[i].ports, name + "ports");
        check.compare(running.services[i].prefixes, next.services[i].prefixes, name + "prefixes");
    }
    return check.changes;
}

} // namespace anycast
