// anycast-bench-sampler: the sampler's cost at scale, against `ss -tan` and a raw sock_diag
// floor measured in the same run on the same sockets. A benchmark, not a test: it prints
// medians, ratios and MET/MISSED per target, and exits non-zero only when something failed
// to run (or, with --require-targets, when a target is missed).
#include "agent/sampler/NetlinkSampler.h"
#include "tests/bench/sampler/DumpVariants.h"
#include "tests/bench/sampler/Measure.h"
#include "tests/bench/sampler/Options.h"
#include "tests/bench/sampler/RawNetlinkFloor.h"
#include "tests/bench/sampler/SocketFarm.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <sys/utsname.h>
#include <unistd.h>
#include <vector>

namespace anycast::bench {
namespace {

constexpr double kTargetVsSs = 0.5;
constexpr double kTargetVsFloor = 1.3;
constexpr double kTargetFastPathMs = 1.0;

std::string firstLineOf(const char *command)
{
    std::string line;
    if (FILE *pipe = popen(command, "r")) {
        char buffer[256] = {};
        if (std::fgets(buffer, sizeof buffer, pipe))
            line = buffer;
        pclose(pipe);
    }
    line.erase(std::find(line.begin(), line.end(), '\n'), line.end());
    return line;
}

void printMachine()
{
    utsname host{};
    uname(&host);
    std::string cpu = "unknown CPU";
    std::ifstream cpuinfo("/proc/cpuinfo");
    for (std::string line; std::getline(cpuinfo, line);) {
        if (line.rfind("model name", 0) == 0) {
            cpu = line.substr(line.find(':') + 2);
            break;
        }
    }
    std::printf("machine: %s %s %s, %ld CPUs (%s), %s\n", host.sysname, host.release, host.machine,
                sysconf(_SC_NPROCESSORS_ONLN), cpu.c_str(),
                firstLineOf("ss -V 2>/dev/null").c_str());
}

// One thing timed: `perRound` runs in each round, each kept. Required ones must run; an
// optional reference that fails is reported and dropped.
struct Measurement
{
    using Run = std::function<std::optional<double>(std::string *error)>;
    Measurement(std::string label, Run runner, bool mustRun = true, int runsPerRound = 1)
        : name(std::move(label))
        , run(std::move(runner))
        , required(mustRun)
        , perRound(runsPerRound)
    {}

