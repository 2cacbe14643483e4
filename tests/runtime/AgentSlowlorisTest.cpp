#include "agent/support/FileDescriptor.h"
#include "tests/runtime/RuntimeAgent.h"
#include "tests/support/HttpGet.h"

#include <QThread>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

// A slowloris against the real agent's /status: many connections from one address, each
// sending its request head a byte at a time and reconnecting whenever the agent drops it.
// The fleet guard of every other node depends on this endpoint answering.
namespace anycast::test {
namespace {

using namespace std::chrono_literals;

// Holds `connections` sockets from `source` to 127.0.0.1:`port` open, each trickling a never
// ending request head, until destroyed. Plain sockets on a thread of its own: the agent is
// another process and the test's own requests block.
class Slowloris
{
public:
    Slowloris(quint16 port, const char *source, int connections)
        : m_thread([=, this] { run(port, source, connections); })
    {}
    ~Slowloris()
    {
        m_stop = true;
        m_thread.join();
    }
    Slowloris(const Slowloris &) = delete;
    Slowloris &operator=(const Slowloris &) = delete;

    int connects() const { return m_connects; }
    int dropped() const { return m_dropped; }

private:
    struct Conn
    {
        FileDescriptor fd;
        std::chrono::steady_clock::time_point next{};
        int sent = 0;
    };

    static FileDescriptor open(quint16 port, const char *source)
    {
        FileDescriptor fd(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
        sockaddr_in address{};
        address.sin_family = AF_INET;
        ::inet_pton(AF_INET, source, &address.sin_addr);
        if (!fd.valid() ||
            ::bind(fd.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
            return {};
        address.sin_port = htons(port);
        ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
        if (::connect(fd.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 &&
            errno != EINPROGRESS)
            return {};
        return fd;
    }

    void run(quint16 port, const char *source, int connections)
    {
        static const std::string head = "GET /status HTTP/1.1\r\nHost: localhost\r\n";
        std::vector<Conn> conns(static_cast<std::size_t>(connections));
        while (!m_stop) {
            const auto now = std::chrono::steady_clock::now();
            std::vector<pollfd> fds;
            for (Conn &conn : conns) {
                if (!conn.fd.valid() && now >= conn.next) {
                    conn.fd = open(port, source);
                    conn.sent = 0;
                    conn.next = now;
                    ++m_connects;
                }
                if (!conn.fd.valid())
                    continue;
                // One more byte of the head every 500 ms, then endless headers.
                if (now >= conn.next) {
                    const char byte = conn.sent < static_cast<int>(head.size())
                                          ? head[static_cast<std::size_t>(conn.sent)]
                                          : "X-a: b\r\n"[conn.sent % 8];
                    if (::send(conn.fd.get(), &byte, 1, MSG_NOSIGNAL) == 1)
                        ++conn.sent;
                    conn.next = now + 500ms;
                }
                fds.push_back({conn.fd.get(), POLLIN, 0});
            }
            ::poll(fds.data(), fds.size(), 20);
            for (const pollfd &entry : fds) {
                if (entry.revents == 0)
                    continue;
                char buffer[512];
                if (::recv(entry.fd, buffer, sizeof buffer, MSG_DONTWAIT) > 0)
                    continue;
                // Dropped by the agent: back a second later, as a slowloris does.
                for (Conn &conn : conns) {
                    if (conn.fd.get() == entry.fd) {
                        conn.fd.reset();
                        conn.next = std::chrono::steady_clock::now() + 1s;
                        ++m_dropped;
                    }
                }
            }
        }
    }

    std::atomic<bool> m_stop{false};
    std::atomic<int> m_connects{0};
    std::atomic<int> m_dropped{0};
    std::thread m_thread;
};

TEST(AgentSlowlorisTest, StatusAnswersOthersWhileOneAddressHoldsOnToConnections)
{
    RuntimeAgent agent;
    ASSERT_TRUE(agent.start()) << "the agent never answered /status";
    {
        const Slowloris attack(agent.httpPort(), "127.0.0.2", 150);
        while (attack.connects() < 150)
            QThread::msleep(10);
        QThread::msleep(1000); // the first drops and reconnects are under way

        int answered = 0;
        for (int i = 0; i < 40; ++i) {
            const auto reply =
                httpGet(agent.httpPort(), "/status", 2s, QHostAddress(QStringLiteral("127.0.0.1")));
            answered += reply && reply->status == 200 ? 1 : 0;
            QThread::msleep(50);
        }
        std::printf("[ slowloris ] %d of 40 requests from 127.0.0.1 answered; the attacker made "
                    "%d connections from 127.0.0.2, %d dropped by the agent\n",
                    answered, attack.connects(), attack.dropped());
        EXPECT_GE(answered, 38);
        EXPECT_GT(attack.dropped(), 100) << "the attack never met the per-address limit";
    }
    const QStringList problems = agent.process().stop();
    EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
    EXPECT_FALSE(agent.process()
                     .log()
                     .filter(QStringLiteral("127.0.0.2 already holds 8 connections"))
                     .isEmpty());
}

} // namespace
} // namespace anycast::test
