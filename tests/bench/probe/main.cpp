// anycast-bench-probe: what the agent's active probe costs. The real anycast-agent watches
// the real anycast-lab-service (one service, no prefixes, so no BGP) in four configurations,
// interleaved round by round: no probe, an http:// probe every 1 s, the same every 100 ms
// (the default for http://), and a tcp:// probe every 100 ms (its default is 1 s; run this
// often, its cost per run stands out of the noise). Each run measures
// the agent's CPU and the lab service's CPU over the same window and counts the probe runs
// as the connections the lab service accepted. Prints per configuration the medians over
// rounds, the cost per probe run (the CPU above the no-probe run of the same round, divided
// by the runs), and the ratio of 100 ms to 1 s. A benchmark, not a test: it exits 0 unless
// something failed to run.

#include "tests/bench/probe/ProbeRun.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <sys/utsname.h>
#include <unistd.h>
#include <vector>

namespace {

using namespace std::chrono_literals;
using namespace anycast::bench;

const std::string kAgentBinary = ANYCAST_BIN_DIR "/anycast-agent";

struct Options
{
    int rounds = 3;
    RunTiming timing;
};

double median(std::vector<double> values)
{
    if (values.empty())
        return NAN;
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

std::string loadAverage()
{
    std::ifstream file("/proc/loadavg");
    std::string one, five, fifteen;
    file >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

void printMachine()
{
    utsname name{};
    uname(&name);
    std::printf("machine: %s %s %s, %ld CPUs; load average %s\n", name.sysname, name.release,
                name.machine, sysconf(_SC_NPROCESSORS_ONLN), loadAverage().c_str());
}

// Missing binaries are the usual first failure: say which, and how to build it.
bool binariesPresent()
{
    bool present = true;
    for (const std::string &binary : {kAgentBinary, anycast::labtest::binary()}) {
        if (access(binary.c_str(), X_OK) != 0) {
            std::fprintf(stderr,
                         "error: %s is missing or not executable: build it first "
                         "(cmake --build --preset dev --target anycast-bench-probe builds "
                         "both anycast-agent and anycast-lab-service)\n",
                         binary.c_str());
            present = false;
        }
    }
    return present;
}

std::vector<ProbeSetup> setups(quint16 port)
{
    const QString http = QStringLiteral("http://127.0.0.1:%1/").arg(port);
    const QString tcp = QStringLiteral("tcp://127.0.0.1:%1").arg(port);
    return {
        {"(a) no probe", {}, 0ms},
        {"(b) http 1s", http, 1000ms},
        {"(c) http 100ms", http, 100ms},
        {"(d) tcp 100ms", tcp, 100ms},
    };
}

void printRun(int round, int rounds, const ProbeSetup &setup, const RunResult &run)
{
    const double expected =
        setup.interval.count() > 0 ? run.wallSeconds * 1000 / double(setup.interval.count()) : 0;
    std::printf("round %d/%d  %-15s %6.2f s  %5ld runs (interval: %5.1f)  agent %6.3f%% "
                "(%7.2f ms; ticks %4.0f ms)  lab %6.3f%% (%6.2f ms; ticks %3.0f ms)\n",
                round, rounds, setup.label.c_str(), run.wallSeconds, run.probeRuns, expected,
                run.agentPercent(), run.agentSeconds * 1000, run.agentTickSeconds * 1000,
                run.labPercent(), run.labSeconds * 1000, run.labTickSeconds * 1000);
    if (run.healthChanges > 0)
        std::printf("  warning: %d health change(s) after the agent became healthy:\n%s",
                    run.healthChanges, run.healthLines.c_str());
    std::fflush(stdout);
}

// Per round, the CPU a configuration used above the no-probe run of the same round (rates,
// so that windows of slightly different lengths compare), divided by its probe runs.
struct Derived
{
    double agentExtraPercent = NAN;
    double agentMicrosPerRun = NAN;
    double labExtraPercent = NAN;
    double labMicrosPerRun = NAN;
};

Derived derive(const std::vector<RunResult> &runs, const std::vector<RunResult> &baseline)
{
    std::vector<double> agentExtra, agentPerRun, labExtra, labPerRun;
    for (std::size_t round = 0; round < runs.size(); ++round) {
        const RunResult &run = runs[round];
        const RunResult &none = baseline[round];
        const double agentRate =
            run.agentSeconds / run.wallSeconds - none.agentSeconds / none.wallSeconds;
        const double labRate =
            run.labSeconds / run.wallSeconds - none.labSeconds / none.wallSeconds;
        agentExtra.push_back(100 * agentRate);
        labExtra.push_back(100 * labRate);
        if (run.probeRuns > 0) {
            agentPerRun.push_back(1e6 * agentRate / run.runsPerSecond());
            labPerRun.push_back(1e6 * labRate / run.runsPerSecond());
        }
    }
    return {median(agentExtra), median(agentPerRun), median(labExtra), median(labPerRun)};
}

// The same probe at two rates in the same round: the CPU the extra runs cost, divided by
// them. The no-probe run drops out, and with it the noise of one more run.
struct Marginal
{
    double agentMicrosPerRun = NAN;
    double labMicrosPerRun = NAN;
};

Marginal marginalCost(const std::vector<RunResult> &faster, const std::vector<RunResult> &slower)
{
    std::vector<double> agent, lab;
    for (std::size_t round = 0; round < faster.size(); ++round) {
        const RunResult &fast = faster[round];
        const RunResult &slow = slower[round];
        const double extraRuns = fast.runsPerSecond() - slow.runsPerSecond();
        if (extraRuns <= 0)
            continue;
        agent.push_back(
            1e6 * (fast.agentSeconds / fast.wallSeconds - slow.agentSeconds / slow.wallSeconds) /
            extraRuns);
        lab.push_back(1e6 *
                      (fast.labSeconds / fast.wallSeconds - slow.labSeconds / slow.wallSeconds) /
                      extraRuns);
    }
    return {median(agent), median(lab)};
}

template <typename Value> std::vector<double> each(const std::vector<RunResult> &runs, Value value)
{
    std::vector<double> values;
    for (const RunResult &run : runs)
        values.push_back(value(run));
    return values;
}

void printSummary(const std::vector<ProbeSetup> &setups,
                  const std::vector<std::vector<RunResult>> &results, const Options &options)
{
    std::printf("\nmedians of %d round(s), %lld s measured each after a %lld s warm-up; CPU in "
                "%% of one core (per-process CPU clock); probe runs = connections the lab "
                "service accepted\n",
                options.rounds, static_cast<long long>(options.timing.measured.count()),
                static_cast<long long>(options.timing.warmup.count()));
    std::printf("%-15s %8s %11s %10s %12s %10s %10s %10s\n", "config", "runs/s", "agent CPU%",
                "over (a)", "agent us/run", "lab CPU%", "over (a)", "lab us/run");
    std::vector<double> agentPercent(setups.size());
    std::vector<Derived> derived(setups.size());
    for (std::size_t i = 0; i < setups.size(); ++i) {
        const auto &runs = results[i];
        agentPercent[i] = median(each(runs, [](const RunResult &r) { return r.agentPercent(); }));
        const double labPercent =
            median(each(runs, [](const RunResult &r) { return r.labPercent(); }));
        const double perSecond =
            median(each(runs, [](const RunResult &r) { return r.runsPerSecond(); }));
        if (i == 0) {
            std::printf("%-15s %8.2f %11.3f %10s %12s %10.3f %10s %10s\n", setups[i].label.c_str(),
                        perSecond, agentPercent[i], "-", "-", labPercent, "-", "-");
            continue;
        }
        derived[i] = derive(runs, results[0]);
        std::printf("%-15s %8.2f %11.3f %10.3f %12.1f %10.3f %10.3f %10.1f\n",
                    setups[i].label.c_str(), perSecond, agentPercent[i],
                    derived[i].agentExtraPercent, derived[i].agentMicrosPerRun, labPercent,
                    derived[i].labExtraPercent, derived[i].labMicrosPerRun);
    }
    // (c) against (b): the same probe ten times as often.
    std::printf("\n(c) http 100ms against (b) http 1s: agent CPU %.2fx, agent CPU over (a) "
                "%.2fx, agent us/run %.2fx\n",
                agentPercent[2] / agentPercent[1],
                derived[2].agentExtraPercent / derived[1].agentExtraPercent,
                derived[2].agentMicrosPerRun / derived[1].agentMicrosPerRun);
    const Marginal marginal = marginalCost(results[2], results[1]);
    std::printf("http cost per run from (b) to (c) (the extra runs of the same round, no "
                "baseline): agent %.1f us/run, lab %.1f us/run\n",
                marginal.agentMicrosPerRun, marginal.labMicrosPerRun);
}

int run(const Options &options)
{
    std::printf("anycast-bench-probe: the agent's probe cost; %d round(s) of 4 configurations, "
                "interleaved, %lld s warm-up + %lld s measured each\n",
                options.rounds, static_cast<long long>(options.timing.warmup.count()),
                static_cast<long long>(options.timing.measured.count()));
    printMachine();
    anycast::labtest::LabServiceProcess lab(
        {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    std::printf("agent %s; lab service pid %lld, %s\n", kAgentBinary.c_str(),
                static_cast<long long>(lab.process().processId()), lab.listeningLine().c_str());
    std::fflush(stdout);

    const std::vector<ProbeSetup> configurations = setups(lab.port());
    std::vector<std::vector<RunResult>> results(configurations.size());
    int unhealthyRuns = 0;
    for (int round = 1; round <= options.rounds; ++round) {
        for (std::size_t i = 0; i < configurations.size(); ++i) {
            const RunResult result =
                measureRun(kAgentBinary, lab, configurations[i], options.timing);
            printRun(round, options.rounds, configurations[i], result);
            unhealthyRuns += result.healthChanges > 0 ? 1 : 0;
            results[i].push_back(result);
        }
    }
    printSummary(configurations, results, options);
    std::printf("load average at the end: %s\n", loadAverage().c_str());
    if (unhealthyRuns > 0) {
        std::fprintf(stderr,
                     "error: in %d run(s) the service did not stay healthy: a probe failed, so "
                     "those runs did not measure a passing probe\n",
                     unhealthyRuns);
        return 1;
    }
    return 0;
}

bool positive(const char *text, int *value)
{
    char *end = nullptr;
    const long parsed = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || parsed < 1 || parsed > 100000)
        return false;
    *value = static_cast<int>(parsed);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    Options options;
    const auto usage = [] {
        std::fprintf(stderr, "usage: anycast-bench-probe [--rounds N (3)] [--seconds S (30)] "
                             "[--warmup S (5)]\n");
        return 2;
    };
    for (int i = 1; i < argc; ++i) {
        int value = 0;
        if (i + 1 >= argc || !positive(argv[i + 1], &value))
            return usage();
        if (std::strcmp(argv[i], "--rounds") == 0)
            options.rounds = value;
        else if (std::strcmp(argv[i], "--seconds") == 0)
            options.timing.measured = std::chrono::seconds(value);
        else if (std::strcmp(argv[i], "--warmup") == 0)
            options.timing.warmup = std::chrono::seconds(value);
        else
            return usage();
        ++i;
    }
    if (!binariesPresent())
        return 1;
    try {
        return run(options);
    } catch (const std::exception &error) {
        std::fprintf(stderr, "error: %s\n", error.what());
        return 1;
    }
}