    std::string name;
    Run run;
    bool required;
    int perRound;
    std::vector<double> milliseconds;
    std::string error;
};

// Round-robin, starting one further along each round, so that drift (page cache, CPU
// frequency, other load) and order effects fall on every measurement alike.
bool runRounds(std::vector<Measurement> &measurements, int warmup, int repeat)
{
    const std::size_t count = measurements.size();
    for (int round = 0; round < warmup + repeat; ++round) {
        for (std::size_t k = 0; k < count; ++k) {
            Measurement &m = measurements[(k + static_cast<std::size_t>(round)) % count];
            if (!m.error.empty())
                continue;
            for (int run = 0; run < m.perRound; ++run) {
                const std::optional<double> ms = m.run(&m.error);
                if (!ms) {
                    std::printf("  %s failed: %s\n", m.name.c_str(), m.error.c_str());
                    if (m.required)
                        return false;
                    break;
                }
                if (round >= warmup)
                    m.milliseconds.push_back(*ms);
            }
        }
    }
    return true;
}

const char *verdict(bool met)
{
    return met ? "MET" : "MISSED";
}

unsigned long long ull(std::uint64_t value)
{
    return static_cast<unsigned long long>(value);
}

// Correctness, once, before timing: the full sample must see the farm exactly, and every
// socket the floor sees, give or take what the rest of the host opened or closed in between.
// Returns the full sample's socket total, or nullopt when the check failed or could not run.
std::optional<std::uint64_t> checkCounts(const SocketFarm &farm, NetlinkSampler &sampler,
                                         RawNetlinkFloor &floor, DumpVariants *variants)
{
    std::string error;
    const auto sample = sampler.sampleSockets();
    const auto floorCount = floor.dumpAll(&error);
    const auto listeners = sampler.sampleListeners();
    if (!sample || !floorCount || !listeners) {
        std::fprintf(stderr, "error: %s\n",
                     !sample      ? qPrintable(sample.error())
                     : !listeners ? qPrintable(listeners.error())
                                  : error.c_str());
        return std::nullopt;
    }
    const std::uint64_t connections = farm.connections();
    const ServiceSocketStats &https = sample->services.front();
    const quint64 established = https.states[TcpState::Established];
    const quint64 listening = https.states[TcpState::Listen];
    const quint64 serviceTotal = https.states.total();
    const quint64 other = sample->otherSockets.total();
    const quint64 sampled = serviceTotal + other;
    const auto difference = static_cast<long long>(sampled) - static_cast<long long>(*floorCount);
    const auto tolerance = std::max<long long>(64, static_cast<long long>(*floorCount / 200));
    const auto &fastListeners = listeners->services.front().listeners;
    const bool farmSeen = established == connections && serviceTotal == connections + 1 &&
                          listening == 1 && fastListeners.size() == 1;
    const bool countsAgree = std::llabs(difference) <= tolerance;

    std::printf("socket counts (once, before timing)\n");
    std::printf("  service 'https' (port %u):  %llu = %llu ESTABLISHED + %llu LISTEN; "
                "tcp_info from %llu\n",
                farm.port(), ull(serviceTotal), ull(established), ull(listening),
                ull(https.tcpInfo.sockets));
    std::printf("  other sockets:                %llu (the farm's client sides: %llu)\n",
                ull(other), ull(connections));
    std::printf("  full sample total:            %llu\n", ull(sampled));
    std::printf("  raw floor total:              %llu (difference %lld, tolerance %lld) %s\n",
                ull(*floorCount), difference, tolerance, countsAgree ? "OK" : "MISMATCH");
    for (const ListenerStats &listener : fastListeners) {
        std::printf("  fast path listener:           %s:%u, accept queue %u, backlog %u\n",
                    qPrintable(listener.address), listener.port, listener.acceptQueue,
                    listener.backlog.value_or(0));
    }
    if (variants) {
        const auto perFamily = variants->perFamilySample();
        const bool same = perFamily && perFamily->services == sample->services &&
                          perFamily->otherSockets == sample->otherSockets;
        std::printf("  %-30s%s\n", "per-family fallback sample:",
                    !perFamily ? qPrintable(perFamily.error())
                    : same     ? "same counts and tcp_info sums as the full sample"
                               : "DIFFERS from the full sample (sockets may have changed)");
    }
    if (!farmSeen || !countsAgree) {
        std::fprintf(stderr, "error: the full sample %s\n",
                     !farmSeen ? "does not see the farm's sockets exactly"
                               : "disagrees with the raw floor beyond the tolerance");
        return std::nullopt;
    }
    return sampled;
}

template <typename Call> Measurement::Run timedCall(Call call)
{
    return [call](std::string *failure) -> std::optional<double> {
        const auto start = std::chrono::steady_clock::now();
        const auto result = call();
        const double ms = millisecondsSince(start);
        if (!result) {
            *failure = result.error().toStdString();
            return std::nullopt;
        }
        return ms;
    };
}

Measurement::Run timedCommand(std::vector<std::string> argv)
{
    return [argv = std::move(argv)](std::string *failure) { return timeCommand(argv, failure); };
}

void printTargetLine(const char *target, double ratio, const char *unit, const std::string &detail,
                     bool met, const std::string &note = {})
{
    std::string line(256, '\0');
    line.resize(static_cast<std::size_t>(
        std::snprintf(line.data(), line.size(), "  %-30s %8.3f%-3s %-26s %-6s %s", target, ratio,
                      unit, detail.c_str(), verdict(met), note.c_str())));
    line.erase(line.find_last_not_of(' ') + 1);
    std::printf("%s\n", line.c_str());
}

std::string ofText(double numerator, double denominator)
{
    char text[64];
    std::snprintf(text, sizeof text, "(%.3f / %.3f ms)", numerator, denominator);
    return text;
}

// On a shared machine the medians move with other load; the ratio of the minimums (the runs
// least disturbed) is the cross-check. The targets are judged on medians only.
std::string minimumsText(const Summary &numerator, const Summary &denominator)
{
    char text[64];
    std::snprintf(text, sizeof text, "(minimums: %.3fx)", numerator.minMs / denominator.minMs);
    return text;
}

// The first four measurements are the full sample, the fast path, the floor and ss -tan.
// Returns how many of the three targets were met.
int printResults(const std::vector<Measurement> &measurements, std::uint64_t sockets)
{
    std::printf("  %-36s %6s %11s %10s %10s\n", "", "runs", "median ms", "p90 ms", "min ms");
    std::vector<Summary> summaries;
    for (const Measurement &m : measurements) {
        summaries.push_back(summarize(m.milliseconds));
        const Summary &s = summaries.back();
        if (s.runs == 0)
            std::printf("  %-36s not measured: %s\n", m.name.c_str(), m.error.c_str());
        else
            std::printf("  %-36s %6zu %11.3f %10.3f %10.3f\n", m.name.c_str(), s.runs, s.medianMs,
                        s.p90Ms, s.minMs);
    }

    const double full = summaries[0].medianMs;
    const double fast = summaries[1].medianMs;
    const double rawFloor = summaries[2].medianMs;
    const double ss = summaries[3].medianMs;
    const bool vsSs = full <= kTargetVsSs * ss;
    const bool vsFloor = full <= kTargetVsFloor * rawFloor;
    const bool fastPath = fast < kTargetFastPathMs;
    std::printf("\ntargets at %llu sockets (medians)\n", ull(sockets));
    printTargetLine("full sample <= 0.5x ss -tan", full / ss, "x", ofText(full, ss), vsSs,
                    minimumsText(summaries[0], summaries[3]));
    printTargetLine("full sample <= 1.3x raw floor", full / rawFloor, "x", ofText(full, rawFloor),
                    vsFloor, minimumsText(summaries[0], summaries[2]));
    printTargetLine("fast path < 1 ms", fast, " ms", "", fastPath);
    const int met = vsSs + vsFloor + fastPath;
    std::printf("result: %d of 3 targets met\n", met);

    bool header = false;
    for (std::size_t i = 4; i < measurements.size(); ++i) {
        if (summaries[i].runs == 0 || measurements[i].name.rfind('v', 0) != 0)
            continue;
        if (!header)
            std::printf("\nvariants against the same medians\n");
        header = true;
        std::printf("  %-36s %6.3fx ss -tan %6.3fx raw floor\n", measurements[i].name.c_str(),
                    summaries[i].medianMs / ss, summaries[i].medianMs / rawFloor);
    }
    return met;
}

int runBenchmark(const Options &options)
{
    std::printf("anycast-bench-sampler: NetlinkSampler vs `ss -tan` vs a raw sock_diag floor\n");
    printMachine();

    std::string error;
    auto farm = SocketFarm::build({options.sockets, options.port}, &error);
    if (!farm) {
        std::fprintf(stderr, "error: %s\n", error.c_str());
        return 1;
    }
    std::printf("farm ready in %.1f s: %zu worker processes, %llu connections, listener "
                "127.0.0.1:%u\n\n",
                farm->buildSeconds(), farm->workers(), ull(farm->connections()), farm->port());

    auto portMap = PortMap::build({ServicePorts{QStringLiteral("https"), {farm->port()}}});
    if (!portMap) {
        std::fprintf(stderr, "error: %s\n", qPrintable(portMap.error()));
        return 1;
    }
    NetlinkSampler sampler(portMap.value());
    RawNetlinkFloor floor;
    DumpVariants variants(portMap.value());
    if (!floor.open(&error) || (options.variants && !variants.open(&error))) {
        std::fprintf(stderr, "error: %s\n", error.c_str());
        return 1;
    }
    const auto sockets = checkCounts(*farm, sampler, floor, options.variants ? &variants : nullptr);
    if (!sockets)
        return 1;
    std::printf("  raw floor request:            %s\n",
                floor.oneWalk() ? "one walk for both families (TCPDIAG_GETSOCK)"
                                : "one dump per family (this kernel refused TCPDIAG_GETSOCK)");

    const int fastPerRound = (options.fastRepeat + options.repeat - 1) / options.repeat;
    std::vector<Measurement> measurements = {
        {"full sample (sampleSockets)", timedCall([&] { return sampler.sampleSockets(); })},
        {"fast path (sampleListeners)", timedCall([&] { return sampler.sampleListeners(); }), true,
         fastPerRound},
        {"raw netlink floor",
         [&](std::string *failure) -> std::optional<double> {
             const auto start = std::chrono::steady_clock::now();
             if (!floor.dumpAll(failure))
                 return std::nullopt;
             return millisecondsSince(start);
         }},
        {"ss -tan", timedCommand({"ss", "-tan"})},
    };
    if (options.references) {
        measurements.emplace_back("ss -tani (reference)", timedCommand({"ss", "-tani"}), false);
        measurements.emplace_back("cat /proc/net/tcp{,6} (reference)",
                                  timedCommand({"cat", "/proc/net/tcp", "/proc/net/tcp6"}), false);
    }
    if (options.variants) {
        for (DumpVariants::Variant &variant : variants.variants())
            measurements.emplace_back(variant.name, std::move(variant.run), false);
    }

    std::printf("\ntiming: %d warm-up rounds, then %d rounds, round-robin; fast path %d runs "
                "per round\n",
                options.warmup, options.repeat, fastPerRound);
    if (!runRounds(measurements, options.warmup, options.repeat))
        return 1;
    const int met = printResults(measurements, *sockets);
    std::fflush(stdout);

    const double teardown = farm->tearDown();
    std::printf("farm torn down in %.1f s\n", teardown);
    return options.requireTargets && met < 3 ? 1 : 0;
}

} // namespace
} // namespace anycast::bench

int main(int argc, char **argv)
{
    anycast::bench::Options options;
    if (!anycast::bench::parseOptions(argc, argv, options))
        return 2;
    return anycast::bench::runBenchmark(options);
}
