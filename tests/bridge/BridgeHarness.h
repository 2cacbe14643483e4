#pragma once

#include "agent/support/FileDescriptor.h"

#include <QTemporaryDir>

#include <chrono>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace anycast::test {

using namespace std::chrono_literals;

// Generous: a loaded CI machine may be slow, and every wait ends early when its event comes.
inline constexpr std::chrono::milliseconds DefaultDeadline = 10s;

// Reads '\n'-terminated lines from a non-blocking descriptor, waiting with poll() up to a
// deadline. nullopt on timeout or end of stream.
class LineReader
{
public:
    std::optional<std::string> readLine(int fd, std::chrono::milliseconds timeout);
    void clear() { m_buffer.clear(); }

private:
    std::string m_buffer;
};

// The real anycast-exabgp-bridge as a child process. The test plays ExaBGP's side on the
// child's stdin/stdout: a stand-in for ExaBGP, speaking the same line protocol; tests against
// a real ExaBGP live with the lab harness. stderr goes to a file the test can search.
class BridgeProcess
{
public:
    BridgeProcess(const std::vector<std::string> &arguments, const std::string &stderrPath);
    ~BridgeProcess();
    BridgeProcess(const BridgeProcess &) = delete;
    BridgeProcess &operator=(const BridgeProcess &) = delete;

    bool started() const { return m_pid > 0; }
    void writeStdin(const std::string &bytes);
    void closeStdin();
    std::optional<std::string> readStdoutLine(std::chrono::milliseconds timeout = DefaultDeadline);
    // The exit status, or nullopt if still running at the deadline (-1 when killed by signal).
    std::optional<int> waitExit(std::chrono::milliseconds timeout = DefaultDeadline);
    bool running();
    void signal(int number);
    // True once stderr contains `text`, polling until the deadline.
    bool waitForStderr(const std::string &text,
                       std::chrono::milliseconds timeout = DefaultDeadline) const;
    std::string stderrText() const;

private:
    pid_t m_pid = -1;
    FileDescriptor m_stdin;
    FileDescriptor m_stdout;
    std::optional<int> m_exitCode;
    std::string m_stderrPath;
    LineReader m_reader;
};

// The agent's side: a real Unix stream socket server that accepts one bridge at a time.
class AgentServer
{
public:
    explicit AgentServer(std::string path);
    ~AgentServer();
    AgentServer(const AgentServer &) = delete;
    AgentServer &operator=(const AgentServer &) = delete;

    bool listen();
    bool accept(std::chrono::milliseconds timeout = DefaultDeadline);
    // Closes the connection and the listener and removes the socket file: the agent stops.
    void stop();
    bool sendLine(const std::string &line);
    // Writes as much as the socket takes before the deadline; false if the peer went away.
    bool sendAll(const std::string &bytes, std::chrono::milliseconds timeout = DefaultDeadline);
    std::optional<std::string> readLine(std::chrono::milliseconds timeout = DefaultDeadline);
    // True when the bridge closed the connection before the deadline.
    bool waitForClose(std::chrono::milliseconds timeout = DefaultDeadline);

private:
    std::string m_path;
    FileDescriptor m_listener;
    FileDescriptor m_connection;
    LineReader m_reader;
};

// A directory for the socket and the stderr log, with paths short enough for sun_path.
class BridgeFixtureDir
{
public:
    BridgeFixtureDir();
    std::string socketPath() const;
    std::string stderrPath() const;

private:
    QTemporaryDir m_dir;
};

std::string bridgeBinary();

} // namespace anycast::test
