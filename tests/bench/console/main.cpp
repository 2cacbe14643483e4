// anycast-bench-console: the console's UI thread and memory with N agents at 1 Hz. The agents
// are anycast-agent-simulator (a child process, real protocol over N Unix sockets, no SSH);
// the console is the real one offscreen: a NodeSession per agent, the fleet state, the
// fleet tree (the main window's QTreeView on FleetModel), the prefix model and the charts'
// store; then the same steady state with the charts page shown on one region. See
// docs/PERFORMANCE.md, "Console at 200 and 500 agents".

#include "app/MainWindow.h"
#include "app/models/FleetModel.h"
#include "app/models/PrefixModel.h"
#include "app/session/ConsoleFleet.h"
#include "app/views/ChartsPage.h"
#include "tests/bench/console/BenchLoop.h"
#include "tests/bench/console/LoopProbe.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>

using namespace anycast;
using namespace anycast::bench;

namespace {

// The console's targets (docs/PERFORMANCE.md, "Console at 200 and 500 agents"): 500 agents
// with the UI thread busy at most 25 %, no stall over 50 ms, RSS at most 500 MB (10^6 bytes).
constexpr double kBusyTarget = 0.25;
constexpr double kStallTargetMs = 50;
constexpr double kRssTargetMb = 500;

struct Options
{
    int agents = 200;
    int seconds = 30;
    int warmup = 10;
    int reference = 5;
    int historySeconds = 3600;
    int regions = 25;
    double flapEvery = 300;
    bool requireTargets = false;
    QString simulator = QStringLiteral(ANYCAST_BIN_DIR "/anycast-agent-simulator");
};

std::optional<Options> parse(const QStringList &arguments)
{
    Options options;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        if (arg == QLatin1String("--require-targets")) {
            options.requireTargets = true;
            continue;
        }
        if (i + 1 >= arguments.size())
            return std::nullopt;
        const QString value = arguments[++i];
        bool ok = true;
        if (arg == QLatin1String("--agents"))
            options.agents = value.toInt(&ok);
        else if (arg == QLatin1String("--seconds"))
            options.seconds = value.toInt(&ok);
        else if (arg == QLatin1String("--warmup"))
            options.warmup = value.toInt(&ok);
        else if (arg == QLatin1String("--reference"))
            options.reference = value.toInt(&ok);
        else if (arg == QLatin1String("--history"))
            options.historySeconds = value.toInt(&ok);
        else if (arg == QLatin1String("--regions"))
            options.regions = value.toInt(&ok);
        else if (arg == QLatin1String("--flap-every"))
            options.flapEvery = value.toDouble(&ok);
        else if (arg == QLatin1String("--simulator"))
            options.simulator = value;
        else
            return std::nullopt;
        if (!ok)
            return std::nullopt;
    }
    if (options.agents < 1 || options.seconds < 1 || options.warmup < 0 || options.reference < 1)
        return std::nullopt;
    return options;
}

