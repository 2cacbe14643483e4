// The real agent binary under systemd's notify protocol, with this test playing systemd:
// it binds the NOTIFY_SOCKET datagram socket and reads what the agent sends.
#include "agent/support/FileDescriptor.h"
#include "tests/integration/AgentProcess.h"
#include "tests/support/AgentTestConfig.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <chrono>
#include <netinet/in.h>
#include <optional>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

using namespace std::chrono_literals;
using anycast::FileDescriptor;
using anycast::labtest::AgentProcess;
using anycast::labtest::AgentTestConfig;

// A TCP listener on 127.0.0.1 with a kernel-chosen port: the service the agent watches.
int listenEphemeral(const FileDescriptor &fd)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(fd.get(), 16) != 0)
        return -1;
    socklen_t length = sizeof address;
    if (::getsockname(fd.get(), reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return -1;
    return ntohs(address.sin_port);
}

// Waits for the next notify datagram; std::nullopt at the deadline.
std::optional<QByteArray> receive(const FileDescriptor &socket, std::chrono::milliseconds patience)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const qint64 left = patience.count() - timer.elapsed();
        if (left <= 0)
            return std::nullopt;
        pollfd waiting{socket.get(), POLLIN, 0};
        if (::poll(&waiting, 1, static_cast<int>(left)) <= 0)
            continue;
        char buffer[4096];
        const ssize_t size = ::recv(socket.get(), buffer, sizeof buffer, 0);
        if (size >= 0)
            return QByteArray(buffer, static_cast<qsizetype>(size));
    }
}

// Reads datagrams until one contains `needle`; collects them all in `seen`.
std::optional<QByteArray> waitFor(const FileDescriptor &socket, const QByteArray &needle,
                                  std::chrono::milliseconds patience, QByteArrayList &seen)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < patience.count()) {
        const auto message = receive(socket, patience - std::chrono::milliseconds(timer.elapsed()));
        if (!message)
            break;
        seen.append(*message);
        if (message->split('\n').contains(needle))
            return message;
    }
    return std::nullopt;
}

TEST(SystemdNotify, AgentReportsReadyPingsWatchdogAndStops)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());

    const FileDescriptor service(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    const int port = listenEphemeral(service);
    ASSERT_GT(port, 0);

    const QString notifyPath = dir.filePath(QStringLiteral("notify"));
    const FileDescriptor notify(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray pathBytes = notifyPath.toLocal8Bit();
    ASSERT_LT(static_cast<size_t>(pathBytes.size()), sizeof address.sun_path);
    std::copy(pathBytes.begin(), pathBytes.end(), address.sun_path);
    ASSERT_EQ(::bind(notify.get(), reinterpret_cast<sockaddr *>(&address), sizeof address), 0);

    AgentTestConfig config(dir);
    config.node(QStringLiteral("sd-test")).region(QStringLiteral("test"));
    config.addService(QStringLiteral("web"), {static_cast<quint16>(port)});
    const QString configPath = config.write();
    ASSERT_FALSE(configPath.isEmpty()) << "cannot write " << config.path().toStdString();

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("NOTIFY_SOCKET"), notifyPath);
    // 400 ms: the agent must ping every 200 ms. WATCHDOG_PID is left out, which
    // sd_watchdog_enabled(3) takes as "meant for this process".
    environment.insert(QStringLiteral("WATCHDOG_USEC"), QStringLiteral("400000"));
    environment.remove(QStringLiteral("WATCHDOG_PID"));
    AgentProcess agent(configPath, dir.filePath(QStringLiteral("agent.log")), environment);
    ASSERT_TRUE(agent.running());

    QByteArrayList seen;
    const auto ready = waitFor(notify, "READY=1", 10s, seen);
    ASSERT_TRUE(ready) << "no READY=1; got: " << seen.join(" | ").toStdString();
    const QByteArrayList readyLines = ready->split('\n');
    const auto status =
        std::find_if(readyLines.begin(), readyLines.end(),
                     [](const QByteArray &line) { return line.startsWith("STATUS="); });
    ASSERT_NE(status, readyLines.end()) << ready->toStdString();
    EXPECT_TRUE(status->contains("1 services")) << status->toStdString();
    std::printf("ready: %s\n", status->constData());

    // Two pings at 200 ms intervals; 2 s leaves room for a loaded machine.
    QElapsedTimer pings;
    pings.start();
    int watchdogs = 0;
    while (watchdogs < 2 && pings.elapsed() < 2000) {
        if (waitFor(notify, "WATCHDOG=1", std::chrono::milliseconds(2000 - pings.elapsed()), seen))
            ++watchdogs;
    }
    EXPECT_GE(watchdogs, 2) << "got: " << seen.join(" | ").toStdString();

    // SIGTERM, as systemctl stop sends: STOPPING=1, then exit 0 with a clean log.
    const QStringList problems = agent.stop();
    EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
    const auto stopping = waitFor(notify, "STOPPING=1", 10s, seen);
    EXPECT_TRUE(stopping) << "no STOPPING=1; got: " << seen.join(" | ").toStdString();
}

} // namespace
