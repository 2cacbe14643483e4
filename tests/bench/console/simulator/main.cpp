// anycast-agent-simulator: many simulated anycast-agents in one process, each on its own
// Unix socket, speaking the real operator API (built from common/protocol's types) with a
// sample per interval and occasional health flaps. For the console benchmark; not an agent.
//
//   anycast-agent-simulator --dir DIR --agents N [--regions R] [--interval-ms MS]
//                           [--history-seconds S] [--flap-every SECONDS]
//
// Sockets are DIR/agent-0.sock ... DIR/agent-<N-1>.sock. Prints "ready N" once all listen,
// then runs until killed or until its standard input closes.

#include "tests/bench/console/simulator/SimulatedAgent.h"

#include <QCoreApplication>
#include <QDir>
#include <QSocketNotifier>

#include <cstdio>
#include <memory>
#include <random>
#include <unistd.h>
#include <vector>

using namespace anycast;
using namespace anycast::bench;

namespace {

struct Options
{
    QString dir;
    int agents = 10;
    int regions = 25;
    int intervalMs = 1000;
    int historySeconds = 3600;
    double flapEverySeconds = 300;
};

// Region centres spread over the map, so that a map view has something to draw.
GeoLocation locationOf(int region)
{
    return GeoLocation{-40.0 + (region * 37) % 100, -170.0 + (region * 83) % 340};
}

bool parse(const QStringList &arguments, Options *options)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        if (i + 1 >= arguments.size())
            return false;
        const QString value = arguments[++i];
        bool ok = true;
        if (arg == QLatin1String("--dir"))
            options->dir = value;
        else if (arg == QLatin1String("--agents"))
            options->agents = value.toInt(&ok);
        else if (arg == QLatin1String("--regions"))
            options->regions = value.toInt(&ok);
        else if (arg == QLatin1String("--interval-ms"))
            options->intervalMs = value.toInt(&ok);
        else if (arg == QLatin1String("--history-seconds"))
            options->historySeconds = value.toInt(&ok);
        else if (arg == QLatin1String("--flap-every"))
            options->flapEverySeconds = value.toDouble(&ok);
        else
            return false;
        if (!ok)
            return false;
    }
    return !options->dir.isEmpty() && options->agents > 0 && options->regions > 0 &&
           options->intervalMs > 0 && options->historySeconds > 0 && options->flapEverySeconds > 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options options;
    if (!parse(QCoreApplication::arguments(), &options)) {
        std::fprintf(stderr, "usage: anycast-agent-simulator --dir DIR --agents N [--regions R] "
                             "[--interval-ms MS] [--history-seconds S] [--flap-every SECONDS]\n");
        return 64;
    }
    if (!QDir().mkpath(options.dir)) {
        std::fprintf(stderr, "anycast-agent-simulator: cannot create %s\n",
                     qPrintable(options.dir));
        return 73;
    }
    std::vector<std::unique_ptr<SimulatedAgent>> agents;
    std::mt19937 random(1);
    std::uniform_int_distribution<int> phase(0, options.intervalMs - 1);
    for (int i = 0; i < options.agents; ++i) {
        SimulatedAgent::Config config;
        config.index = i;
        config.regionIndex = i % options.regions;
        config.region =
            QStringLiteral("region-%1").arg(config.regionIndex, 2, 10, QLatin1Char('0'));
        config.location = locationOf(config.regionIndex);
        config.socketPath = QDir(options.dir).filePath(QStringLiteral("agent-%1.sock").arg(i));
        config.interval = std::chrono::milliseconds(options.intervalMs);
        config.historySeconds = options.historySeconds;
        config.eventsPerSecond = 1.0 / options.flapEverySeconds;
        auto agent = std::make_unique<SimulatedAgent>(config);
        QString error;
        if (!agent->listen(&error)) {
            std::fprintf(stderr, "anycast-agent-simulator: %s: %s\n", qPrintable(config.socketPath),
                         qPrintable(error));
            return 71;
        }
        agent->start(std::chrono::milliseconds(phase(random)));
        agents.push_back(std::move(agent));
    }
    // The benchmark holds our stdin: when it goes away, so do we.
    QSocketNotifier stdinClosed(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&stdinClosed, &QSocketNotifier::activated, &app, [&] {
        char buffer[256];
        if (::read(STDIN_FILENO, buffer, sizeof(buffer)) <= 0)
            QCoreApplication::quit();
    });
    std::printf("ready %d\n", options.agents);
    std::fflush(stdout);
    return app.exec();
}