const char *verdict(bool met)
{
    return met ? "MET" : "MISSED";
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const std::optional<Options> parsed = parse(QCoreApplication::arguments());
    if (!parsed) {
        std::fprintf(stderr, "usage: anycast-bench-console [--agents N] [--seconds S] [--warmup S] "
                             "[--reference S] [--history S] [--regions R] [--flap-every S] "
                             "[--simulator PATH] [--require-targets]\n");
        return 64;
    }
    const Options options = *parsed;
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/acbench-XXXXXX"));
    if (!dir.isValid()) {
        std::fprintf(stderr, "anycast-bench-console: no temporary folder\n");
        return 73;
    }
    std::printf("anycast-bench-console: %d agents in %d regions at 1 Hz, history %d s, a flap per "
                "agent every %.0f s; %d s warm-up, %d s measured\n",
                options.agents, options.regions, options.historySeconds, options.flapEvery,
                options.warmup, options.seconds);

    ConsoleFleet fleet;
    MainWindow window(fleet.state(), fleet.store(), nullptr, {});
    PrefixModel prefixes(fleet.state());
    window.show();

    // Reference, same process and machine: the window shown with no agents, after its first
    // paint. What the probe itself and the machine's other load cost.
    runFor(std::chrono::seconds(1));
    LoopProbe probe;
    probe.start();
    runFor(std::chrono::seconds(options.reference));
    const LoopProbe::Result idle = probe.stop();

    QProcess simulator;
    simulator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    simulator.start(options.simulator,
                    {QStringLiteral("--dir"), dir.path(), QStringLiteral("--agents"),
                     QString::number(options.agents), QStringLiteral("--regions"),
                     QString::number(options.regions), QStringLiteral("--history-seconds"),
                     QString::number(options.historySeconds), QStringLiteral("--flap-every"),
                     QString::number(options.flapEvery)});
    if (!simulator.waitForStarted(10000) || !simulator.waitForReadyRead(60000) ||
        !simulator.readLine().startsWith("ready")) {
        std::fprintf(stderr, "anycast-bench-console: the simulator did not start: %s\n",
                     qPrintable(simulator.errorString()));
        return 70;
    }

    // Connect: every session greets, subscribes and backfills the charts' first view; the rest
    // of the hour follows in the background, and is waited for before the steady state.
    QElapsedTimer connecting;
    connecting.start();
    probe.start();
    for (int i = 0; i < options.agents; ++i)
        fleet.addLocalAgent(QDir(dir.path()).filePath(QStringLiteral("agent-%1.sock").arg(i)));
    const auto allConnected = [&] {
        const QStringList endpoints = fleet.state()->endpoints();
        return std::all_of(endpoints.begin(), endpoints.end(), [&](const QString &endpoint) {
            return fleet.state()->node(endpoint)->link.isConnected() &&
                   fleet.state()->node(endpoint)->status.has_value() &&
                   !fleet.store()->services(endpoint).isEmpty();
        });
    };
    runUntil(allConnected, std::chrono::minutes(10));
    const double connectSeconds = static_cast<double>(connecting.elapsed()) / 1000;
    const LoopProbe::Result connect = probe.stop();
    if (!allConnected()) {
        std::fprintf(stderr, "anycast-bench-console: not every agent connected within 10 min\n");
        return 70;
    }
    probe.start();
    runUntil([&] { return historyComplete(fleet); }, std::chrono::minutes(20));
    const double completeSeconds = static_cast<double>(connecting.elapsed()) / 1000;
    const LoopProbe::Result rest = probe.stop();
    if (!historyComplete(fleet)) {
        std::fprintf(stderr, "anycast-bench-console: the hour of history was not in within "
                             "20 min of the first views\n");
        return 70;
    }
    runFor(std::chrono::seconds(options.warmup));

    probe.start();
    runFor(std::chrono::seconds(options.seconds));
    const LoopProbe::Result steady = probe.stop();
    const auto [rssMb, hwmMb] = memoryMb();
    const double storeMb = static_cast<double>(fleet.store()->bytesUsed()) / 1e6;
    const int rows = window.fleetModel()->rowCount();

    // The same steady state with the charts page shown on one region instead of the tree: the
    // charts' own cost is the difference to the line above, in the same run.
    const QString chartedRegion = fleet.state()->regions().value(0);
    const qsizetype chartedNodes = fleet.state()->endpointsIn(chartedRegion).size();
    window.showView(QStringLiteral("charts"));
    window.chartsPage()->showRegion(chartedRegion);
    runFor(std::chrono::seconds(2));
    const int rebuildsBefore = window.chartsPage()->rebuildCount();
    const int replacesBefore = window.chartsPage()->updater().totalReplaceCount();
    probe.start();
    runFor(std::chrono::seconds(options.seconds));
    const LoopProbe::Result charted = probe.stop();
    const int rebuilds = window.chartsPage()->rebuildCount() - rebuildsBefore;
    const int replaces = window.chartsPage()->updater().totalReplaceCount() - replacesBefore;
    window.showView(QStringLiteral("fleet"));

    print("reference (no agents)", idle);
    print("connect + first 5 min", connect);
    print("rest of the hour", rest);
    print("steady state", steady);
    print("steady, charts shown", charted);
    std::printf("charts shown on region %s (%lld nodes): %d rebuilds in %.0f s, %.1f replace() "
                "per rebuild; UI thread busy %.1f %% vs %.1f %% with the tree shown\n",
                qPrintable(chartedRegion), static_cast<long long>(chartedNodes), rebuilds,
                charted.wallSeconds, rebuilds ? double(replaces) / rebuilds : 0.0,
                charted.busyFraction * 100, steady.busyFraction * 100);
    std::printf("time until all %d connected with the last 5 min: %.1f s; with the hour: %.1f s\n",
                options.agents, connectSeconds, completeSeconds);
    std::printf("RSS %.0f MB (peak %.0f MB); time-series store %.1f MB (%zu bytes per node and "
                "service); %d regions in the tree; %d prefixes\n",
                rssMb, hwmMb, storeMb, TimeSeriesStore::bytesPerServiceSeries(), rows,
                prefixes.rowCount());
    const bool busyMet = steady.busyFraction <= kBusyTarget;
    // Judged on the stall as measured, scheduler and all: the operator does not care why.
    const bool stallMet = steady.longestStallMs <= kStallTargetMs;
    const bool rssMet = hwmMb <= kRssTargetMb;
    std::printf("target UI thread busy <= 25 %%: %s (%.1f %%)\n", verdict(busyMet),
                steady.busyFraction * 100);
    std::printf("target no stall over 50 ms (steady state): %s (%.1f ms)\n", verdict(stallMet),
                steady.longestStallMs);
    std::printf("target RSS <= 500 MB (peak): %s (%.0f MB)\n", verdict(rssMet), hwmMb);

    simulator.closeWriteChannel();
    if (!simulator.waitForFinished(10000)) {
        simulator.kill();
        simulator.waitForFinished(5000);
    }
    if (options.requireTargets && !(busyMet && stallMet && rssMet))
        return 1;
    return 0;
}
