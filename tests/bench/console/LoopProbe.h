#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <ctime>

namespace anycast::bench {

// How hard the UI thread works and how long its event loop ever stops answering: the thread's
// CPU time (CLOCK_THREAD_CPUTIME_ID) against the wall clock, and a precise timer every
// kTickMs whose lateness is a stall. A stall has two causes: our own work, or the machine
// not running us (other processes on a shared machine, the simulator); the CPU time the
// thread used during the late interval tells them apart, so each stall is also reported as
// the part of it spent working.
class LoopProbe final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kTickMs = 5;
    static constexpr double kStallLimitMs = 50;

    struct Result
    {
        double wallSeconds = 0;
        double busyFraction = 0;   // UI thread CPU / wall
        double longestStallMs = 0; // the worst lateness of the tick
        int stallsOverLimit = 0;   // ticks later than kStallLimitMs
        double p99LateMs = 0;
        double longestWorkStallMs = 0; // the worst lateness spent on our own CPU work
        int workStallsOverLimit = 0;
    };

    LoopProbe();
    void start();
    Result stop();

private:
    void onTick();
    static double threadCpuSeconds();

    QTimer m_timer;
    QElapsedTimer m_wall;
    QElapsedTimer m_sinceTick;
    double m_cpuStart = 0;
    double m_cpuAtTick = 0;
    std::vector<double> m_late;
    std::vector<double> m_workLate;
};

} // namespace anycast::bench
