// anycast-bench-history: what the agent's history ring buffer ([agent] history, default 1 h of
// 1 Hz full samples) holds in memory once it is full, and what one `history` API reply for
// all of it costs to build. anycast-bench-agent runs the agent for 30 s, when the buffer holds
// 30 points; this measures the other 3,570. See docs/PERFORMANCE.md, "History memory".
//
// The points are built the way the agent builds them each full sample: the sampler's
// aggregator fills a per-service listener list it keeps across samples (cleared, not freed),
// copies it into a fresh ServiceSocketStats and sorts it (which detaches: a fresh list and
// fresh address strings per sample); name and ports are copies of the port map's (implicitly
// shared, no allocation); the service monitor keeps a copy as lastStats(); recordHistory()
// appends {lastStats(), health, operator state, probe} to a fresh SamplePoint, which is moved
// into SampleHistory. Timestamps are one second apart and the span is points seconds, so the
// ring holds what an agent holds at 1 Hz.

#include "agent/runtime/AgentApi.h"
#include "agent/runtime/MemoryTuning.h"
#include "agent/runtime/SampleHistory.h"
#include "common/HealthStates.h"
#include "common/ListenerStats.h"
#include "common/ServiceSocketStats.h"
#include "common/protocol/JsonRpcReply.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <malloc.h>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

using namespace anycast;

namespace {

struct Options
{
    std::vector<int> services{1, 4};
    int points = 3600; // one hour at 1 Hz, the agent's defaults
    int repeat = 5;
};

std::optional<Options> parse(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--services" && hasValue) {
            options.services.clear();
            std::istringstream list(argv[++i]);
            std::string item;
            while (std::getline(list, item, ',')) {
                const int value = std::atoi(item.c_str());
                if (value < 1 || value > 1000)
                    return std::nullopt;
                options.services.push_back(value);
            }
        } else if (arg == "--points" && hasValue) {
            options.points = std::atoi(argv[++i]);
        } else if (arg == "--repeat" && hasValue) {
            options.repeat = std::atoi(argv[++i]);
        } else {
            return std::nullopt;
        }
    }
    if (options.services.empty() || options.points < 60 || options.repeat < 1)
        return std::nullopt;
    return options;
}

// Bytes the allocator has handed out and not had back: the arenas' in-use chunks (uordblks)
// plus the chunks it mmapped for large requests (hblkhd; the JSON reply's buffers are that).
double heapBytes()
{
    const struct mallinfo2 info = mallinfo2();
    return static_cast<double>(info.uordblks + info.hblkhd);
}

double rssBytes()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::strtod(line.c_str() + 6, nullptr) * 1024;
    }
    return 0;
}

// VmHWM back to the current RSS (Linux 4.0+), so peakRssBytes() reads the peak from here on.
void resetPeakRss()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

double peakRssBytes()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::strtod(line.c_str() + 6, nullptr) * 1024;
    }
    return 0;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// What lives across samples in the agent: the port map's names and ports, the aggregator's
// listener lists, the monitors' lastStats().
struct Agent
{
    explicit Agent(int services)
    {
        for (int i = 0; i < services; ++i) {
            names.append(QStringLiteral("service-%1").arg(i + 1));
            ports.append(QList<quint16>{static_cast<quint16>(8000 + 2 * i),
                                        static_cast<quint16>(8001 + 2 * i)});
        }
        tallies.resize(services);
        lastStats.resize(services);
    }

    // One full sample: a fresh ServiceSocketStats per service, as SocketAggregator::finish()
    // makes it, every field set and changing from sample to sample.
    void sample(quint64 tick)
    {
        for (qsizetype i = 0; i < names.size(); ++i) {
            QList<ListenerStats> &tally = tallies[i];
            tally.clear(); // keeps its capacity, as SocketAggregator::reset()
            for (const quint16 port : std::as_const(ports[i])) {
                ListenerStats listener;
                const char *text = port % 2 ? "::" : "0.0.0.0"; // inet_ntop's, then:
                listener.address = QString::fromLatin1(text);
                listener.port = port;
                listener.acceptQueue = static_cast<quint32>(tick % 7);
                listener.backlog = 4096;
                tally.append(listener);
            }
            ServiceSocketStats stats;
            stats.name = names[i];
            stats.ports = ports[i];
            stats.listeners = tally;
            sortListeners(stats.listeners);
            for (quint64 state = 0; state < stats.states.counts.size(); ++state)
                stats.states.counts[state] = 1000 + 17 * state + tick % 13;
            stats.tcpInfo.available = true;
            stats.tcpInfo.sockets = 50000 + tick % 100;
            stats.tcpInfo.retransmitting = tick % 5;
            stats.tcpInfo.retransmits = tick % 9;
            stats.tcpInfo.totalRetransmits = 123456 + tick;
            stats.tcpInfo.lost = tick % 3;
            stats.tcpInfo.unacked = 200 + tick % 50;
            stats.tcpInfo.rttMedianUs = 45 + tick % 10;
            stats.tcpInfo.rttMaxUs = 2000 + tick % 500;
            lastStats[i] = stats; // ServiceMonitor::onSample()
        }                         // the sample itself dies here, as in AgentRuntime::fullTick()
    }

