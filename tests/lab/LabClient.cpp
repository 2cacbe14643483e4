#include "tests/lab/LabClient.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace anycast::labtest {
namespace {

[[noreturn]] void fail(const std::string &what)
{
    throw std::runtime_error(what);
}

[[noreturn]] void failErrno(const std::string &what)
{
    fail(what + ": " + std::strerror(errno));
}

int remainingMs(Clock::time_point deadline)
{
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    return left.count() > 0 ? int(left.count()) : 0;
}

bool waitFor(int fd, short events, Clock::time_point deadline)
{
    for (;;) {
        pollfd entry{fd, events, 0};
        const int ready = ::poll(&entry, 1, remainingMs(deadline));
        if (ready > 0)
            return true;
        if (ready == 0)
            return false;
        if (errno != EINTR)
            failErrno("poll");
    }
}

} // namespace

std::string binary()
{
    return ANYCAST_BIN_DIR "/anycast-lab-service";
}

LabServiceProcess::LabServiceProcess(const QStringList &arguments)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QString::fromStdString(binary()), arguments);
    if (!m_process.waitForStarted(int(kPatience.count())))
        fail("cannot start " + binary() + ": " + m_process.errorString().toStdString());
    m_listeningLine = readLine();
    const auto colon = m_listeningLine.rfind(':');
    if (!m_listeningLine.starts_with("listening ") || colon == std::string::npos)
        fail("unexpected first line: '" + m_listeningLine + "'");
    m_port = std::uint16_t(std::stoi(m_listeningLine.substr(colon + 1)));
}

LabServiceProcess::~LabServiceProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(int(kPatience.count()));
    }
}

std::string LabServiceProcess::readLine()
{
    const Clock::time_point deadline = Clock::now() + kPatience;
    while (!m_process.canReadLine()) {
        if (m_process.state() == QProcess::NotRunning)
            fail("the service exited (code " + std::to_string(m_process.exitCode()) + ")");
        if (remainingMs(deadline) == 0)
            fail("no line from the service within the deadline");
        m_process.waitForReadyRead(remainingMs(deadline));
    }
    return m_process.readLine().trimmed().toStdString();
}

std::string LabServiceProcess::command(std::string_view line)
{
    m_process.write(QByteArray(line.data(), qsizetype(line.size())) + '\n');
    if (!m_process.waitForBytesWritten(int(kPatience.count())))
        fail("cannot write '" + std::string(line) + "' to the service");
    return readLine();
}

std::map<std::string, long> LabServiceProcess::stats()
{
    const std::string answer = command("stats");
    if (!answer.starts_with("ok "))
        fail("stats answered '" + answer + "'");
    std::map<std::string, long> values;
    std::size_t start = 3;
    while (start < answer.size()) {
        std::size_t end = answer.find(' ', start);
        if (end == std::string::npos)
            end = answer.size();
        const std::string pair = answer.substr(start, end - start);
        const auto equals = pair.find('=');
        if (equals == std::string::npos)
            fail("stats answered '" + answer + "'");
        values[pair.substr(0, equals)] = std::stol(pair.substr(equals + 1));
        start = end + 1;
    }
    return values;
}

bool LabServiceProcess::waitForStat(const std::string &key, long value)
{
    const Clock::time_point deadline = Clock::now() + kPatience;
    do {
        // Each `stats` is a round trip through the service's loop: that paces the asking.
        if (stats().at(key) == value)
            return true;
    } while (Clock::now() < deadline);
    return false;
}

Finished runToExit(const QStringList &arguments)
{
    QProcess process;
    process.start(QString::fromStdString(binary()), arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(int(kPatience.count())))
        fail("the service did not exit");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardError()};
}

