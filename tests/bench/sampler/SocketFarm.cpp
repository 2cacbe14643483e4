#include "tests/bench/sampler/SocketFarm.h"

#include "tests/bench/sampler/Measure.h"

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace anycast::bench {
namespace {

// Keep each worker clear of the fd limit: two fds per connection plus a few of its own.
constexpr std::uint64_t kMaxConnectionsPerWorker = 9000;
constexpr std::uint64_t kReservedFds = 64;
// A source address carries at most this many connections, far below the ~28k ephemeral
// ports one address has, so connect() never runs out of ports however large the farm.
constexpr std::uint64_t kConnectionsPerSource = 1000;
constexpr std::uint32_t kFirstSource = 0x7F010001; // 127.1.0.1; all of 127/8 is loopback
constexpr int kProgressEvery = 1000;
constexpr int kStallTimeoutMs = 60000;

// Fixed size and well under PIPE_BUF, so each write is atomic and reads never split one.
struct Report
{
    std::int32_t worker = 0;
    std::int32_t made = 0;
    std::int32_t error = 0; // errno of the failing call, 0 when none
    std::int32_t done = 0;
    char call[16] = {}; // which call failed
};

constexpr int kStopSignals[] = {SIGINT, SIGTERM, SIGHUP};
constexpr std::size_t kMaxWorkers = 4096;

// The live farm's workers, for the signal handler (one farm per process). A Ctrl-C kills the
// workers with it anyway (same process group), and PR_SET_PDEATHSIG covers a SIGKILL of the
// benchmark; this covers a SIGTERM or SIGHUP sent to the benchmark alone.
pid_t g_workers[kMaxWorkers];
volatile sig_atomic_t g_workerCount = 0;

void onStopSignal(int signal)
{
    for (sig_atomic_t i = 0; i < g_workerCount; ++i)
        kill(g_workers[i], SIGKILL);
    struct sigaction fallback = {};
    fallback.sa_handler = SIG_DFL;
    sigaction(signal, &fallback, nullptr);
    raise(signal); // end as the signal would have, so the exit status says which it was
}

// Installed only where the signal is not ignored: `nohup` and background jobs ignore some on
// purpose, and that choice is the caller's.
void setStopHandlers(bool install)
{
    for (const int signal : kStopSignals) {
        struct sigaction current = {};
        sigaction(signal, nullptr, &current);
        if (current.sa_handler == SIG_IGN)
            continue;
        struct sigaction wanted = {};
        wanted.sa_handler = install ? onStopSignal : SIG_DFL;
        sigaction(signal, &wanted, nullptr);
    }
}

std::string errnoText(const std::string &what, int error)
{
    return what + ": " + std::strerror(error);
}

void send(int fd, const Report &report)
{
    while (write(fd, &report, sizeof report) < 0 && errno == EINTR) {
    }
}

// Abortive close: the sockets vanish at teardown instead of leaving 50,000 TIME_WAIT
// sockets behind that the next run would count.
void lingerZero(int fd)
{
    const linger off{1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &off, sizeof off);
}

// One connection: bind the client to its source address (the port is picked at connect()
// thanks to IP_BIND_ADDRESS_NO_PORT, so ports are shared across destinations), connect, and
// accept a completed connection from the shared listener. A loopback connect() completes
// the handshake before it returns, so the accept never waits for long. The accepted
// connection may be another worker's; each worker still gains two fds per round.
const char *connectOnce(int listener, std::uint16_t port, std::uint64_t index)
{
    const int client = socket(AF_INET, SOCK_STREAM, 0);
    if (client < 0)
        return "socket";
    lingerZero(client);
    const int one = 1;
    setsockopt(client, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
    sockaddr_in source{};
    source.sin_family = AF_INET;
    source.sin_addr.s_addr =
        htonl(kFirstSource + static_cast<std::uint32_t>(index / kConnectionsPerSource));
    if (bind(client, reinterpret_cast<const sockaddr *>(&source), sizeof source) < 0)
        return "bind";
    sockaddr_in service{};
    service.sin_family = AF_INET;
    service.sin_port = htons(port);
    service.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(client, reinterpret_cast<const sockaddr *>(&service), sizeof service) < 0)
        return "connect";
    int server;
    while ((server = accept(listener, nullptr, nullptr)) < 0 && errno == EINTR) {
    }
    if (server < 0)
        return "accept";
    lingerZero(server);
    return nullptr;
}

[[noreturn]] void runWorker(int worker, std::uint64_t first, std::uint64_t count, int listener,
                            std::uint16_t port, int statusWrite, int releaseRead, pid_t parent)
{
    setStopHandlers(false); // the parent's handler would kill this worker's elder siblings
    // If the benchmark dies (Ctrl-C, a crash, a ctest timeout) the workers go with it.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(1);

    Report report;
    report.worker = worker;
    for (std::uint64_t i = 0; i < count; ++i) {
        if (const char *failed = connectOnce(listener, port, first + i)) {
            report.error = errno;
            std::snprintf(report.call, sizeof report.call, "%s", failed);
            break;
        }
        report.made = static_cast<std::int32_t>(i + 1);
        if (report.made % kProgressEvery == 0)
            send(statusWrite, report);
    }
    report.done = 1;
    send(statusWrite, report);
    close(listener);

    // Hold every socket until the parent closes the release pipe (or dies): read sees EOF.
    char byte;
    while (read(releaseRead, &byte, 1) < 0 && errno == EINTR) {
    }
    _exit(0);
}

} // namespace

std::unique_ptr<SocketFarm> SocketFarm::build(const Options &options, std::string *error)
{
    const auto start = std::chrono::steady_clock::now();
    std::unique_ptr<SocketFarm> farm(new SocketFarm);

    rlimit files{};
    getrlimit(RLIMIT_NOFILE, &files);
    files.rlim_cur = files.rlim_max; // inherited by the workers
    if (setrlimit(RLIMIT_NOFILE, &files) < 0) {
        *error = errnoText("cannot raise RLIMIT_NOFILE", errno);
        return nullptr;
    }
    if (files.rlim_cur < 2 * kReservedFds) {
        *error = "RLIMIT_NOFILE hard limit " + std::to_string(files.rlim_cur) + " is too low";
        return nullptr;
    }
    farm->m_perWorker =
        std::min<std::uint64_t>(kMaxConnectionsPerWorker, (files.rlim_cur - kReservedFds) / 2);

    if (!farm->openListener(options.port, error))
        return nullptr;
    const std::uint64_t connections = (options.sockets + 1) / 2;
    std::printf("building the socket farm: %llu connections to 127.0.0.1:%u "
                "(%llu sockets), up to %llu connections per worker process\n",
                static_cast<unsigned long long>(connections), farm->m_port,
                static_cast<unsigned long long>(2 * connections),
                static_cast<unsigned long long>(farm->m_perWorker));
    std::fflush(stdout);
    if (!farm->startWorkers(connections, error) || !farm->waitUntilReady(connections, error))
        return nullptr; // the destructor tears down what was started
    farm->m_connections = connections;
    farm->m_buildSeconds = millisecondsSince(start) / 1000;
    return farm;
}

SocketFarm::~SocketFarm()
{
    tearDown();
}

bool SocketFarm::openListener(std::uint16_t port, std::string *error)
{
    m_listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listener < 0) {
        *error = errnoText("listener: socket", errno);
        return false;
    }
    const int one = 1;
    setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    // The backlog is capped by net.core.somaxconn; workers accept right after each
    // connect, so the queue holds at most a few connections per worker anyway.
    if (bind(m_listener, reinterpret_cast<const sockaddr *>(&address), sizeof address) < 0 ||
        listen(m_listener, 65535) < 0 ||
        getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length) < 0) {
        *error = errnoText("listener on 127.0.0.1:" + std::to_string(port), errno);
        return false;
    }
    m_port = ntohs(address.sin_port);
    return true;
}

