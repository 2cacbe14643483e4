// anycast-bench-agent: the agent's CPU and RSS at steady state (fast path 40 Hz, full sample
// 1 Hz, operator API and HTTP server listening, history recording) while a socket farm holds
// N loopback sockets. See docs/PERFORMANCE.md, "Agent at steady state".

#include "agent/sampler/NetlinkSampler.h"
#include "tests/bench/agent/AgentUnderTest.h"
#include "tests/bench/sampler/SocketFarm.h"
#include "tests/support/AgentStopCheck.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace anycast;
using namespace anycast::bench;

namespace {

// The agent's targets (docs/PERFORMANCE.md, "Agent at steady state"). RSS in MB of 10^6
// bytes (the stricter reading of "30 MB").
constexpr double kRssTargetMb = 30;
struct CpuTarget
{
    std::uint64_t sockets;
    double percent;
};
constexpr CpuTarget kCpuTargets[] = {{10000, 2}, {100000, 12}};
// In-process reference: this many full samples and fast paths, after two unkept ones.
constexpr int kReferenceFull = 10;
constexpr int kReferenceFast = 100;

struct Options
{
    std::vector<std::uint64_t> sockets{10000, 100000};
    int seconds = 30;
    int warmup = 5;
    std::string agent = ANYCAST_BIN_DIR "/anycast-agent";
    bool requireTargets = false;
};

struct Row
{
    std::uint64_t sockets = 0;
    double cpuPercent = 0, userPercent = 0, systemPercent = 0;
    double rssMaxMb = 0, rssLastMb = 0, hwmMb = 0;
    double fullCpuMs = 0, fastCpuMs = 0; // in-process reference, CPU per call
    double floorPercent = 0;             // what 1 Hz full + 40 Hz fast cost at those figures
};

unsigned long long ull(std::uint64_t value)
{
    return static_cast<unsigned long long>(value);
}

double mb(std::uint64_t kb)
{
    return static_cast<double>(kb) * 1024 / 1e6;
}

std::optional<Options> parse(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--sockets" && hasValue) {
            options.sockets.clear();
            std::istringstream list(argv[++i]);
            std::string item;
            while (std::getline(list, item, ',')) {
                const auto value = std::strtoull(item.c_str(), nullptr, 10);
                if (value < 2)
                    return std::nullopt;
                options.sockets.push_back(value);
            }
        } else if (arg == "--seconds" && hasValue) {
            options.seconds = std::atoi(argv[++i]);
        } else if (arg == "--warmup" && hasValue) {
            options.warmup = std::atoi(argv[++i]);
        } else if (arg == "--agent" && hasValue) {
            options.agent = argv[++i];
        } else if (arg == "--require-targets") {
            options.requireTargets = true;
        } else {
            return std::nullopt;
        }
    }
    if (options.sockets.empty() || options.seconds < 1 || options.warmup < 0)
        return std::nullopt;
    return options;
}

