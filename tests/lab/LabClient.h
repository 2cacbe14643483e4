#pragma once

#include "agent/support/FileDescriptor.h"

#include <QByteArray>
#include <QProcess>
#include <QStringList>

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

// Test-side helpers for anycast-lab-service: the service as a child process, and plain POSIX
// clients for it. Failures throw std::runtime_error with the reason, which GoogleTest reports
// as a test failure; every wait has a deadline, so a broken service fails a test, never hangs.
namespace anycast::labtest {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Generous: a loaded CI machine must not fail a test that is merely slow.
inline constexpr std::chrono::milliseconds kPatience = 5s;

// The service, started from the build's bin/ with stdout piped (for its `listening` line and
// the answers to stdin commands) and stderr passed through to the test's own stderr.
class LabServiceProcess
{
public:
    explicit LabServiceProcess(const QStringList &arguments);
    ~LabServiceProcess();
    LabServiceProcess(const LabServiceProcess &) = delete;
    LabServiceProcess &operator=(const LabServiceProcess &) = delete;

    std::uint16_t port() const { return m_port; }
    // The first line the service printed, e.g. "listening 127.0.0.1:40123".
    const std::string &listeningLine() const { return m_listeningLine; }
    QProcess &process() { return m_process; }

    // Sends one command on stdin and returns the one answer line (without the newline).
    std::string command(std::string_view line);
    // `stats`, as key -> value ("accepted" -> 3). Throws if the answer is not `ok ...`.
    std::map<std::string, long> stats();
    // Asks `stats` until `key` has `value`; false if it never does within kPatience.
    bool waitForStat(const std::string &key, long value);

private:
    std::string readLine();

    QProcess m_process;
    std::string m_listeningLine;
    std::uint16_t m_port = 0;
};

// Runs the service with `arguments` to its end (it is expected to exit at once).
struct Finished
{
    int exitCode = -1;
    QByteArray err;
};
Finished runToExit(const QStringList &arguments);

std::string binary(); // <build>/bin/anycast-lab-service

// The lab tests' short name for an owned socket descriptor.
using Fd = FileDescriptor;

// Connects to address:port (numeric, "127.0.0.1" or "::1") and waits for the handshake to
// finish on the client side. Returns the socket, or the errno of the failure (ECONNREFUSED).
struct ConnectResult
{
    Fd socket;
    int error = 0;
};
ConnectResult tryConnect(const std::string &address, std::uint16_t port);
Fd connectTo(const std::string &address, std::uint16_t port); // throws on failure

// Connects to a Unix stream socket.
Fd connectUnix(const std::string &path);

void sendAll(const Fd &socket, std::string_view data);
// Whether data (or the peer's close) can be read within `wait` (0: right now).
bool readable(const Fd &socket, std::chrono::milliseconds wait);
// Reads until the peer closes the connection; throws if that takes longer than kPatience.
std::string readToEnd(const Fd &socket);
// Reads one '\n'-terminated line (returned without it) within kPatience.
std::string readLine(const Fd &socket);

struct HttpAnswer
{
    int status = 0;
    std::string headers;
    std::string body;
};
HttpAnswer parseHttpAnswer(const std::string &raw); // throws on a malformed answer
inline constexpr std::string_view kGet = "GET / HTTP/1.1\r\nHost: lab\r\n\r\n";
// One GET on a new connection, answer read to the end.
HttpAnswer httpGet(const std::string &address, std::uint16_t port);

} // namespace anycast::labtest