    // AgentRuntime::recordHistory().
    SamplePoint point(qint64 msecs) const
    {
        SamplePoint point;
        point.time = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
        for (qsizetype i = 0; i < names.size(); ++i)
            point.services.append({lastStats[i], HealthLabel{false, ServiceHealth::Healthy},
                                   OperatorState::Active, SampleProbe{true, 1.25}});
        return point;
    }

    QStringList names;
    QList<QList<quint16>> ports;
    QList<QList<ListenerStats>> tallies;
    QList<ServiceSocketStats> lastStats;
};

struct Run
{
    double firstHourBytes = 0;  // heap after filling, minus before
    double firstHourRss = 0;    // VmRSS likewise (indicative: freed memory is reused)
    double secondHourBytes = 0; // after as many points again, the ring evicting
    qsizetype heldFirst = 0, heldSecond = 0;
    double jsonMs = 0; // history.last() + toJson per point + the reply line
    double toJsonUsPerPoint = 0;
    double replyBytes = 0;      // the reply line, compact JSON
    double jsonHeapBytes = 0;   // heap held by the serialized result once built
    double jsonPeakRss = 0;     // VmHWM during the reply minus VmRSS before
    double jsonRetainedRss = 0; // VmRSS once the reply is freed minus VmRSS before
    double jsonTrimmedRss = 0;  // the same after malloc_trim(0): a leak would stay
};

// The agent's own AgentApi answering `history` for the whole span: the serialized result,
// which is all the agent holds (ApiServer writes it between a small head and tail, without
// copying it). The caller frees it; replyLine() makes the line a client reads.
QByteArray reply(const SampleHistory &history, std::chrono::milliseconds span, Run *run)
{
    AgentConfig config;
    config.history = span;
    EventLog events;
    AgentApi api({&config, [] { return AgentStatus(); }, &history, &events, nullptr, {}});
    const double heapBefore = heapBytes();
    const auto started = std::chrono::steady_clock::now();
    const ApiMethods::Reply answer = api.call(QStringLiteral("history"), {}, Caller{});
    const auto *serialized = std::get_if<SerializedJson>(&answer);
    const QByteArray result = serialized ? serialized->text : QByteArray();
    run->jsonMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    run->jsonHeapBytes = heapBytes() - heapBefore;
    const ResultFrame frame = resultFrame(QJsonValue(1));
    run->replyBytes = static_cast<double>(frame.head.size() + result.size() + frame.tail.size());
    return result;
}

QByteArray replyLine(const QByteArray &result)
{
    const ResultFrame frame = resultFrame(QJsonValue(1));
    return frame.head + result + frame.tail;
}

// How many samples a reply line holds, parsed back (outside every measurement: the parse
// builds a document many times the line's size).
qsizetype samplesIn(const QByteArray &line)
{
    return QJsonDocument::fromJson(line)
        .object()
        .value(QStringLiteral("result"))
        .toObject()
        .value(QStringLiteral("samples"))
        .toArray()
        .size();
}