// The smallest target scale at or above N applies (10k's 2% up to 10,000 sockets, 100k's 12%
// up to 100,000); above the largest there is none.
std::optional<double> cpuTargetFor(std::uint64_t sockets)
{
    for (const CpuTarget &target : kCpuTargets) {
        if (sockets <= target.sockets)
            return target.percent;
    }
    return std::nullopt;
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) { return t.tv_sec + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// The same sampler the agent runs, on the same sockets, in this process with the agent
// stopped: CPU per full sample and per fast path. Their cost at 1 Hz and 40 Hz is the floor
// the agent's CPU cannot go below without sampling less or sampling differently.
bool measureReference(std::uint16_t port, Row *row, std::string *error)
{
    auto portMap = PortMap::build({ServicePorts{QStringLiteral("bench"), {port}}});
    if (!portMap) {
        *error = portMap.error().toStdString();
        return false;
    }
    NetlinkSampler sampler(portMap.value());
    const auto timeCpu = [&](int runs, auto call) -> std::optional<double> {
        const double before = cpuSeconds();
        for (int i = 0; i < runs; ++i) {
            if (const auto result = call(); !result) {
                *error = "reference sample failed: " + result.error().toStdString();
                return std::nullopt;
            }
        }
        return (cpuSeconds() - before) * 1000 / runs;
    };
    const auto full = [&] { return sampler.sampleSockets(); };
    const auto fast = [&] { return sampler.sampleListeners(); };
    if (!timeCpu(2, full) || !timeCpu(2, fast))
        return false;
    const auto fullMs = timeCpu(kReferenceFull, full);
    const auto fastMs = fullMs ? timeCpu(kReferenceFast, fast) : std::nullopt;
    if (!fastMs)
        return false;
    row->fullCpuMs = *fullMs;
    row->fastCpuMs = *fastMs;
    row->floorPercent = (*fullMs * 1 + *fastMs * 40) / 1000 * 100;
    return true;
}

// One scale: farm, agent, warm-up, measurement, log check, reference, teardown. The farm and
// the agent are torn down by their destructors on every return path.
bool runScale(const Options &options, std::uint64_t sockets, Row *row, std::string *error)
{
    std::printf("\n== %llu sockets ==\n", ull(sockets));
    auto farm = SocketFarm::build({sockets, 0}, error);
    if (!farm)
        return false;
    std::printf("farm ready in %.1f s: %zu worker processes, %llu connections, listener "
                "127.0.0.1:%u\n",
                farm->buildSeconds(), farm->workers(), ull(farm->connections()), farm->port());

    AgentUnderTest agent;
    if (!agent.start({options.agent, farm->port(), "25ms", "1s"}, 30000, error))
        return false;
    std::printf("agent pid %d started (log %s); warm-up %d s, then %d s measured\n",
                static_cast<int>(agent.pid()), agent.logPath().c_str(), options.warmup,
                options.seconds);
    std::fflush(stdout);
    for (int i = 0; i < options.warmup * 10; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (!agent.alive(error))
            return false;
    }

    ProcessUsage first, last;
    if (!readUsage(agent.pid(), &first, error))
        return false;
    const auto start = std::chrono::steady_clock::now();
    std::uint64_t rssMaxKb = first.rssKb;
    for (int second = 1; second <= options.seconds; ++second) {
        std::this_thread::sleep_until(start + std::chrono::seconds(second));
        if (!agent.alive(error) || !readUsage(agent.pid(), &last, error))
            return false;
        rssMaxKb = std::max(rssMaxKb, last.rssKb);
    }
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
    const auto percent = [&](std::uint64_t ticks) { return ticks / tick / wall * 100; };
    row->sockets = sockets;
    row->userPercent = percent(last.userTicks - first.userTicks);
    row->systemPercent = percent(last.systemTicks - first.systemTicks);
    row->cpuPercent = row->userPercent + row->systemPercent;
    row->rssMaxMb = mb(rssMaxKb);
    row->rssLastMb = mb(last.rssKb);
    row->hwmMb = mb(last.hwmKb);
    if (const std::vector<std::string> problems = agent.stop(); !problems.empty()) {
        *error = test::describeStopProblems(problems) + " (log: " + agent.logPath() + ")";
        return false;
    }

    // A sampler error would mean the agent measured something other than sampling; a server
    // that did not come up, an agent lighter than the one deployed.
    std::istringstream log(agent.readLog());
    std::string line, errors;
    bool api = false, http = false;
    while (std::getline(log, line)) {
        const auto has = [&](const char *text) { return line.find(text) != std::string::npos; };
        if (has("agent: node") || has("api: listening") || has("http: GET"))
            std::printf("agent log: %s\n", line.c_str()); // sampler, intervals, servers
        api = api || has("api: listening");
        http = http || has("http: GET");
        if (has("sampler:") || has("api: no operator API") || has("http: no status endpoint"))
            errors += "  " + line + "\n";
    }
    if (!api)
        errors += "  no \"api: listening\" line: the operator API did not start\n";
    if (!http)
        errors += "  no \"http: GET\" line: the HTTP server did not start\n";
    if (!errors.empty()) {
        *error = "the agent logged errors (log: " + agent.logPath() + "):\n" + errors;
        return false;
    }
    std::printf("agent log: no sampler errors, operator API and HTTP server up\n");
    agent.removeFiles();

    if (!measureReference(farm->port(), row, error))
        return false;
    std::printf("farm torn down in %.1f s\n", farm->tearDown());
    return true;
}

void printResults(const std::vector<Row> &rows, int *met, int *missed)
{
    std::printf("\nagent at steady state (fast path 25 ms, full sample 1 s), CPU in %% of one "
                "core, RSS in MB (10^6 bytes)\n");
    std::printf("  %9s  %7s  %7s  %7s  %8s  %8s  %8s  %9s  %9s  %8s\n", "sockets", "CPU %",
                "user %", "sys %", "RSS max", "RSS last", "VmHWM", "full ms*", "fast ms*",
                "floor %*");
    for (const Row &row : rows) {
        std::printf("  %9llu  %7.2f  %7.2f  %7.2f  %8.1f  %8.1f  %8.1f  %9.2f  %9.3f  %8.2f\n",
                    ull(row.sockets), row.cpuPercent, row.userPercent, row.systemPercent,
                    row.rssMaxMb, row.rssLastMb, row.hwmMb, row.fullCpuMs, row.fastCpuMs,
                    row.floorPercent);
    }
    std::printf("  * reference in this process, agent stopped, same sockets: CPU per full sample "
                "and per fast path;\n    floor = their cost at 1 Hz + 40 Hz\n");

    std::printf("\ntargets\n");
    const auto verdict = [&](bool ok) {
        ++(ok ? *met : *missed);
        return ok ? "MET" : "MISSED";
    };
    for (const Row &row : rows) {
        std::printf("  %7llu sockets  RSS max <= %.0f MB    %6.1f MB     %s\n", ull(row.sockets),
                    kRssTargetMb, row.rssMaxMb, verdict(row.rssMaxMb <= kRssTargetMb));
        if (const auto target = cpuTargetFor(row.sockets)) {
            std::printf("  %7llu sockets  CPU <= %4.1f%% core    %6.2f%%       %s\n",
                        ull(row.sockets), *target, row.cpuPercent,
                        verdict(row.cpuPercent <= *target));
        } else {
            std::printf("  %7llu sockets  CPU: no target above %llu sockets\n", ull(row.sockets),
                        ull(std::end(kCpuTargets)[-1].sockets));
        }
    }
    std::printf("result: %d of %d targets met\n", *met, *met + *missed);
}

} // namespace