bool SocketFarm::startWorkers(std::uint64_t connections, std::string *error)
{
    int status[2];
    int release[2];
    if (pipe2(status, O_CLOEXEC) < 0 || pipe2(release, O_CLOEXEC) < 0) {
        *error = errnoText("pipe", errno);
        return false;
    }
    m_statusRead = status[0];
    m_releaseWrite = release[1];

    const std::uint64_t count = (connections + m_perWorker - 1) / m_perWorker;
    if (count > kMaxWorkers) {
        *error = "the farm would need " + std::to_string(count) + " worker processes; at most " +
                 std::to_string(kMaxWorkers);
        return false;
    }
    setStopHandlers(true);
    const pid_t parent = getpid();
    std::fflush(stdout); // or the children would flush our buffered output again
    std::uint64_t first = 0;
    for (std::uint64_t worker = 0; worker < count; ++worker) {
        // Spread evenly: 50,000 over 6 workers is 8,334 + 8,333 x 5, not 9,000 x 5 + 5,000.
        const std::uint64_t share = connections / count + (worker < connections % count);
        const pid_t pid = fork();
        if (pid < 0) {
            *error = errnoText("fork", errno);
            break;
        }
        if (pid == 0) {
            close(status[0]);
            close(release[1]);
            runWorker(static_cast<int>(worker), first, share, m_listener, m_port, status[1],
                      release[0], parent);
        }
        m_workers.push_back(pid);
        g_workers[g_workerCount] = pid;
        g_workerCount = g_workerCount + 1;
        first += share;
    }
    close(status[1]); // only workers write; EOF here means every worker has gone
    close(release[0]);
    return m_workers.size() == count;
}

