#include "tests/bridge/BridgeHarness.h"

#include <QDir>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sstream>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

namespace anycast::test {
namespace {

using Clock = std::chrono::steady_clock;

int remainingMs(Clock::time_point deadline)
{
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    return static_cast<int>(std::max<long long>(0, left.count()));
}

bool waitFor(int fd, short events, Clock::time_point deadline)
{
    pollfd entry{fd, events, 0};
    for (;;) {
        const int ready = ::poll(&entry, 1, remainingMs(deadline));
        if (ready > 0)
            return true;
        if (ready == 0 || errno != EINTR)
            return false;
    }
}

} // namespace

std::optional<std::string> LineReader::readLine(int fd, std::chrono::milliseconds timeout)
{
    const Clock::time_point deadline = Clock::now() + timeout;
    for (;;) {
        if (const std::size_t newline = m_buffer.find('\n'); newline != std::string::npos) {
            std::string line = m_buffer.substr(0, newline);
            m_buffer.erase(0, newline + 1);
            return line;
        }
        if (fd < 0 || !waitFor(fd, POLLIN, deadline))
            return std::nullopt;
        char chunk[65536];
        const ssize_t got = ::read(fd, chunk, sizeof chunk);
        if (got == 0)
            return std::nullopt;
        if (got > 0)
            m_buffer.append(chunk, static_cast<std::size_t>(got));
        else if (errno != EAGAIN && errno != EINTR)
            return std::nullopt;
    }
}

std::string bridgeBinary()
{
    return ANYCAST_BIN_DIR "/anycast-exabgp-bridge";
}

BridgeProcess::BridgeProcess(const std::vector<std::string> &arguments,
                             const std::string &stderrPath)
    : m_stderrPath(stderrPath)
{
    // The test writes to a bridge that may have exited; that must fail, not kill the test.
    ::signal(SIGPIPE, SIG_IGN);
    int toChild[2];
    int fromChild[2];
    if (::pipe2(toChild, O_CLOEXEC) != 0 || ::pipe2(fromChild, O_CLOEXEC) != 0)
        return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, toChild[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fromChild[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderrPath.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const std::string binary = bridgeBinary();
    std::vector<char *> argv{const_cast<char *>(binary.c_str())};
    for (const std::string &argument : arguments)
        argv.push_back(const_cast<char *>(argument.c_str()));
    argv.push_back(nullptr);
    if (::posix_spawn(&m_pid, binary.c_str(), &actions, nullptr, argv.data(), environ) != 0)
        m_pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    ::close(toChild[0]);
    ::close(fromChild[1]);
    m_stdin.reset(toChild[1]);
    m_stdout.reset(fromChild[0]);
    ::fcntl(m_stdin.get(), F_SETFL, O_NONBLOCK);
    ::fcntl(m_stdout.get(), F_SETFL, O_NONBLOCK);
}

BridgeProcess::~BridgeProcess()
{
    if (running()) {
        ::kill(m_pid, SIGKILL);
        waitExit(DefaultDeadline);
    }
}

void BridgeProcess::writeStdin(const std::string &bytes)
{
    const Clock::time_point deadline = Clock::now() + DefaultDeadline;
    std::size_t done = 0;
    while (done < bytes.size() && m_stdin.valid()) {
        const ssize_t written = ::write(m_stdin.get(), bytes.data() + done, bytes.size() - done);
        if (written > 0) {
            done += static_cast<std::size_t>(written);
        } else if (errno != EAGAIN || !waitFor(m_stdin.get(), POLLOUT, deadline)) {
            ADD_FAILURE() << "writing to the bridge's stdin failed: " << std::strerror(errno);
            return;
        }
    }
}

void BridgeProcess::closeStdin()
{
    m_stdin.reset();
}

std::optional<std::string> BridgeProcess::readStdoutLine(std::chrono::milliseconds timeout)
{
    return m_reader.readLine(m_stdout.get(), timeout);
}

std::optional<int> BridgeProcess::waitExit(std::chrono::milliseconds timeout)
{
    const Clock::time_point deadline = Clock::now() + timeout;
    while (!m_exitCode && m_pid > 0) {
        int status = 0;
        const pid_t done = ::waitpid(m_pid, &status, WNOHANG);
        if (done == m_pid) {
            m_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            break;
        }
        if (Clock::now() >= deadline)
            break;
        // No child-exit descriptor to poll without a SIGCHLD handler in the test process.
        std::this_thread::sleep_for(5ms);
    }
    return m_exitCode;
}

bool BridgeProcess::running()
{
    return m_pid > 0 && !waitExit(0ms);
}

void BridgeProcess::signal(int number)
{
    if (running())
        ::kill(m_pid, number);
}

std::string BridgeProcess::stderrText() const
{
    std::ifstream file(m_stderrPath);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

bool BridgeProcess::waitForStderr(const std::string &text, std::chrono::milliseconds timeout) const
{
    const Clock::time_point deadline = Clock::now() + timeout;
    for (;;) {
        if (stderrText().find(text) != std::string::npos)
            return true;
        if (Clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(5ms);
    }
}

AgentServer::AgentServer(std::string path)
    : m_path(std::move(path))
{}

AgentServer::~AgentServer()
{
    stop();
}

bool AgentServer::listen()
{
    m_listener.reset(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, m_path.c_str(), sizeof address.sun_path - 1);
    return m_listener.valid() &&
           ::bind(m_listener.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
           ::listen(m_listener.get(), 4) == 0;
}

bool AgentServer::accept(std::chrono::milliseconds timeout)
{
    if (!m_listener.valid() || !waitFor(m_listener.get(), POLLIN, Clock::now() + timeout))
        return false;
    m_connection.reset(::accept4(m_listener.get(), nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK));
    m_reader.clear();
    return m_connection.valid();
}

void AgentServer::stop()
{
    m_connection.reset();
    if (m_listener.valid()) {
        m_listener.reset();
        ::unlink(m_path.c_str());
    }
    m_reader.clear();
}

bool AgentServer::sendLine(const std::string &line)
{
    return sendAll(line + "\n");
}

bool AgentServer::sendAll(const std::string &bytes, std::chrono::milliseconds timeout)
{
    const Clock::time_point deadline = Clock::now() + timeout;
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t sent =
            ::send(m_connection.get(), bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
        if (sent > 0)
            done += static_cast<std::size_t>(sent);
        else if (errno != EAGAIN || !waitFor(m_connection.get(), POLLOUT, deadline))
            return false;
    }
    return true;
}

std::optional<std::string> AgentServer::readLine(std::chrono::milliseconds timeout)
{
    return m_reader.readLine(m_connection.get(), timeout);
}

bool AgentServer::waitForClose(std::chrono::milliseconds timeout)
{
    const Clock::time_point deadline = Clock::now() + timeout;
    char chunk[65536];
    while (waitFor(m_connection.get(), POLLIN, deadline)) {
        const ssize_t got = ::read(m_connection.get(), chunk, sizeof chunk);
        if (got == 0 || (got < 0 && errno != EAGAIN && errno != EINTR))
            return true;
    }
    return false;
}

BridgeFixtureDir::BridgeFixtureDir()
    : m_dir(QDir::tempPath() + QStringLiteral("/bridge-XXXXXX"))
{}

std::string BridgeFixtureDir::socketPath() const
{
    return m_dir.filePath(QStringLiteral("bgp.sock")).toStdString();
}

std::string BridgeFixtureDir::stderrPath() const
{
    return m_dir.filePath(QStringLiteral("bridge.err")).toStdString();
}

} // namespace anycast::test