int main(int argc, char **argv)
{
    const auto options = parse(argc, argv);
    if (!options) {
        std::fprintf(stderr,
                     "usage: %s [--sockets N[,N...]] [--seconds S] [--warmup S] [--agent PATH] "
                     "[--require-targets]\n  defaults: --sockets 10000,100000 --seconds 30 "
                     "--warmup 5\n",
                     argv[0]);
        return 2;
    }
    if (access(options->agent.c_str(), X_OK) != 0) {
        std::fprintf(stderr, "error: %s: %s\n", options->agent.c_str(), std::strerror(errno));
        return 1;
    }
    utsname host{};
    uname(&host);
    std::printf("anycast-bench-agent: anycast-agent CPU and RSS at steady state\n");
    std::printf("machine: %s %s %s, %ld CPUs; agent %s\n", host.sysname, host.release, host.machine,
                sysconf(_SC_NPROCESSORS_ONLN), options->agent.c_str());

    std::vector<Row> rows;
    for (const std::uint64_t sockets : options->sockets) {
        Row row;
        std::string error;
        if (!runScale(*options, sockets, &row, &error)) {
            std::fprintf(stderr, "error at %llu sockets: %s\n", ull(sockets), error.c_str());
            return 1;
        }
        rows.push_back(row);
    }
    int met = 0, missed = 0;
    printResults(rows, &met, &missed);
    return options->requireTargets && missed > 0 ? 1 : 0;
}
