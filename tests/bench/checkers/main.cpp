// anycast-bench-checkers: the agent against exabgp's bundled healthcheck (Debian's package,
// at its defaults and at its most aggressive settings), side by side on the same lab
// service, the same faults at the same moments and the same clients. Each checker is the
// API process of its own ExaBGP, all three peering with one GoBGP, whose RIB is streamed
// and timestamped as it changes. Per checker and fault it prints the time to the route
// change (de-preferred or withdrawn), the clients that failed before it, the time to
// recover, and each checker's CPU; then the ratios against the aggressive healthcheck.
// With --false-positives it instead runs a healthy service under bursty load and counts
// route changes. A benchmark, not a test: it exits 0 unless something failed to run.

#include "agent/sampler/NetlinkSampler.h"
#include "tests/bench/checkers/CheckerLab.h"
#include "tests/bench/checkers/ClientLoad.h"
#include "tests/bench/common/AgentStop.h"
#include "tests/bench/common/ProcessCpu.h"
#include "tests/bench/common/StopOnSignal.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>
#include <thread>

namespace {

using namespace std::chrono_literals;
using namespace anycast::bench;

struct Fault
{
    const char *name;
    const char *inject;
    const char *clear;
    // The service still listens and its clients wait until they time out: the hangs socket
    // state exists to catch. (A closed port or an HTTP 500 fails each client at once.)
    bool hang;
    // Every fault but a closed listener, which the failover benchmark times to the
    // millisecond: the agent must move in at most a third of the aggressive healthcheck's
    // time.
    bool soft;
};

const std::vector<Fault> kFaults = {
    {"close-listener", "close-listener", "reopen-listener", false, false},
    {"pause-accept", "pause-accept", "resume-accept", true, true},
    {"pause-read", "pause-read", "resume-read", true, true},
    {"delay-5s", "delay 5000", "delay 0", true, true},
    {"status-500", "status 500", "status 200", false, true},
};

struct Options
{
    int trials = 3;
    std::vector<double> rates = {5, 50};
    std::vector<Fault> faults = kFaults;
    std::chrono::seconds faultWindow{30};
    int falsePositiveSeconds = 0;
    int burst = 300;
};

// One checker's result in one trial.
struct Outcome
{
    std::optional<double> changeSeconds; // none: no change within the fault window
    QString how;                         // "withdrawn", "de-preferred (AS path 4)", "MED 1000"
    int failedBefore = 0;
    std::optional<double> recoverySeconds;
};

struct Cell
{
    std::vector<Outcome> outcomes;
};

double seconds(Clock::duration duration)
{
    return std::chrono::duration<double>(duration).count();
}

double median(std::vector<double> values)
{
    if (values.empty())
        return NAN;
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

QString howChanged(const RibEvent &event)
{
    if (event.withdrawn)
        return QStringLiteral("withdrawn");
    if (event.asPathLength != 1)
        return QStringLiteral("de-preferred (AS path %1)").arg(event.asPathLength);
    return QStringLiteral("MED %1").arg(event.med ? QString::number(*event.med) : QString("-"));
}

// One fault, injected at a random moment, on the lab as it is; every checker's outcome.
std::vector<Outcome> runFault(CheckerLab &lab, ClientLoad &load, const Fault &fault,
                              const Options &options, std::mt19937 &random,
                              std::optional<double> &firstFailure)
{
    std::uniform_int_distribution<int> pauseMs(0, 999);
    std::this_thread::sleep_for(std::chrono::milliseconds(pauseMs(random)));
    const std::size_t from = lab.rib().position();
    const Clock::time_point injected = Clock::now();
    lab.service().command(fault.inject);
    const Clock::time_point windowEnd = injected + options.faultWindow;
    std::vector<Outcome> outcomes;
    std::vector<std::optional<RibEvent>> changes;
    for (const Checker &checker : lab.checkers()) {
        const auto change = lab.rib().waitFor(
            checker.prefix, [&](const RibEvent &event) { return !checker.healthy(event); }, from,
            windowEnd);
        changes.push_back(change);
        Outcome outcome;
        if (change) {
            outcome.changeSeconds = seconds(change->at - injected);
            outcome.how = howChanged(*change);
        }
        outcomes.push_back(outcome);
    }
    // Clients that failed after the fault began, before each checker moved its route.
    const auto finished = load.finishedSince(injected - 5s);
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        const Clock::time_point until = changes[i] ? changes[i]->at : windowEnd;
        outcomes[i].failedBefore = static_cast<int>(
            std::count_if(finished.begin(), finished.end(), [&](const ClientOutcome &client) {
                return !client.ok && client.ended >= injected && client.ended < until;
            }));
    }
    std::optional<Clock::time_point> first;
    for (const ClientOutcome &client : finished) {
        if (!client.ok && client.ended >= injected && (!first || client.ended < *first))
            first = client.ended;
    }
    firstFailure = first ? std::optional<double>(seconds(*first - injected)) : std::nullopt;

    const std::size_t clearedFrom = lab.rib().position();
    const Clock::time_point cleared = Clock::now();
    lab.service().command(fault.clear);
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        if (!changes[i])
            continue;
        const Checker &checker = lab.checkers()[i];
        const auto back = lab.rib().waitFor(
            checker.prefix, [&](const RibEvent &event) { return checker.healthy(event); },
            clearedFrom, cleared + 60s);
        if (back)
            outcomes[i].recoverySeconds = seconds(back->at - cleared);
    }
    return outcomes;
}

