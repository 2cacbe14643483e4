// anycast-bench-history-parse: what one agent's hour of `history` costs the console to read,
// step by step, on one thread: the reply line as the simulator builds it (an agent's
// samples, built from common/protocol's types), parsed by Qt's parser alone (the reference:
// the floor for any reader that builds a QJsonDocument), by the protocol's line parser
// (StrictJson's strictness scan on top of Qt's parser, and the JSON-RPC envelope), and read
// into a HistoryReply (JsonReader). Medians of interleaved rounds. See docs/PERFORMANCE.md.
#include "SimulatedAgent.h"
#include "StrictJson.h"
#include "protocol/RpcMessage.h"
#include "protocol/SamplePoint.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
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

double timedMs(const std::function<bool()> &work)
{
    QElapsedTimer timer;
    timer.start();
    const bool ok = work();
    const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
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
                "medians of %d rounds\n",
                seconds, static_cast<double>(line.size()) / 1e6, rounds);

    std::vector<double> qtParse, lineParse, typedRead;
    qsizetype samples = 0;
    const auto reference = [&] {
        qtParse.push_back(timedMs([&] { return QJsonDocument::fromJson(line).isObject(); }));
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
        typedRead.push_back(timedMs([&] {
            const Result<HistoryReply> reply = readObject<HistoryReply>(result);
            samples = reply.ok() ? reply.value().samples.size() : -1;
            return reply.ok();
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
