#include "tests/integration/AgentProcess.h"
#include "tests/integration/LoopbackListener.h"
#include "tests/lab/LabClient.h"
#include "tests/support/AgentTestConfig.h"
#include "tests/support/LoopbackPort.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <cerrno>
#include <fstream>
#include <netinet/in.h>
#include <sstream>
#include <sys/socket.h>

// Host-wide counters on a shared host: a listen-queue overflow is held against a service only
// when its own listener overflows. The real agent, the real lab service and real overflowing
// listeners on loopback; the kernel's own TcpExt counters prove that the overflows happened.
namespace anycast::labtest {
namespace {

using namespace std::chrono_literals;

constexpr auto kAgentPatience = 15s;

// TcpExt ListenOverflows from /proc/net/netstat: a header line of names, then one of values.
quint64 listenOverflows()
{
    std::ifstream netstat("/proc/net/netstat");
    std::string names;
    std::string values;
    while (std::getline(netstat, names) && std::getline(netstat, values)) {
        if (!names.starts_with("TcpExt:"))
            continue;
        std::istringstream nameWords(names);
        std::istringstream valueWords(values);
        std::string name;
        std::string value;
        while (nameWords >> name && valueWords >> value) {
            if (name == "ListenOverflows")
                return std::stoull(value);
        }
    }
    throw std::runtime_error("no TcpExt ListenOverflows in /proc/net/netstat");
}

// Starts a connection and does not wait for it: against a full accept queue the kernel drops
// the SYN (an overflow) and the client keeps retrying it.
Fd startConnect(quint16 port)
{
    Fd socket(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (socket.get() < 0)
        throw std::runtime_error("socket failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    if (::connect(socket.get(), reinterpret_cast<const sockaddr *>(&address), sizeof address) !=
            0 &&
        errno != EINPROGRESS)
        throw std::runtime_error("connect failed");
    return socket;
}

// New connections to `port` at 50 a second for `duration`, all kept open.
std::vector<Fd> flood(quint16 port, std::chrono::milliseconds duration)
{
    std::vector<Fd> clients;
    const auto end = std::chrono::steady_clock::now() + duration;
    while (std::chrono::steady_clock::now() < end) {
        clients.push_back(startConnect(port));
        QThread::msleep(20);
    }
    return clients;
}

// The agent's GET /status, parsed; empty when it does not answer.
QJsonObject agentStatus(quint16 port)
{
    try {
        const ConnectResult connection = tryConnect("127.0.0.1", port);
        if (connection.error != 0)
            return {};
        sendAll(connection.socket, "GET /status HTTP/1.1\r\nHost: agent\r\n\r\n");
        const HttpAnswer answer = parseHttpAnswer(readToEnd(connection.socket));
        return QJsonDocument::fromJson(QByteArray::fromStdString(answer.body)).object();
    } catch (const std::exception &) {
        return {};
    }
}

QJsonObject serviceStatus(quint16 httpPort)
{
    return agentStatus(httpPort).value(QStringLiteral("services")).toArray().first().toObject();
}

class HostSignals : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        m_lab = std::make_unique<LabServiceProcess>(
            QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                        QStringLiteral("--backlog"), QStringLiteral("8")});
        m_httpPort = test::freeLoopbackPort();
        ASSERT_NE(m_httpPort, 0);
        AgentTestConfig config(m_dir);
        config.httpListen(m_httpPort).sampleInterval(std::chrono::milliseconds(500));
        config.addService(QStringLiteral("web"), {m_lab->port()})
            .prefixes({QStringLiteral("192.0.2.1/32")})
            .rise(2)
            .fall(2);
        const QString path = config.write();
        ASSERT_FALSE(path.isEmpty());
        m_agent = std::make_unique<AgentProcess>(path);
        ASSERT_TRUE(m_agent->waitForLine(QStringLiteral("health web: starting -> healthy"),
                                         kAgentPatience));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<LabServiceProcess> m_lab;
    quint16 m_httpPort = 0;
    std::unique_ptr<AgentProcess> m_agent;
};

TEST_F(HostSignals, ListenOverflowOnAnotherPortLeavesTheServiceHealthy)
{
    // Another daemon on the same host: backlog 1, never accepts.
    const Fd other(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    ASSERT_GE(other.get(), 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ASSERT_EQ(::bind(other.get(), reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(other.get(), 1), 0);
    ASSERT_EQ(::getsockname(other.get(), reinterpret_cast<sockaddr *>(&address), &length), 0);

    const quint64 before = listenOverflows();
    const std::vector<Fd> clients = flood(ntohs(address.sin_port), 4s);
    const quint64 overflows = listenOverflows() - before;
    // The threshold is 1/s: the host must have overflowed far above it for the test to mean
    // anything.
    ASSERT_GE(overflows, 40u) << "the neighbour's listener never overflowed";
    std::printf("[ host   ] %llu listen overflows in 4 s on another port\n",
                static_cast<unsigned long long>(overflows));

    EXPECT_FALSE(m_agent->waitForLine(QStringLiteral("health web: healthy ->"), 2s))
        << "an overflow on another port changed this service's health";
    const QJsonObject service = serviceStatus(m_httpPort);
    EXPECT_EQ(service.value(QStringLiteral("health")).toString(), QStringLiteral("healthy"));
    EXPECT_EQ(service.value(QStringLiteral("pending")).toString(), QString())
        << "not even a check may have counted against it";
}

TEST_F(HostSignals, ListenOverflowOnItsOwnPortDegradesIt)
{
    ASSERT_EQ(m_lab->command("pause-accept").rfind("ok", 0), 0u);
    const quint64 before = listenOverflows();
    // 50 new connections a second against a backlog of 8, until the agent names the drops.
    std::vector<Fd> clients;
    QStringList reasons;
    QString health;
    const auto deadline = std::chrono::steady_clock::now() + kAgentPatience;
    while (std::chrono::steady_clock::now() < deadline) {
        for (int i = 0; i < 10; ++i) {
            clients.push_back(startConnect(m_lab->port()));
            QThread::msleep(20);
        }
        const QJsonObject service = serviceStatus(m_httpPort);
        health = service.value(QStringLiteral("health")).toString();
        reasons.clear();
        for (const QJsonValue &reason : service.value(QStringLiteral("reasons")).toArray())
            reasons.append(reason.toString());
        if (!reasons.filter(QStringLiteral("listen queue drops")).isEmpty())
            break;
    }
    ASSERT_GT(listenOverflows(), before);
    const QStringList drops = reasons.filter(QStringLiteral("listen queue drops"));
    ASSERT_EQ(drops.size(), 1) << "no listen-drop reason in: "
                               << reasons.join(QStringLiteral("; ")).toStdString();
    // Degraded by it, or already down: the queue that nobody drains is also a stall.
    EXPECT_NE(health, QStringLiteral("healthy"));
    // The reason names the evidence that made the host's counter this service's.
    const QString &drop = drops.first();
    EXPECT_TRUE(drop.contains(QStringLiteral("(host), this service's: accept queue reached 9 of 8 "
                                             "on :%1")
                                  .arg(m_lab->port())) ||
                drop.contains(QStringLiteral("(host), this service's: SYN_RECV up from")))
        << drop.toStdString();
}

} // namespace
} // namespace anycast::labtest
