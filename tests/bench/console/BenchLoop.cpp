#include "tests/bench/console/BenchLoop.h"

#include "app/session/ConsoleFleet.h"

#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace anycast::bench {

bool historyComplete(ConsoleFleet &fleet)
{
    const QStringList endpoints = fleet.state()->endpoints();
    return std::all_of(endpoints.begin(), endpoints.end(), [&](const QString &endpoint) {
        const NodeSession *session = fleet.session(endpoint);
        return session && session->seriesCovers(session->timings().historyWindow);
    });
}

// processEvents() in a loop would spin, and the probe would measure the spinning.
bool runUntil(const std::function<bool()> &done, std::chrono::milliseconds limit)
{
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    check.start(50);
    QTimer::singleShot(limit, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    if (!done())
        loop.exec();
    return done();
}

void runFor(std::chrono::milliseconds duration)
{
    runUntil([] { return false; }, duration);
}

std::pair<double, double> memoryMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    double rss = 0;
    double hwm = 0;
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            const auto kb = [&line] { return line.simplified().split(' ').value(1).toDouble(); };
            if (line.startsWith("VmRSS:"))
                rss = kb() * 1024 / 1e6;
            else if (line.startsWith("VmHWM:"))
                hwm = kb() * 1024 / 1e6;
        }
    }
    return {rss, hwm};
}

void print(const char *phase, const LoopProbe::Result &result)
{
    std::printf("%-22s %7.1f s  UI thread busy %5.1f %%  longest stall %6.1f ms (working %6.1f ms)"
                "  stalls>50ms %4d (working %d)  p99 late %5.1f ms\n",
                phase, result.wallSeconds, result.busyFraction * 100, result.longestStallMs,
                result.longestWorkStallMs, result.stallsOverLimit, result.workStallsOverLimit,
                result.p99LateMs);
}

} // namespace anycast::bench