void printCell(const Fault &fault, double rate, const std::vector<QString> &names,
               const std::vector<Cell> &cells, const std::vector<double> &firstFailures, int &met,
               int &missed)
{
    std::printf("\n%s at %g new connections/s (%zu trials)\n", fault.name, rate,
                cells.front().outcomes.size());
    std::printf("  %-24s %13s %8s  %-26s %10s %10s\n", "checker", "route change", "range",
                "how (last)", "failed", "recovery");
    std::vector<double> medians;
    for (std::size_t c = 0; c < cells.size(); ++c) {
        std::vector<double> changes, failed, recoveries;
        int none = 0;
        QString how;
        double low = INFINITY, high = 0;
        for (const Outcome &outcome : cells[c].outcomes) {
            if (outcome.changeSeconds) {
                changes.push_back(*outcome.changeSeconds);
                low = std::min(low, *outcome.changeSeconds);
                high = std::max(high, *outcome.changeSeconds);
                how = outcome.how;
            } else {
                ++none;
            }
            failed.push_back(outcome.failedBefore);
            if (outcome.recoverySeconds)
                recoveries.push_back(*outcome.recoverySeconds);
        }
        medians.push_back(none == 0 ? median(changes) : NAN);
        const QString change =
            changes.empty() ? QStringLiteral("none")
            : none > 0 ? QStringLiteral("%1 s, %2 none").arg(median(changes), 0, 'f', 2).arg(none)
                       : QStringLiteral("%1 s").arg(median(changes), 0, 'f', 2);
        const QString range =
            changes.empty() ? QString()
                            : QStringLiteral("%1-%2").arg(low, 0, 'f', 2).arg(high, 0, 'f', 2);
        std::printf("  %-24s %13s %8s  %-26s %10.0f %10s\n", qPrintable(names[c]),
                    qPrintable(change), qPrintable(range), qPrintable(how), median(failed),
                    recoveries.empty()
                        ? "-"
                        : qPrintable(QStringLiteral("%1 s").arg(median(recoveries), 0, 'f', 2)));
    }
    const double firstFailure = median(firstFailures);
    std::printf("  first client failure after the fault: %s\n",
                std::isnan(firstFailure)
                    ? "none"
                    : qPrintable(QStringLiteral("%1 s (median)").arg(firstFailure, 0, 'f', 2)));
    if (std::isnan(medians[0]) || std::isnan(medians[2])) {
        std::printf("  ratio agent / aggressive healthcheck: n/a\n");
    } else {
        std::printf("  ratio agent / aggressive healthcheck: %.2f\n", medians[0] / medians[2]);
    }
    // Targets: for a hang, in every trial the agent moved before the first client failed;
    // for every soft fault, its median is at most a third of the aggressive healthcheck's.
    if (fault.hang) {
        bool beforeClients = !std::isnan(medians[0]);
        for (std::size_t t = 0; t < cells[0].outcomes.size() && beforeClients; ++t) {
            const auto &agent = cells[0].outcomes[t];
            beforeClients =
                agent.changeSeconds && (t >= firstFailures.size() || std::isnan(firstFailures[t]) ||
                                        *agent.changeSeconds < firstFailures[t]);
        }
        std::printf("  target: agent before the first client fails, every trial   %s\n",
                    beforeClients ? "MET" : "MISSED");
        (beforeClients ? met : missed) += 1;
    }
    if (fault.soft) {
        const bool third =
            !std::isnan(medians[0]) && !std::isnan(medians[2]) && medians[0] <= medians[2] / 3;
        std::printf("  target: agent <= 1/3 of the aggressive healthcheck          %s\n",
                    third ? "MET" : "MISSED");
        (third ? met : missed) += 1;
    }
}

