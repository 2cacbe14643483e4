#include "tests/bench/console/LoopProbe.h"

#include <algorithm>

namespace anycast::bench {

LoopProbe::LoopProbe()
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, &LoopProbe::onTick);
}

double LoopProbe::threadCpuSeconds()
{
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

void LoopProbe::start()
{
    m_late.clear();
    m_workLate.clear();
    m_late.reserve(1 << 16);
    m_workLate.reserve(1 << 16);
    m_cpuStart = threadCpuSeconds();
    m_cpuAtTick = m_cpuStart;
    m_wall.start();
    m_sinceTick.start();
    m_timer.start();
}

void LoopProbe::onTick()
{
    const double elapsedMs = static_cast<double>(m_sinceTick.nsecsElapsed()) / 1e6;
    m_sinceTick.start();
    const double cpu = threadCpuSeconds();
    const double workedMs = (cpu - m_cpuAtTick) * 1000;
    m_cpuAtTick = cpu;
    const double late = std::max(0.0, elapsedMs - kTickMs);
    m_late.push_back(late);
    m_workLate.push_back(std::min(late, workedMs));
}

LoopProbe::Result LoopProbe::stop()
{
    m_timer.stop();
    Result result;
    result.wallSeconds = static_cast<double>(m_wall.nsecsElapsed()) / 1e9;
    result.busyFraction = (threadCpuSeconds() - m_cpuStart) / std::max(result.wallSeconds, 1e-9);
    if (!m_late.empty()) {
        std::vector<double> sorted = m_late;
        std::sort(sorted.begin(), sorted.end());
        result.longestStallMs = sorted.back();
        result.p99LateMs = sorted[sorted.size() * 99 / 100];
        const auto over = [](double late) { return late > kStallLimitMs; };
        result.stallsOverLimit =
            static_cast<int>(std::count_if(sorted.begin(), sorted.end(), over));
        result.longestWorkStallMs = *std::max_element(m_workLate.begin(), m_workLate.end());
        result.workStallsOverLimit =
            static_cast<int>(std::count_if(m_workLate.begin(), m_workLate.end(), over));
    }
    return result;
}

} // namespace anycast::bench
