#include "tests/bench/checkers/ClientLoad.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

namespace anycast::bench {
namespace {

constexpr std::string_view kRequest = "GET / HTTP/1.1\r\nHost: lab\r\nConnection: close\r\n\r\n";

} // namespace

struct ClientLoad::Client
{
    int fd = -1;
    Clock::time_point started;
    bool connected = false;
    std::size_t sent = 0;
    std::string answer;
};

ClientLoad::ClientLoad(quint16 port, std::chrono::milliseconds timeout)
    : m_port(port)
    , m_timeout(timeout)
    , m_thread([this] { run(); })
{}

ClientLoad::~ClientLoad()
{
    m_stop = true;
    m_thread.join();
}

void ClientLoad::setPattern(const LoadPattern &pattern)
{
    std::lock_guard lock(m_mutex);
    m_pattern = pattern;
    ++m_patternVersion;
}

std::vector<ClientOutcome> ClientLoad::finishedSince(Clock::time_point from) const
{
    std::lock_guard lock(m_mutex);
    std::vector<ClientOutcome> result;
    for (const ClientOutcome &outcome : m_finished) {
        if (outcome.started >= from)
            result.push_back(outcome);
    }
    return result;
}

void ClientLoad::startClient(std::vector<Client> &clients, Clock::time_point now)
{
    Client client;
    client.started = now;
    client.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(m_port);
    if (client.fd >= 0 &&
        (::connect(client.fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0 ||
         errno == EINPROGRESS)) {
        clients.push_back(std::move(client));
        return;
    }
    if (client.fd >= 0)
        ::close(client.fd);
    std::lock_guard lock(m_mutex);
    m_finished.push_back({now, now, false});
}

void ClientLoad::run()
{
    std::vector<Client> clients;
    std::vector<pollfd> fds;
    Clock::time_point nextStart = Clock::now();
    std::uint64_t seenVersion = 0;
    LoadPattern pattern;
    while (!m_stop) {
        Clock::time_point now = Clock::now();
        {
            std::lock_guard lock(m_mutex);
            if (m_patternVersion != seenVersion) {
                seenVersion = m_patternVersion;
                pattern = m_pattern;
                nextStart = now;
            }
        }
        const bool steady = pattern.perSecond > 0;
        const bool bursts = pattern.burstSize > 0 && pattern.burstPeriod.count() > 0;
        while ((steady || bursts) && now >= nextStart) {
            if (steady) {
                startClient(clients, now);
                nextStart += std::chrono::duration_cast<Clock::duration>(
                    std::chrono::duration<double>(1.0 / pattern.perSecond));
            } else {
                for (int i = 0; i < pattern.burstSize; ++i)
                    startClient(clients, now);
                nextStart += pattern.burstPeriod;
            }
        }
        fds.clear();
        for (const Client &client : clients) {
            const short events =
                !client.connected || client.sent < kRequest.size() ? short(POLLOUT) : short(POLLIN);
            fds.push_back({client.fd, events, 0});
        }
        auto wait = std::chrono::milliseconds(10);
        if (steady || bursts)
            wait = std::min(wait, std::chrono::ceil<std::chrono::milliseconds>(nextStart - now));
        ::poll(fds.data(), fds.size(), static_cast<int>(std::max<long>(0, wait.count())));
        now = Clock::now();
        for (std::size_t i = 0; i < clients.size(); ++i) {
            Client &client = clients[i];
            const short revents = fds[i].revents;
            bool done = false;
            bool ok = false;
            if (revents & (POLLOUT | POLLERR | POLLHUP) && !client.connected) {
                int error = 0;
                socklen_t length = sizeof error;
                getsockopt(client.fd, SOL_SOCKET, SO_ERROR, &error, &length);
                client.connected = error == 0;
                done = error != 0;
            }
            if (!done && client.connected && client.sent < kRequest.size() && (revents & POLLOUT)) {
                const ssize_t sent = ::send(client.fd, kRequest.data() + client.sent,
                                            kRequest.size() - client.sent, MSG_NOSIGNAL);
                if (sent > 0)
                    client.sent += static_cast<std::size_t>(sent);
                else if (errno != EAGAIN)
                    done = true;
            }
            if (!done && client.sent == kRequest.size() &&
                (revents & (POLLIN | POLLHUP | POLLERR))) {
                char buffer[1024];
                const ssize_t got = ::recv(client.fd, buffer, sizeof buffer, 0);
                if (got > 0) {
                    client.answer.append(buffer, static_cast<std::size_t>(got));
                } else if (got == 0 || errno != EAGAIN) {
                    done = true;
                    ok = got == 0 && client.answer.starts_with("HTTP/1.1 200 ");
                }
            }
            if (!done && now - client.started >= m_timeout)
                done = true;
            if (done) {
                ::close(client.fd);
                client.fd = -1;
                std::lock_guard lock(m_mutex);
                m_finished.push_back({client.started, now, ok});
            }
        }
        std::erase_if(clients, [](const Client &client) { return client.fd < 0; });
    }
    for (const Client &client : clients)
        ::close(client.fd);
}

} // namespace anycast::bench