int runComparison(const Options &options)
{
    CheckerLab lab(128);
    stopOnSignal(lab.processes());
    if (!lab.waitAllHealthy(90s)) {
        std::fprintf(stderr, "error: not every checker announced its route:\n%s\n",
                     qPrintable(lab.diagnostics()));
        return 1;
    }
    std::printf("lab ready: lab service (backlog 128), GoBGP, 3 ExaBGP 4.2: agent (defaults, "
                "http probe), healthcheck defaults, healthcheck aggressive\n");
    std::vector<ProcessCpu> cpu;
    for (const Checker &checker : lab.checkers())
        cpu.emplace_back(checker.pid);
    ClientLoad load(lab.servicePort(), 3s);
    std::mt19937 random(20261126);
    // (rate index, fault index) -> per checker cells, and first failures.
    std::map<std::pair<std::size_t, std::size_t>, std::vector<Cell>> results;
    std::map<std::pair<std::size_t, std::size_t>, std::vector<double>> firstFailures;
    for (int trial = 1; trial <= options.trials; ++trial) {
        for (std::size_t r = 0; r < options.rates.size(); ++r) {
            load.setPattern({options.rates[r], 0, {}});
            for (std::size_t f = 0; f < options.faults.size(); ++f) {
                if (!lab.waitAllHealthy(90s)) {
                    std::fprintf(stderr, "error: the checkers did not all recover:\n%s\n",
                                 qPrintable(lab.diagnostics()));
                    return 1;
                }
                std::this_thread::sleep_for(2s); // clients settle at the new rate
                std::optional<double> firstFailure;
                const auto outcomes =
                    runFault(lab, load, options.faults[f], options, random, firstFailure);
                auto &cells = results[{r, f}];
                cells.resize(outcomes.size());
                for (std::size_t c = 0; c < outcomes.size(); ++c)
                    cells[c].outcomes.push_back(outcomes[c]);
                firstFailures[{r, f}].push_back(firstFailure.value_or(NAN));
                std::printf("trial %d, %g/s, %-14s", trial, options.rates[r],
                            options.faults[f].name);
                for (std::size_t c = 0; c < outcomes.size(); ++c) {
                    std::printf("  %s %s", qPrintable(lab.checkers()[c].name),
                                outcomes[c].changeSeconds
                                    ? qPrintable(QStringLiteral("%1 s").arg(
                                          *outcomes[c].changeSeconds, 0, 'f', 2))
                                    : "none");
                }
                std::printf("\n");
                std::fflush(stdout);
            }
        }
    }
    load.setPattern({});
    std::vector<QString> names;
    for (const Checker &checker : lab.checkers())
        names.push_back(checker.name);
    int met = 0, missed = 0;
    for (std::size_t r = 0; r < options.rates.size(); ++r) {
        for (std::size_t f = 0; f < options.faults.size(); ++f)
            printCell(options.faults[f], options.rates[r], names, results[{r, f}],
                      firstFailures[{r, f}], met, missed);
    }
    std::printf("\nCPU over the whole run, %% of one core (the healthcheck's curl runs "
                "included)\n");
    for (std::size_t c = 0; c < cpu.size(); ++c)
        std::printf("  %-24s %6.2f%%\n", qPrintable(names[c]), cpu[c].percentOfOneCore());
    std::printf("\ntargets for the soft faults (pause-accept, pause-read, delay, status 500): %d "
                "met, %d missed\n",
                met, missed);
    return stopAgentCleanly(lab.agent()) ? 0 : 1;
}