ConnectResult tryConnect(const std::string &address, std::uint16_t port)
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    auto *v4 = reinterpret_cast<sockaddr_in *>(&storage);
    auto *v6 = reinterpret_cast<sockaddr_in6 *>(&storage);
    if (inet_pton(AF_INET, address.c_str(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(port);
        length = sizeof *v4;
    } else if (inet_pton(AF_INET6, address.c_str(), &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(port);
        length = sizeof *v6;
    } else {
        fail("not a numeric address: " + address);
    }
    Fd socket(::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (socket.get() < 0)
        failErrno("socket");
    if (::connect(socket.get(), reinterpret_cast<sockaddr *>(&storage), length) == 0)
        return {std::move(socket), 0};
    if (errno != EINPROGRESS)
        return {Fd(), errno};
    if (!waitFor(socket.get(), POLLOUT, Clock::now() + kPatience))
        return {Fd(), ETIMEDOUT};
    int error = 0;
    socklen_t size = sizeof error;
    getsockopt(socket.get(), SOL_SOCKET, SO_ERROR, &error, &size);
    if (error != 0)
        return {Fd(), error};
    return {std::move(socket), 0};
}

Fd connectTo(const std::string &address, std::uint16_t port)
{
    ConnectResult result = tryConnect(address, port);
    if (result.error != 0)
        fail("connect to " + address + ":" + std::to_string(port) + ": " +
             std::strerror(result.error));
    return std::move(result.socket);
}

Fd connectUnix(const std::string &path)
{
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.size() >= sizeof address.sun_path)
        fail("path too long: " + path);
    std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
    Fd socket(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (socket.get() < 0)
        failErrno("socket");
    if (::connect(socket.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
        failErrno("connect to " + path);
    ::fcntl(socket.get(), F_SETFL, ::fcntl(socket.get(), F_GETFL) | O_NONBLOCK);
    return socket;
}

void sendAll(const Fd &socket, std::string_view data)
{
    const Clock::time_point deadline = Clock::now() + kPatience;
    while (!data.empty()) {
        const ssize_t n = ::send(socket.get(), data.data(), data.size(), MSG_NOSIGNAL);
        if (n > 0) {
            data.remove_prefix(std::size_t(n));
        } else if (errno == EAGAIN || errno == EINTR) {
            if (!waitFor(socket.get(), POLLOUT, deadline))
                fail("send: timed out");
        } else {
            failErrno("send");
        }
    }
}

bool readable(const Fd &socket, std::chrono::milliseconds wait)
{
    return waitFor(socket.get(), POLLIN, Clock::now() + wait);
}

std::string readToEnd(const Fd &socket)
{
    const Clock::time_point deadline = Clock::now() + kPatience;
    std::string data;
    for (;;) {
        char chunk[4096];
        const ssize_t n = ::recv(socket.get(), chunk, sizeof chunk, 0);
        if (n > 0) {
            data.append(chunk, std::size_t(n));
        } else if (n == 0) {
            return data;
        } else if (errno == EAGAIN || errno == EINTR) {
            if (!waitFor(socket.get(), POLLIN, deadline))
                fail("no end of answer within the deadline; got '" + data + "'");
        } else {
            failErrno("recv");
        }
    }
}

std::string readLine(const Fd &socket)
{
    const Clock::time_point deadline = Clock::now() + kPatience;
    std::string line;
    for (;;) {
        char c = 0;
        const ssize_t n = ::recv(socket.get(), &c, 1, 0);
        if (n == 1 && c == '\n')
            return line;
        if (n == 1) {
            line.push_back(c);
        } else if (n == 0) {
            fail("connection closed after '" + line + "'");
        } else if (errno == EAGAIN || errno == EINTR) {
            if (!waitFor(socket.get(), POLLIN, deadline))
                fail("no line within the deadline; got '" + line + "'");
        } else {
            failErrno("recv");
        }
    }
}

HttpAnswer parseHttpAnswer(const std::string &raw)
{
    const auto headersEnd = raw.find("\r\n\r\n");
    if (!raw.starts_with("HTTP/1.1 ") || raw.size() < 12 || headersEnd == std::string::npos)
        fail("not an HTTP answer: '" + raw + "'");
    return {std::stoi(raw.substr(9, 3)), raw.substr(0, headersEnd + 2), raw.substr(headersEnd + 4)};
}

HttpAnswer httpGet(const std::string &address, std::uint16_t port)
{
    const Fd socket = connectTo(address, port);
    sendAll(socket, kGet);
    return parseHttpAnswer(readToEnd(socket));
}

} // namespace anycast::labtest
