#include "tests/bench/agent/AgentUnderTest.h"

#include "tests/support/AgentStopCheck.h"
#include "tests/support/LoopbackPort.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace anycast::bench {
namespace {

constexpr int kStopSignals[] = {SIGINT, SIGTERM, SIGHUP};
constexpr int kTermGraceMs = 3000;
// The agent logs this once its timers run (AgentRuntime::start()): from then on it samples.
constexpr const char *kStartLine = "agent: node ";

// The live agent, for the signal handler. The handler kills it, then hands the signal on to
// whatever handler was there before (the socket farm's, which kills its workers and re-raises
// with the default action), so one Ctrl-C cleans up everything.
volatile pid_t g_agent = -1;
struct sigaction g_previous[std::size(kStopSignals)];
bool g_installed[std::size(kStopSignals)] = {};

void onStopSignal(int signal)
{
    if (g_agent > 0)
        kill(g_agent, SIGKILL);
    for (std::size_t i = 0; i < std::size(kStopSignals); ++i) {
        if (kStopSignals[i] == signal)
            sigaction(signal, &g_previous[i], nullptr);
    }
    raise(signal);
}

// Signals the caller ignores on purpose (nohup, background jobs) stay ignored.
void installStopHandlers()
{
    for (std::size_t i = 0; i < std::size(kStopSignals); ++i) {
        struct sigaction current = {};
        sigaction(kStopSignals[i], nullptr, &current);
        if (current.sa_handler == SIG_IGN || g_installed[i])
            continue;
        struct sigaction wanted = {};
        wanted.sa_handler = onStopSignal;
        sigaction(kStopSignals[i], &wanted, &g_previous[i]);
        g_installed[i] = true;
    }
}

void restoreStopHandlers()
{
    for (std::size_t i = 0; i < std::size(kStopSignals); ++i) {
        if (g_installed[i])
            sigaction(kStopSignals[i], &g_previous[i], nullptr);
        g_installed[i] = false;
    }
}

std::string errnoText(const std::string &what)
{
    return what + ": " + std::strerror(errno);
}

std::string describeExit(int status)
{
    if (WIFEXITED(status))
        return "exited with status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return std::string("killed by signal ") + strsignal(WTERMSIG(status));
    return "stopped";
}

} // namespace

AgentUnderTest::~AgentUnderTest()
{
    stop();
}

bool AgentUnderTest::writeConfig(const Options &options, std::string *error)
{
    char pattern[] = "/tmp/anycast-bench-agent.XXXXXX";
    if (!mkdtemp(pattern)) {
        *error = errnoText("mkdtemp");
        return false;
    }
    m_dir = pattern;
    m_config = m_dir + "/agent.toml";
    m_log = m_dir + "/agent.log";
    m_httpPort = test::freeLoopbackPort();
    if (m_httpPort == 0) {
        *error = "no free port on 127.0.0.1 below the kernel's ephemeral range";
        return false;
    }
    std::ofstream file(m_config);
    // Sockets and state in the temporary directory, so the run touches nothing of a real
    // agent's (/run/anycast-agent, /var/lib/anycast-agent). What runs is what a production
    // agent runs when idle: the operator API on its Unix socket (group root, so it comes up
    // when the benchmark runs as root; api_group defaults to operators_group), the HTTP
    // /status and /metrics server on loopback, the event log and the history ring buffer
    // (default span). No probe, no prefixes (so no BGP) and no [fleet] peers. No client
    // connects to either server: the benchmark measures the agent's own steady state.
    file << "[agent]\n"
         << "node = \"bench\"\n"
         << "region = \"bench\"\n"
         << "api_socket = \"" << m_dir << "/api.sock\"\n"
         << "bgp_socket = \"" << m_dir << "/bgp.sock\"\n"
         << "state_dir = \"" << m_dir << "/state\"\n"
         << "operators_group = \"root\"\n"
         << "http_listen = \"127.0.0.1:" << m_httpPort << "\"\n"
         << "fast_path_interval = \"" << options.fastPath << "\"\n"
         << "sample_interval = \"" << options.fullSample << "\"\n"
         << "\n[[service]]\n"
         << "name = \"bench\"\n"
         << "ports = [" << options.servicePort << "]\n";
    file.close();
    if (!file) {
        *error = "cannot write " + m_config;
        return false;
    }
    return true;
}

bool AgentUnderTest::start(const Options &options, int timeoutMs, std::string *error)
{
    if (!writeConfig(options, error))
        return false;
    const int log = open(m_log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (log < 0) {
        *error = errnoText("open " + m_log);
        return false;
    }
    std::fflush(stdout); // or the child would flush our buffered output again
    std::fflush(stderr);
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid < 0) {
        *error = errnoText("fork");
        close(log);
        return false;
    }
    if (pid == 0) {
        // If the benchmark dies (a crash, a ctest timeout) the agent goes with it.
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(127);
        for (const int signal : kStopSignals)
            std::signal(signal, SIG_DFL); // the handlers were the benchmark's, not the agent's
        dup2(log, STDOUT_FILENO);
        dup2(log, STDERR_FILENO);
        execl(options.binary.c_str(), options.binary.c_str(), "--config", m_config.c_str(),
              static_cast<char *>(nullptr));
        std::fprintf(stderr, "exec %s: %s\n", options.binary.c_str(), std::strerror(errno));
        _exit(127);
    }
    close(log);
    m_pid = pid;
    g_agent = pid;
    installStopHandlers();

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (readLog().find(kStartLine) == std::string::npos) {
        if (!alive(error))
            return false;
        if (std::chrono::steady_clock::now() > deadline) {
            *error = "the agent did not log its start line within " +
                     std::to_string(timeoutMs / 1000) + " s (log: " + m_log + ")";
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

bool AgentUnderTest::alive(std::string *error)
{
    if (m_pid <= 0) {
        *error = "the agent is not running";
        return false;
    }
    int status = 0;
    const pid_t done = waitpid(m_pid, &status, WNOHANG);
    if (done == 0)
        return true;
    *error = "the agent " + (done == m_pid ? describeExit(status) : errnoText("waitpid")) +
             " (log: " + m_log + ")";
    m_pid = -1;
    g_agent = -1;
    restoreStopHandlers();
    return false;
}

std::vector<std::string> AgentUnderTest::stop()
{
    if (m_pid <= 0)
        return {};
    // SIGTERM, as systemd stops the agent; SIGKILL if it does not go.
    kill(m_pid, SIGTERM);
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(kTermGraceMs);
    int status = 0;
    pid_t done = 0;
    while ((done = waitpid(m_pid, &status, WNOHANG)) == 0 &&
           std::chrono::steady_clock::now() <= deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::vector<std::string> problems;
    if (done == m_pid) {
        const test::ProcessEnd end{WIFEXITED(status),
                                   WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status)};
        problems = test::agentStopProblems(end, readLog());
    } else {
        kill(m_pid, SIGKILL);
        while (waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) {
        }
        problems.push_back("no exit within " + std::to_string(kTermGraceMs) + " ms of SIGTERM");
    }
    m_pid = -1;
    g_agent = -1;
    restoreStopHandlers();
    return problems;
}

std::string AgentUnderTest::readLog() const
{
    std::ifstream file(m_log);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

void AgentUnderTest::removeFiles()
{
    if (m_dir.empty())
        return;
    std::error_code ignored;
    std::filesystem::remove_all(m_dir, ignored);
    m_dir.clear();
}

} // namespace anycast::bench
