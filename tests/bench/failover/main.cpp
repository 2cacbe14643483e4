// anycast-bench-failover: how fast a failed service's route leaves a real BGP peer's RIB,
// and how fast it comes back. Every part is real: anycast-lab-service -> anycast-agent ->
// anycast-exabgp-bridge under ExaBGP 4.2 -> BGP -> GoBGP, whose RIB is polled with
// `gobgp -j` (every ~20 ms, so each time is late by at most one poll). A benchmark, not a
// test: it prints p50/p99 and MET/MISSED against the targets and exits 0 unless something
// failed to run.

#include "AgentProcess.h"
#include "BgpLab.h"
#include "LabClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

namespace {

using namespace std::chrono_literals;
using namespace anycast;

const QString kPrefix = QStringLiteral("192.0.2.20/32");

double percentile(std::vector<double> values, double share)
{
    std::sort(values.begin(), values.end());
    const auto index =
        static_cast<std::size_t>(share * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

void printRow(const char *what, const std::vector<double> &values)
{
    std::printf("  %-34s p50 %7.1f ms   p99 %7.1f ms   min %7.1f   max %7.1f\n", what,
                percentile(values, 0.5), percentile(values, 0.99),
                *std::min_element(values.begin(), values.end()),
                *std::max_element(values.begin(), values.end()));
}

QString writeConfig(const QTemporaryDir &dir, const QString &socket, quint16 port)
{
    const QString path = dir.filePath(QStringLiteral("agent.toml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    // Defaults of the agent (fast path 100 ms, full sample 1 s, rise 3, fall 2) except the
    // flap budget: the benchmark flaps on purpose, 2 changes a trial.
    file.write(QStringLiteral(R"([agent]
node = "bench-1"
region = "lab"
bgp_socket = "%1"
[bgp]
local_as = 65001
next_hop = "198.51.100.9"
flap_budget = 1000
[[service]]
name = "web"
ports = [%2]
prefixes = ["%3"]
probe = "tcp://127.0.0.1:%2"
)")
                   .arg(socket, QString::number(port), kPrefix)
                   .toUtf8());
    return path;
}

int run(int trials)
{
    QTemporaryDir dir;
    const QString socket = dir.filePath(QStringLiteral("bgp.sock"));
    labtest::LabServiceProcess service({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    lab::BgpLab bgp;
    lab::ExabgpNodeConfig node;
    node.api = lab::ApiProcess{QStringLiteral("anycast-agent"),
                               {QStringLiteral(ANYCAST_BIN_DIR "/anycast-exabgp-bridge"),
                                QStringLiteral("--socket"), socket}};
    bgp.addNode(node);
    if (!bgp.start()) {
        std::fprintf(stderr, "error: the BGP lab did not start:\n%s\n",
                     qPrintable(bgp.diagnostics()));
        return 1;
    }
    const QString agentLog = dir.filePath(QStringLiteral("agent.log"));
    labtest::AgentProcess agent(writeConfig(dir, socket, service.port()), agentLog);
    lab::GobgpDaemon &gobgp = bgp.gobgp();
    if (!gobgp.waitForRoute(kPrefix, {}, 30s)) {
        std::fprintf(stderr, "error: the route never reached GoBGP\n%s\n",
                     qPrintable(bgp.diagnostics()));
        return 1;
    }
    std::printf("lab ready: GoBGP + ExaBGP 4.2 + bridge + agent; %d trials of close/reopen\n",
                trials);

    std::vector<double> withdrawals;
    std::vector<double> announcements;
    // Each trial starts right after the route came back, which happens on a full-sample
    // tick, so without a pause every close would land at the same phase of the agent's
    // 100 ms fast path. A random pause spreads the closes over it.
    std::mt19937 random(20261125);
    std::uniform_int_distribution<int> pauseMs(0, 999);
    for (int trial = 1; trial <= trials; ++trial) {
        QElapsedTimer timer;
        QThread::msleep(static_cast<unsigned long>(pauseMs(random)));
        service.command("close-listener");
        timer.start();
        if (!gobgp.waitForNoRoute(kPrefix, 30s)) {
            std::fprintf(stderr, "error: trial %d: the route was never withdrawn\n", trial);
            return 1;
        }
        withdrawals.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        service.command("reopen-listener");
        timer.restart();
        if (!gobgp.waitForRoute(kPrefix, {}, 30s)) {
            std::fprintf(stderr, "error: trial %d: the route never came back\n", trial);
            return 1;
        }
        announcements.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        std::printf("  trial %2d: withdrawn in %6.1f ms, announced again in %7.1f ms\n", trial,
                    withdrawals.back(), announcements.back());
        std::fflush(stdout);
    }

    std::printf("\nresults over %d trials\n", trials);
    printRow("listener closed -> route withdrawn", withdrawals);
    printRow("listener back -> route announced", announcements);
    const double p50 = percentile(withdrawals, 0.5);
    const double p99 = percentile(withdrawals, 0.99);
    std::printf("\ntargets (withdrawal)\n  p50 <= 300 ms   %7.1f ms   %s\n  p99 <= 1000 ms  %7.1f "
                "ms   %s\n",
                p50, p50 <= 300 ? "MET" : "MISSED", p99, p99 <= 1000 ? "MET" : "MISSED");
    std::printf("(re-announcement waits for rise = 3 good checks at the 1 s sample interval)\n");
    // With the bridge connected, as in production: the agent must stop as systemd stops it.
    if (const QStringList problems = agent.stop(); !problems.isEmpty()) {
        std::fprintf(stderr, "error: the agent did not stop cleanly (log: %s):\n  %s\n",
                     qPrintable(agentLog), qPrintable(problems.join(QStringLiteral("\n  "))));
        return 1;
    }
    std::printf("agent stopped by SIGTERM: exit 0, no Qt warnings in its log\n");
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int trials = 20;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--trials") == 0 && i + 1 < argc) {
            trials = std::atoi(argv[++i]);
        } else {
            std::fprintf(stderr, "usage: anycast-bench-failover [--trials N]\n");
            return 2;
        }
    }
    if (trials < 1) {
        std::fprintf(stderr, "--trials must be at least 1\n");
        return 2;
    }
    return run(trials);
}