// What the bursts did to the accept queue, read every 5 ms by a sampler of the benchmark's
// own: proof that the load made the queue fill and drain, the case a stall signal must not
// mistake for a hang.
struct QueueWatch
{
    std::uint64_t readings = 0;
    std::uint64_t nonEmpty = 0;
    quint32 deepest = 0;
    Clock::duration longestNonEmpty{}; // the longest run of readings with something queued
};

QueueWatch watchQueue(quint16 port, const std::atomic<bool> &stop)
{
    QueueWatch watch;
    auto portMap = anycast::PortMap::build({anycast::ServicePorts{QStringLiteral("lab"), {port}}});
    if (!portMap)
        return watch;
    anycast::NetlinkSampler sampler(std::move(portMap).value());
    Clock::time_point runStart{};
    bool inRun = false;
    while (!stop) {
        const auto sample = sampler.sampleListeners();
        const Clock::time_point now = Clock::now();
        if (sample && !sample->services.isEmpty() && !sample->services[0].listeners.isEmpty()) {
            const quint32 depth = sample->services[0].listeners[0].acceptQueue;
            ++watch.readings;
            watch.deepest = std::max(watch.deepest, depth);
            if (depth > 0) {
                ++watch.nonEmpty;
                if (!inRun)
                    runStart = now;
                inRun = true;
                watch.longestNonEmpty = std::max(watch.longestNonEmpty, now - runStart);
            } else {
                inRun = false;
            }
        }
        std::this_thread::sleep_for(5ms);
    }
    return watch;
}

int runFalsePositives(const Options &options)
{
    CheckerLab lab(4096);
    stopOnSignal(lab.processes());
    if (!lab.waitAllHealthy(90s)) {
        std::fprintf(stderr, "error: not every checker announced its route:\n%s\n",
                     qPrintable(lab.diagnostics()));
        return 1;
    }
    std::printf("healthy service, bursts of %d new connections every second, for %d s\n",
                options.burst, options.falsePositiveSeconds);
    const std::size_t from = lab.rib().position();
    const std::size_t logFrom = lab.agent().lineCount();
    ClientLoad load(lab.servicePort(), 3s);
    std::atomic<bool> stopWatching{false};
    QueueWatch queue;
    std::thread watcher(
        [&] { queue = watchQueue(static_cast<quint16>(lab.servicePort()), stopWatching); });
    const Clock::time_point start = Clock::now();
    load.setPattern({0, options.burst, 1000ms});
    const auto end = start + std::chrono::seconds(options.falsePositiveSeconds);
    while (Clock::now() < end) {
        std::this_thread::sleep_for(std::min<Clock::duration>(10s, end - Clock::now()));
        const auto finished = load.finishedSince(start);
        const auto failed =
            std::count_if(finished.begin(), finished.end(), [](const auto &c) { return !c.ok; });
        std::printf("  %4.0f s: %zu clients answered, %td failed\n", seconds(Clock::now() - start),
                    finished.size() - static_cast<std::size_t>(failed), failed);
        std::fflush(stdout);
    }
    load.setPattern({});
    stopWatching = true;
    watcher.join();
    std::printf("\naccept queue, read every 5 ms: %llu readings, %.1f%% with connections "
                "waiting, deepest %u, longest run with connections waiting %.0f ms\n",
                static_cast<unsigned long long>(queue.readings),
                queue.readings ? 100.0 * static_cast<double>(queue.nonEmpty) /
                                     static_cast<double>(queue.readings)
                               : 0.0,
                queue.deepest, seconds(queue.longestNonEmpty) * 1000);
    std::printf("\nroute changes during the run\n");
    int agentChanges = 0;
    for (const Checker &checker : lab.checkers()) {
        int changes = 0;
        for (const RibEvent &event : lab.rib().since(from)) {
            if (event.prefix == checker.prefix && !checker.healthy(event))
                ++changes;
        }
        if (checker.name == QStringLiteral("agent"))
            agentChanges = changes;
        std::printf("  %-24s %d\n", qPrintable(checker.name), changes);
    }
    std::printf("agent log lines about health during the run:\n");
    const auto lines = lab.agent().lines();
    for (std::size_t i = logFrom; i < lines.size(); ++i) {
        if (lines[i].text.starts_with("health ") || lines[i].text.starts_with("route "))
            std::printf("  %s\n", lines[i].text.c_str());
    }
    std::printf("target: zero route changes by the agent   %s\n",
                agentChanges == 0 ? "MET" : "MISSED");
    return stopAgentCleanly(lab.agent()) ? 0 : 1;
}

