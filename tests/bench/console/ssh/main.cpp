// anycast-bench-console-ssh: the console with N nodes behind one real sshd. The sshd is the
// tests' own (tests/sshlab: loopback, throwaway host and user keys, AllowStreamLocalForwarding),
// the agents are anycast-agent-simulator's N Unix sockets, and the console is the real path:
// an inventory of N `ssh` nodes, FleetConnections and SshTransport (libssh), the node
// sessions, FleetModel and the window's tree, offscreen. Measures the time until every node
// is connected with status, then the steady state: UI-thread busy fraction, longest stall,
// and the whole process's CPU (the SSH network threads included). See docs/PERFORMANCE.md.

#include "app/MainWindow.h"
#include "app/inventory/InventoryWatcher.h"
#include "app/session/ConsoleFleet.h"
#include "app/transport/FleetConnections.h"
#include "app/transport/SshNetwork.h"
#include "tests/bench/console/BenchLoop.h"
#include "tests/bench/console/LoopProbe.h"
#include "tests/sshlab/SshKeyPair.h"
#include "tests/sshlab/SshServer.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <pwd.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace anycast;
using namespace anycast::bench;

namespace {

double processCpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

QString currentUser()
{
    const passwd *entry = ::getpwuid(::geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QStringLiteral("root");
}

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    const QByteArray bytes = text.toUtf8();
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

int fail(const QString &why)
{
    std::fprintf(stderr, "anycast-bench-console-ssh: %s\n", qPrintable(why));
    return 70;
}

struct Options
{
    int nodes = 50;
    int seconds = 30;
    int warmup = 5;
};

std::optional<Options> parse(const QStringList &arguments)
{
    Options options;
    for (int i = 1; i < arguments.size(); i += 2) {
        bool ok = false;
        const int value = arguments.value(i + 1).toInt(&ok);
        if (!ok || value < 1)
            return std::nullopt;
        if (arguments[i] == QLatin1String("--nodes"))
            options.nodes = value;
        else if (arguments[i] == QLatin1String("--seconds"))
            options.seconds = value;
        else if (arguments[i] == QLatin1String("--warmup"))
            options.warmup = value;
        else
            return std::nullopt;
    }
    return options;
}

// The console's files: an ssh_config naming the lab sshd "lab", known_hosts trusting its key,
// and an inventory of `nodes` nodes through it, one simulated agent socket each.
bool writeConsoleFiles(const QTemporaryDir &dir, const sshlab::SshServer &sshd,
                       const sshlab::SshKeyPair &userKey, int nodes)
{
    const QString knownHosts = dir.filePath(QStringLiteral("known_hosts"));
    const QString sshConfig = dir.filePath(QStringLiteral("ssh_config"));
    QString inventory = QStringLiteral("ssh_config = \"%1\"\n").arg(sshConfig);
    for (int i = 0; i < nodes; ++i) {
        inventory += QStringLiteral("[[node]]\nssh = \"lab\"\nsocket = \"%1\"\n")
                         .arg(dir.filePath(QStringLiteral("agent-%1.sock").arg(i)));
    }
    return writeFile(knownHosts, sshd.knownHostsLine() + QLatin1Char('\n')) &&
           writeFile(sshConfig, QStringLiteral("Host lab\n    HostName 127.0.0.1\n    Port %1\n"
                                               "    User %2\n    IdentityFile %3\n"
                                               "    UserKnownHostsFile %4\n")
                                    .arg(sshd.port())
                                    .arg(currentUser(), userKey.path, knownHosts)) &&
           writeFile(dir.filePath(QStringLiteral("fleet.toml")), inventory);
}

// Connects every node through sshd, then measures the steady state. 0 when all connected.
int measure(const QString &inventoryPath, const Options &options)
{
    SshNetwork network;
    FleetConnections connections(network);
    InventoryWatcher inventory(inventoryPath);
    QObject::connect(
        &inventory, &InventoryWatcher::inventoryChanged, &connections,
        [&connections](const Inventory &, const InventoryDiff &diff) { connections.apply(diff); });
    ConsoleFleet fleet;
    fleet.follow(&connections);
    MainWindow window(fleet.state(), fleet.store(), &inventory, QString());
    window.show();
    runFor(std::chrono::seconds(1));

    QElapsedTimer connecting;
    connecting.start();
    LoopProbe probe;
    probe.start();
    if (!inventory.start())
        return fail(inventory.error());
    const auto connectedCount = [&] {
        int connected = 0;
        for (const QString &endpoint : fleet.state()->endpoints()) {
            const NodeSnapshot *node = fleet.state()->node(endpoint);
            connected += node->link.isConnected() && node->status.has_value() ? 1 : 0;
        }
        return connected;
    };
    runUntil([&] { return connectedCount() == options.nodes; }, std::chrono::minutes(5));
    const double connectSeconds = static_cast<double>(connecting.elapsed()) / 1000;
    // The hour of history each node backfills (the last five minutes first, the rest in the
    // background; a few at a time, fleet-wide) is part of connecting, not of the steady state.
    const auto firstViews = [&] {
        const QStringList endpoints = fleet.state()->endpoints();
        return std::all_of(endpoints.begin(), endpoints.end(), [&](const QString &endpoint) {
            return !fleet.store()->services(endpoint).isEmpty();
        });
    };
    runUntil(firstViews, std::chrono::minutes(5));
    const double firstViewSeconds = static_cast<double>(connecting.elapsed()) / 1000;
    runUntil([&] { return historyComplete(fleet); }, std::chrono::minutes(10));
    const double backfillSeconds = static_cast<double>(connecting.elapsed()) / 1000;
    const LoopProbe::Result connect = probe.stop();
    if (connectedCount() != options.nodes) {
        std::fprintf(stderr, "anycast-bench-console-ssh: only %d of %d nodes connected in 5 min\n",
                     connectedCount(), options.nodes);
        return 70;
    }
    runFor(std::chrono::seconds(options.warmup));
    const double cpuBefore = processCpuSeconds();
    QElapsedTimer wall;
    wall.start();
    probe.start();
    runFor(std::chrono::seconds(options.seconds));
    const LoopProbe::Result steady = probe.stop();
    const double processCpu =
        (processCpuSeconds() - cpuBefore) / (static_cast<double>(wall.elapsed()) / 1000);
    const auto [rssMb, hwmMb] = memoryMb();
    print("connect + backfill", connect);
    print("steady state", steady);
    std::printf("time until all %d connected (with status): %.1f s; with the last 5 min: %.1f s; "
                "with the hour: %.1f s%s\n",
                options.nodes, connectSeconds, firstViewSeconds, backfillSeconds,
                historyComplete(fleet) ? "" : " (NOT all in: the limit of 10 min passed)");
    std::printf("console process CPU in steady state (UI + SSH threads): %.1f %% of one core; "
                "RSS %.0f MB (peak %.0f MB)\n",
                processCpu * 100, rssMb, hwmMb);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    ::unsetenv("SSH_AUTH_SOCK");
    QApplication app(argc, argv);
    const std::optional<Options> options = parse(QCoreApplication::arguments());
    if (!options) {
        std::fprintf(stderr, "usage: anycast-bench-console-ssh [--nodes N] [--seconds S] "
                             "[--warmup S]\n");
        return 64;
    }
    // Short: the agents' socket paths must fit sun_path.
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/acbs-XXXXXX"));
    if (!dir.isValid())
        return fail(QStringLiteral("no temporary folder"));

    sshlab::SshServer sshd(dir.path(), QStringLiteral("sshd"));
    sshlab::SshKeyPair userKey;
    if (const QString error = sshd.prepare(); !error.isEmpty())
        return fail(error);
    if (const QString error = sshlab::SshKeyPair::generate(
            dir.filePath(QStringLiteral("user_ed25519")), QStringLiteral("ed25519"), &userKey);
        !error.isEmpty())
        return fail(error);
    if (!sshd.authorize(userKey.publicLine()))
        return fail(QStringLiteral("cannot write authorized_keys"));
    if (const QString error = sshd.start(); !error.isEmpty())
        return fail(error);

    QProcess simulator;
    simulator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    simulator.start(QStringLiteral(ANYCAST_BIN_DIR "/anycast-agent-simulator"),
                    {QStringLiteral("--dir"), dir.path(), QStringLiteral("--agents"),
                     QString::number(options->nodes), QStringLiteral("--regions"),
                     QString::number(std::max(1, options->nodes / 5))});
    if (!simulator.waitForStarted(10000) || !simulator.waitForReadyRead(60000) ||
        !simulator.readLine().startsWith("ready"))
        return fail(QStringLiteral("the simulator did not start"));
    if (!writeConsoleFiles(dir, sshd, userKey, options->nodes))
        return fail(QStringLiteral("cannot write the console's files"));

    std::printf("anycast-bench-console-ssh: %d nodes behind one sshd (simulated agents at 1 Hz); "
                "%d s warm-up, %d s measured\n",
                options->nodes, options->warmup, options->seconds);
    const int status = measure(dir.filePath(QStringLiteral("fleet.toml")), *options);
    simulator.closeWriteChannel();
    if (!simulator.waitForFinished(10000)) {
        simulator.kill();
        simulator.waitForFinished(5000);
    }
    return status;
}
