#include "tests/bench/probe/ProbeRun.h"

#include "tests/bench/common/ProcessCpu.h"
#include "tests/bench/common/StopOnSignal.h"
#include "tests/bench/common/TimedChild.h"
#include "tests/support/AgentStopCheck.h"
#include "tests/support/AgentTestConfig.h"

#include <QTemporaryDir>

#include <ctime>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace anycast::bench {
namespace {

constexpr const char *kHealthyLine = "health web: starting -> healthy";
constexpr const char *kHealthPrefix = "health web: ";

std::string logOf(const std::vector<TimedLine> &lines)
{
    std::string text;
    for (const TimedLine &line : lines)
        text += "  " + line.text + '\n';
    return text;
}

// The agent's config for `setup`: what the integration tests write (AgentTestConfig), plus
// the operator API up (group root, as anycast-bench-agent does), so that the agent measured
// is the one deployed, less BGP.
QString writeConfig(const QTemporaryDir &dir, quint16 port, const ProbeSetup &setup)
{
    labtest::AgentTestConfig config(dir);
    config.node(QStringLiteral("bench-probe")).operatorsGroup(QStringLiteral("root"));
    labtest::ServiceTestConfig &web = config.addService(QStringLiteral("web"), {port});
    if (!setup.url.isEmpty())
        web.probe(setup.url).probeInterval(setup.interval);
    const QString path = config.write();
    if (path.isEmpty())
        throw std::runtime_error("cannot write the agent's config in " + dir.path().toStdString());
    return path;
}

struct Snapshot
{
    Clock::time_point at;
    CpuReading agent;
    CpuReading lab;
    long accepted = 0;
};

Snapshot snapshot(pid_t agent, pid_t lab, labtest::LabServiceProcess &service)
{
    Snapshot taken;
    taken.at = Clock::now();
    taken.agent = readCpu(agent);
    taken.lab = readCpu(lab);
    // `stats` goes over the service's stdin, not a connection: it does not count itself.
    taken.accepted = service.stats().at("accepted");
    return taken;
}

// SIGTERM, as systemd stops the agent; the stop must be clean (AgentStopCheck).
void stopCleanly(TimedChild &agent)
{
    const int status = agent.stop();
    const std::vector<TimedLine> lines = agent.linesToTheEnd();
    std::string log;
    for (const TimedLine &line : lines)
        log += line.text + '\n';
    const test::ProcessEnd end{WIFEXITED(status),
                               WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status)};
    const std::vector<std::string> problems = test::agentStopProblems(end, log);
    if (!problems.empty())
        throw std::runtime_error(
            "the agent did not stop cleanly: " + test::describeStopProblems(problems) +
            "\nits log:\n" + logOf(lines));
}

} // namespace

CpuReading readCpu(pid_t pid)
{
    CpuReading reading;
    clockid_t clock;
    timespec time{};
    if (clock_getcpuclockid(pid, &clock) == 0 && clock_gettime(clock, &time) == 0)
        reading.clockSeconds = double(time.tv_sec) + double(time.tv_nsec) / 1e9;
    // ProcessCpu::ticksOf() adds cutime + cstime: zero here, the agent waits for no child.
    const long long ticks = ProcessCpu::ticksOf(pid);
    if (ticks >= 0)
        reading.tickSeconds = double(ticks) / double(sysconf(_SC_CLK_TCK));
    return reading;
}

RunResult measureRun(const std::string &agentBinary, labtest::LabServiceProcess &lab,
                     const ProbeSetup &setup, const RunTiming &timing)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        throw std::runtime_error("no temporary folder: " + dir.errorString().toStdString());
    const QString config = writeConfig(dir, lab.port(), setup);
    const pid_t labPid = static_cast<pid_t>(lab.process().processId());

    TimedChild agent({agentBinary, "--config", config.toStdString()});
    stopOnSignal({agent.pid(), labPid});
    const auto healthy =
        agent.waitFor([](const std::string &line) { return line.find(kHealthyLine) == 0; }, 0,
                      Clock::now() + timing.healthyPatience);
    if (!healthy) {
        const std::string state = agent.running() ? "still running" : "exited";
        agent.stop();
        throw std::runtime_error("the agent (" + setup.label + ") did not log \"" + kHealthyLine +
                                 "\" within " + std::to_string(timing.healthyPatience.count()) +
                                 " s; it " + state + ". Its log:\n" + logOf(agent.linesToTheEnd()));
    }
    std::this_thread::sleep_for(timing.warmup);
    if (!agent.running())
        throw std::runtime_error("the agent exited during the warm-up. Its log:\n" +
                                 logOf(agent.linesToTheEnd()));

    const Snapshot before = snapshot(agent.pid(), labPid, lab);
    std::this_thread::sleep_for(timing.measured);
    const Snapshot after = snapshot(agent.pid(), labPid, lab);
    if (!agent.running() || after.agent.clockSeconds < 0 || before.agent.clockSeconds < 0 ||
        after.lab.clockSeconds < 0 || before.lab.clockSeconds < 0)
        throw std::runtime_error("the agent or the lab service went away while measured. The "
                                 "agent's log:\n" +
                                 logOf(agent.linesToTheEnd()));

    RunResult result;
    result.wallSeconds = std::chrono::duration<double>(after.at - before.at).count();
    result.agentSeconds = after.agent.clockSeconds - before.agent.clockSeconds;
    result.agentTickSeconds = after.agent.tickSeconds - before.agent.tickSeconds;
    result.labSeconds = after.lab.clockSeconds - before.lab.clockSeconds;
    result.labTickSeconds = after.lab.tickSeconds - before.lab.tickSeconds;
    result.probeRuns = after.accepted - before.accepted;
    // Any health change after "starting -> healthy" means a probe failed: the run would not
    // have measured a healthy service's probe.
    const std::vector<TimedLine> lines = agent.lines();
    for (std::size_t i = healthy->first + 1; i < lines.size(); ++i) {
        if (lines[i].text.starts_with(kHealthPrefix)) {
            ++result.healthChanges;
            result.healthLines += "  " + lines[i].text + '\n';
        }
    }
    stopCleanly(agent);
    return result;
}

} // namespace anycast::bench