Run measure(int services, int points, std::string *error)
{
    Run run;
    Agent agent(services);
    const qint64 base = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
    const auto span = std::chrono::seconds(points);
    auto history = std::make_unique<SampleHistory>(span);
    quint64 tick = 0;
    const auto fill = [&] {
        for (int i = 0; i < points; ++i, ++tick) {
            agent.sample(tick);
            history->append(agent.point(base + static_cast<qint64>(tick) * 1000));
        }
    };

    agent.sample(tick); // the agent's own steady state (lastStats) is not history
    malloc_trim(0);
    const double heapBefore = heapBytes();
    const double rssBefore = rssBytes();
    fill();
    run.firstHourBytes = heapBytes() - heapBefore;
    run.firstHourRss = rssBytes() - rssBefore;
    run.heldFirst = history->size();
    fill();
    run.secondHourBytes = heapBytes() - heapBefore;
    run.heldSecond = history->size();
    if (run.heldFirst != points || run.heldSecond != points + 1) {
        *error = "the ring held " + std::to_string(run.heldFirst) + " and " +
                 std::to_string(run.heldSecond) + " points, expected " + std::to_string(points) +
                 " and " + std::to_string(points + 1);
        return run;
    }

    // The RSS peak starts from a trimmed heap, so the reply needs fresh pages as in a
    // long-running agent whose free lists are small; what stays after is what glibc does not
    // give back.
    malloc_trim(0);
    resetPeakRss();
    const double rssBeforeJson = rssBytes();
    {
        const QByteArray line = reply(*history, span, &run);
        run.jsonPeakRss = peakRssBytes() - rssBeforeJson;
    }
    run.jsonRetainedRss = rssBytes() - rssBeforeJson;
    malloc_trim(0);
    run.jsonTrimmedRss = rssBytes() - rssBeforeJson;
    Run unused;
    const qsizetype replied = samplesIn(replyLine(reply(*history, span, &unused)));

    // toJson alone: the agent calls it once per full sample for the `sample` notification,
    // subscribers or not.
    const auto toJsonStarted = std::chrono::steady_clock::now();
    qsizetype keys = 0;
    const QList<SamplePoint> all = history->last(span);
    for (const SamplePoint &point : all)
        keys += point.toJson().size();
    run.toJsonUsPerPoint =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - toJsonStarted)
            .count() /
        static_cast<double>(all.size());

    if (replied != points + 1 || keys != 2 * (points + 1))
        *error = "the history reply does not hold the " + std::to_string(points + 1) + " points";
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    useFixedMmapThreshold(); // as anycast-agent's main() does
    const auto options = parse(argc, argv);
    if (!options) {
        std::fprintf(stderr,
                     "usage: %s [--services N[,N...]] [--points N] [--repeat R]\n"
                     "  defaults: --services 1,4 --points 3600 --repeat 5 (points >= 60)\n",
                     argv[0]);
        return 2;
    }
    std::printf("anycast-bench-history: the agent's history ring buffer, full, and one `history` "
                "reply\n");
    std::printf("%d points (1 Hz, span %d s), each service 2 listeners, every TCP state and the "
                "tcp_info summary set; median of %d\n",
                options->points, options->points, options->repeat);
    std::printf("heap = mallinfo2 uordblks + hblkhd; MB = 10^6 bytes\n\n");
    std::printf("  %8s  %10s  %9s  %9s  %12s  %10s  %10s  %9s  %10s  %9s\n", "services", "heap MB",
                "B/point", "B/svc-pt", "MB/svc-hour", "2nd hr MB", "RSS MB*", "reply ms",
                "reply MB", "toJson us");
    for (const int services : options->services) {
        std::vector<double> first, second, rss, ms, perPoint, reply, jsonHeap, jsonPeak, jsonKept,
            jsonTrimmed;
        qsizetype held = 0;
        for (int r = 0; r < options->repeat; ++r) {
            std::string error;
            const Run run = measure(services, options->points, &error);
            if (!error.empty()) {
                std::fprintf(stderr, "error at %d services: %s\n", services, error.c_str());
                return 1;
            }
            first.push_back(run.firstHourBytes);
            second.push_back(run.secondHourBytes);
            rss.push_back(run.firstHourRss);
            ms.push_back(run.jsonMs);
            perPoint.push_back(run.toJsonUsPerPoint);
            reply.push_back(run.replyBytes);
            jsonHeap.push_back(run.jsonHeapBytes);
            jsonPeak.push_back(run.jsonPeakRss);
            jsonKept.push_back(run.jsonRetainedRss);
            jsonTrimmed.push_back(run.jsonTrimmedRss);
            held = run.heldFirst;
        }
        const double bytes = median(first);
        const double bytesPerPoint = bytes / static_cast<double>(held);
        const double perServicePoint = bytesPerPoint / services;
        std::printf("  %8d  %10.2f  %9.0f  %9.0f  %12.2f  %10.2f  %10.2f  %9.1f  %10.2f  %9.1f\n",
                    services, bytes / 1e6, bytesPerPoint, perServicePoint,
                    perServicePoint * 3600 / 1e6, median(second) / 1e6, median(rss) / 1e6,
                    median(ms), median(reply) / 1e6, median(perPoint));
        std::printf(
            "  %8s  reply: heap %.2f MB held at once (the serialized result); RSS peak +%.2f MB, "
            "after it is freed +%.2f MB, after malloc_trim +%.2f MB\n",
            "", median(jsonHeap) / 1e6, median(jsonPeak) / 1e6, median(jsonKept) / 1e6,
            median(jsonTrimmed) / 1e6);
    }
    std::printf("\n  heap MB: after %d points, minus before; B/svc-pt: per point per service; "
                "MB/svc-hour: 3600 of those\n",
                options->points);
    std::printf("  2nd hr MB: after as many points again (the ring evicting, holding %d)\n",
                options->points + 1);
    std::printf("  * VmRSS after minus before the first fill (indicative: the allocator reuses "
                "what earlier runs freed)\n");
    std::printf("  reply: history.last(span), toJson per point, the JSON-RPC result line "
                "(compact), as AgentApi::history + ApiServer\n");
    std::printf("  toJson us: SamplePoint::toJson alone, per point; the agent runs it once per "
                "full sample\n");
    return 0;
}
