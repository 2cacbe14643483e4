#include "tests/probe/ProbeRunner.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <gtest/gtest.h>

namespace anycast::probetest {

ProbeRun runProbe(Probe &probe, std::chrono::milliseconds deadline,
                  std::chrono::milliseconds settle)
{
    ProbeRun run;
    QEventLoop loop;
    QElapsedTimer clock;
    const auto connection =
        QObject::connect(&probe, &Probe::finished, &loop, [&](const ProbeResult &result) {
            if (run.results.empty())
                run.waited = std::chrono::milliseconds(clock.elapsed());
            run.results.push_back(result);
            loop.quit();
        });
    QTimer::singleShot(deadline, &loop, &QEventLoop::quit);
    clock.start();
    run.started = probe.start();
    if (run.started)
        loop.exec();
    if (run.results.empty()) {
        run.waited = std::chrono::milliseconds(clock.elapsed());
    } else {
        QTimer::singleShot(settle, &loop, &QEventLoop::quit);
        loop.exec();
    }
    QObject::disconnect(connection);
    return run;
}

bool waitUntil(const std::function<bool()> &condition, std::chrono::milliseconds deadline)
{
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    while (!condition()) {
        if (clock.elapsed() >= deadline.count())
            return false;
        QTimer::singleShot(10ms, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

ProbeSpec specFor(const QString &text, std::chrono::milliseconds timeout)
{
    auto spec = ProbeSpec::parse(text);
    EXPECT_TRUE(spec) << spec.error().toStdString();
    if (!spec)
        return ProbeSpec();
    spec->timeout = timeout;
    return spec.value();
}

void expectStartRefusedWhileRunningAndFinishedOnce(Probe &probe)
{
    int finishedCount = 0;
    const QObject counting; // disconnects the count on every way out, a failed ASSERT too
    QObject::connect(&probe, &Probe::finished, &counting, [&finishedCount] { ++finishedCount; });
    ASSERT_TRUE(probe.start());
    EXPECT_TRUE(probe.running());
    EXPECT_FALSE(probe.start());
    EXPECT_TRUE(waitUntil([&] { return finishedCount > 0; }, 3s));
    EXPECT_FALSE(waitUntil([&] { return finishedCount > 1; }, 300ms));
    EXPECT_EQ(finishedCount, 1);
    EXPECT_FALSE(probe.running());
}

} // namespace anycast::probetest
