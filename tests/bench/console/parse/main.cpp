// anycast-bench-history-parse: what one agent's hour of `history` costs the console to read,
// step by step, on one thread: the reply line as the simulator builds it (an agent's
// samples, built from common/protocol's types), parsed by Qt's parser alone (the reference:
// the floor for any reader that builds a QJsonDocument), by the protocol's line parser
// (StrictJson's strictness scan on top of Qt's parser, and the JSON-RPC envelope), and read
// into a HistoryReply (JsonReader). Medians of interleaved rounds, in thread CPU time. See
// docs/PERFORMANCE.md.
#include "common/StrictJson.h"
#include "common/protocol/RpcMessage.h"
#include "common/protocol/SamplePoint.h"
#include "tests/bench/console/simulator/SimulatedAgent.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <optional>
#include <vector>

using namespace anycast;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// CPU time of this thread, not wall time: on a machine shared with other work, time spent
// waiting for a core is not the reader's cost.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double timedMs(const std::function<bool()> &work)
{
    const double start = threadCpuMs();
    const bool ok = work();
    const double ms = threadCpuMs() - start;
    if (!ok) {
        std::fprintf(stderr, "anycast-bench-history-parse: a step failed\n");
        std::exit(70);
    }
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int seconds = 3600;
    int rounds = 15;
    const QStringList arguments = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < arguments.size(); i += 2) {
        bool ok = false;
        if (arguments[i] == QLatin1String("--seconds"))
            seconds = arguments[i + 1].toInt(&ok);
        else if (arguments[i] == QLatin1String("--rounds"))
            rounds = arguments[i + 1].toInt(&ok);
        if (!ok || seconds < 1 || rounds < 1) {
            std::fprintf(stderr, "usage: anycast-bench-history-parse [--seconds S] [--rounds N]\n");
            return 64;
        }
    }
    bench::SimulatedAgent::Config config;
    config.region = QStringLiteral("bench");
    config.historySeconds = seconds;
    const bench::SimulatedAgent agent(config);
    const QByteArray line = QByteArrayLiteral("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":") +
                            agent.historyResult(seconds) + '}';
    std::printf("anycast-bench-history-parse: %d s of history (2 services), reply line %.2f MB, "
                "medians of %d rounds, thread CPU time\n",
                seconds, static_cast<double>(line.size()) / 1e6, rounds);

    std::vector<double> qtParse, lineParse, typedRead;
    qsizetype samples = 0;
    // Every step's result outlives its timing: freeing a document is not part of reading it.
    QJsonDocument document;
    const auto reference = [&] {
        qtParse.push_back(timedMs([&] {
            document = QJsonDocument::fromJson(line);
            return document.isObject();
        }));
        document = {};
    };
    for (int round = 0; round < rounds; ++round) {
        // The reference goes first in even rounds and last in odd ones: whatever the step
        // before leaves behind (freed memory, caches) falls on every step alike.
        if (round % 2 == 0)
            reference();
        std::optional<IncomingMessage> message;
        lineParse.push_back(timedMs([&] {
            Result<IncomingMessage> parsed = parseIncomingLine(line);
            if (!parsed.ok())
                return false;
            message = parsed.value();
            return true;
        }));
        const auto &response = std::get<RpcResponse>(*message);
        const QJsonObject result = std::get<QJsonValue>(response.outcome).toObject();
        std::optional<Result<HistoryReply>> reply;
        typedRead.push_back(timedMs([&] {
            reply = readObject<HistoryReply>(result);
            samples = reply->ok() ? reply->value().samples.size() : -1;
            return reply->ok();
        }));
        if (round % 2 == 1)
            reference();
    }
    const double referenceMs = median(qtParse);
    const auto row = [&](const char *what, double ms) {
        std::printf("  %-44s %8.1f ms  %5.2fx\n", what, ms, ms / referenceMs);
    };
    std::printf("%lld samples read; ratios against Qt's parser alone (reference, *)\n",
                static_cast<long long>(samples));
    row("Qt's parser alone (QJsonDocument::fromJson) *", referenceMs);
    row("line parse (Qt's parser + strictness scan)", median(lineParse));
    row("typed read (HistoryReply from the object)", median(typedRead));
    row("line parse + typed read", median(lineParse) + median(typedRead));
    return 0;
}