std::vector<std::string> split(const char *text)
{
    std::vector<std::string> parts;
    std::string part;
    for (const char *c = text;; ++c) {
        if (*c == ',' || *c == '\0') {
            if (!part.empty())
                parts.push_back(part);
            part.clear();
            if (*c == '\0')
                break;
        } else {
            part += *c;
        }
    }
    return parts;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Options options;
    const auto usage = [] {
        std::fprintf(stderr,
                     "usage: anycast-bench-checkers [--trials N] [--rates 5,50] "
                     "[--faults close-listener,pause-accept,pause-read,delay-5s,status-500] "
                     "[--fault-window SECONDS]\n"
                     "       anycast-bench-checkers --false-positives SECONDS [--burst N]\n");
        return 2;
    };
    for (int i = 1; i < argc; ++i) {
        const bool hasValue = i + 1 < argc;
        if (std::strcmp(argv[i], "--trials") == 0 && hasValue) {
            options.trials = std::atoi(argv[++i]);
        } else if (std::strcmp(argv[i], "--rates") == 0 && hasValue) {
            options.rates.clear();
            for (const std::string &rate : split(argv[++i]))
                options.rates.push_back(std::atof(rate.c_str()));
        } else if (std::strcmp(argv[i], "--faults") == 0 && hasValue) {
            options.faults.clear();
            for (const std::string &name : split(argv[++i])) {
                const auto fault = std::find_if(kFaults.begin(), kFaults.end(),
                                                [&](const Fault &f) { return name == f.name; });
                if (fault == kFaults.end())
                    return usage();
                options.faults.push_back(*fault);
            }
        } else if (std::strcmp(argv[i], "--fault-window") == 0 && hasValue) {
            options.faultWindow = std::chrono::seconds(std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--false-positives") == 0 && hasValue) {
            options.falsePositiveSeconds = std::atoi(argv[++i]);
        } else if (std::strcmp(argv[i], "--burst") == 0 && hasValue) {
            options.burst = std::atoi(argv[++i]);
        } else {
            return usage();
        }
    }
    const bool rateOk = std::all_of(options.rates.begin(), options.rates.end(),
                                    [](double rate) { return rate > 0 && rate <= 1000; });
    if (options.trials < 1 || options.rates.empty() || options.faults.empty() || !rateOk ||
        options.faultWindow.count() < 1 || options.burst < 1)
        return usage();
    try {
        return options.falsePositiveSeconds > 0 ? runFalsePositives(options)
                                                : runComparison(options);
    } catch (const std::exception &error) {
        std::fprintf(stderr, "error: %s\n", error.what());
        return 1;
    }
}