bool SocketFarm::waitUntilReady(std::uint64_t connections, std::string *error)
{
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::uint64_t> made(m_workers.size());
    std::size_t finished = 0;
    const std::uint64_t step = std::max<std::uint64_t>(connections / 10, 1);
    std::uint64_t nextProgress = step;
    while (finished < m_workers.size()) {
        pollfd readable{m_statusRead, POLLIN, 0};
        const int ready = poll(&readable, 1, kStallTimeoutMs);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0) {
            *error =
                ready == 0 ? "socket farm stalled: no progress for 60 s" : errnoText("poll", errno);
            return false;
        }
        Report reports[64];
        const ssize_t got = read(m_statusRead, reports, sizeof reports);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0 || got % static_cast<ssize_t>(sizeof(Report)) != 0) {
            *error = "a socket farm worker exited before it was ready";
            return false;
        }
        for (ssize_t i = 0; i < got / static_cast<ssize_t>(sizeof(Report)); ++i) {
            const Report &report = reports[i];
            made[static_cast<std::size_t>(report.worker)] = static_cast<std::uint64_t>(report.made);
            if (report.done && report.error) {
                *error = "socket farm worker " + std::to_string(report.worker) + " failed after " +
                         std::to_string(report.made) +
                         " connections: " + errnoText(report.call, report.error);
                return false;
            }
            finished += report.done ? 1 : 0;
        }
        std::uint64_t total = 0;
        for (const std::uint64_t count : made)
            total += count;
        if (total >= nextProgress || finished == m_workers.size()) {
            std::printf("  %llu/%llu connections (%llu%%), %.1f s\n",
                        static_cast<unsigned long long>(total),
                        static_cast<unsigned long long>(connections),
                        static_cast<unsigned long long>(100 * total / connections),
                        millisecondsSince(start) / 1000);
            std::fflush(stdout);
            while (nextProgress <= total)
                nextProgress += step;
        }
    }
    return true;
}

double SocketFarm::tearDown()
{
    const auto start = std::chrono::steady_clock::now();
    if (m_releaseWrite >= 0)
        close(m_releaseWrite);
    m_releaseWrite = -1;
    // A worker still building (teardown after a failure) does not read the release pipe yet;
    // SIGKILL ends it all the same, and exit closes its sockets just as _exit would.
    for (const pid_t pid : m_workers)
        kill(pid, SIGKILL);
    for (const pid_t pid : m_workers) {
        while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
        }
    }
    if (!m_workers.empty()) {
        g_workerCount = 0;
        setStopHandlers(false);
    }
    m_workers.clear();
    for (int *fd : {&m_statusRead, &m_listener}) {
        if (*fd >= 0)
            close(*fd);
        *fd = -1;
    }
    return millisecondsSince(start) / 1000;
}

} // namespace anycast::bench
