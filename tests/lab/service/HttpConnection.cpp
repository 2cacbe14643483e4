#include "tests/lab/service/HttpConnection.h"

#include <cerrno>
#include <poll.h>
#include <string_view>
#include <sys/socket.h>
#include <unistd.h>

namespace anycast::lab {
namespace {

std::string_view reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

bool wouldBlock(int error)
{
    return error == EAGAIN || error == EWOULDBLOCK || error == EINTR;
}

} // namespace

std::string httpResponse(int status, bool withBody)
{
    // 204 and 304 never carry a body, not even an empty one with a length.
    const bool noBody = status == 204 || status == 304;
    const std::string body = status >= 200 && status < 300 ? "ok\n" : "error\n";
    std::string response =
        "HTTP/1.1 " + std::to_string(status) + " " + std::string(reasonPhrase(status)) + "\r\n";
    response += "Content-Type: text/plain\r\nConnection: close\r\n";
    if (!noBody)
        response += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    response += "\r\n";
    if (!noBody && withBody)
        response += body;
    return response;
}

short HttpConnection::pollEvents() const
{
    switch (m_phase) {
    case Phase::Reading:
    case Phase::Draining:
        return POLLIN;
    case Phase::Writing:
        return POLLOUT;
    case Phase::Waiting:
    case Phase::Done:
        return 0;
    }
    return 0;
}

std::optional<Clock::time_point> HttpConnection::deadline() const
{
    if (m_phase == Phase::Waiting || m_phase == Phase::Draining)
        return m_deadline;
    return std::nullopt;
}

void HttpConnection::onEvents(short revents, int status, std::chrono::milliseconds delay,
                              Clock::time_point now)
{
    if (revents & POLLNVAL) {
        m_phase = Phase::Done;
        return;
    }
    switch (m_phase) {
    case Phase::Reading:
        if (revents & (POLLIN | POLLHUP | POLLERR))
            readRequest(status, delay, now);
        break;
    case Phase::Waiting:
        // Nothing is asked for while waiting, so this is an error or a reset: the client is
        // gone and the answer has nowhere to go.
        if (revents & (POLLHUP | POLLERR))
            m_phase = Phase::Done;
        break;
    case Phase::Writing:
        if (revents & (POLLOUT | POLLHUP | POLLERR))
            write(now);
        break;
    case Phase::Draining:
        if (revents & (POLLIN | POLLHUP | POLLERR))
            drain();
        break;
    case Phase::Done:
        break;
    }
}

void HttpConnection::onTime(Clock::time_point now)
{
    if (m_phase == Phase::Waiting && now >= m_deadline) {
        m_phase = Phase::Writing;
        write(now);
    } else if (m_phase == Phase::Draining && now >= m_deadline) {
        m_phase = Phase::Done;
    }
}

void HttpConnection::readRequest(int status, std::chrono::milliseconds delay, Clock::time_point now)
{
    char chunk[4096];
    const ssize_t n = ::recv(m_fd.get(), chunk, sizeof chunk, 0);
    if (n < 0) {
        if (!wouldBlock(errno))
            m_phase = Phase::Done;
        return;
    }
    if (n == 0) {
        // The client closed before finishing a request (a plain TCP connect ends here).
        m_phase = Phase::Done;
        return;
    }
    m_buffer.append(chunk, static_cast<std::size_t>(n));
    // Bare "\n\n" too, so that a hand-typed request (nc without -C) is answered.
    const bool complete = m_buffer.find("\r\n\r\n") != std::string::npos ||
                          m_buffer.find("\n\n") != std::string::npos;
    if (complete) {
        answer(status, !m_buffer.starts_with("HEAD "), delay, now);
    } else if (m_buffer.size() > kMaxRequestBytes) {
        answer(431, true, std::chrono::milliseconds(0), now);
    }
}

void HttpConnection::answer(int status, bool withBody, std::chrono::milliseconds delay,
                            Clock::time_point now)
{
    m_buffer = httpResponse(status, withBody);
    m_sent = 0;
    if (delay.count() > 0) {
        m_phase = Phase::Waiting;
        m_deadline = now + delay;
        return;
    }
    m_phase = Phase::Writing;
    write(now);
}

void HttpConnection::write(Clock::time_point now)
{
    while (m_sent < m_buffer.size()) {
        const ssize_t n =
            ::send(m_fd.get(), m_buffer.data() + m_sent, m_buffer.size() - m_sent, MSG_NOSIGNAL);
        if (n < 0) {
            if (!wouldBlock(errno))
                m_phase = Phase::Done;
            return;
        }
        m_sent += static_cast<std::size_t>(n);
    }
    ::shutdown(m_fd.get(), SHUT_WR);
    m_buffer.clear();
    m_phase = Phase::Draining;
    m_deadline = now + kDrainTimeout;
}

void HttpConnection::drain()
{
    // One read per wakeup, so a client that keeps sending cannot hold the loop.
    char chunk[4096];
    const ssize_t n = ::recv(m_fd.get(), chunk, sizeof chunk, 0);
    if (n == 0 || (n < 0 && !wouldBlock(errno)))
        m_phase = Phase::Done;
}

} // namespace anycast::lab
