// anycast-lab-service as a real process on real loopback sockets: each test drives one failure
// mode through the control commands and checks what a client (and so the agent) would see.

#include "tests/lab/LabClient.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cerrno>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <vector>

namespace anycast::labtest {
namespace {

const std::string kV4 = "127.0.0.1";
const std::string kV6 = "::1";

QStringList listenOn(const std::string &endpoint, const QStringList &more = {})
{
    return QStringList{QStringLiteral("--listen"), QString::fromStdString(endpoint)} + more;
}

TEST(LabService, AnswersGetWith200AndOk)
{
    LabServiceProcess service(listenOn(kV4 + ":0"));
    EXPECT_NE(service.port(), 0);
    EXPECT_EQ(service.listeningLine(), "listening 127.0.0.1:" + std::to_string(service.port()));

    const HttpAnswer answer = httpGet(kV4, service.port());
    EXPECT_EQ(answer.status, 200);
    EXPECT_EQ(answer.body, "ok\n");
    EXPECT_NE(answer.headers.find("Content-Length: 3\r\n"), std::string::npos) << answer.headers;
    EXPECT_NE(answer.headers.find("Connection: close\r\n"), std::string::npos) << answer.headers;
    EXPECT_TRUE(service.waitForStat("accepted", 1));
}

TEST(LabService, StatusCommandChangesTheNextAnswer)
{
    LabServiceProcess service(listenOn(kV4 + ":0"));
    EXPECT_EQ(service.command("status 500"), "ok status=500");
    EXPECT_EQ(httpGet(kV4, service.port()).status, 500);
    EXPECT_EQ(service.stats().at("status"), 500);

    EXPECT_EQ(service.command("status 200"), "ok status=200");
    const HttpAnswer answer = httpGet(kV4, service.port());
    EXPECT_EQ(answer.status, 200);
    EXPECT_EQ(answer.body, "ok\n");
}

TEST(LabService, DelayHoldsTheAnswerAtLeastThatLong)
{
    LabServiceProcess service(listenOn(kV4 + ":0"));
    EXPECT_EQ(service.command("delay 300"), "ok delay=300");

    const Clock::time_point start = Clock::now();
    const HttpAnswer answer = httpGet(kV4, service.port());
    const auto elapsed = Clock::now() - start;
    EXPECT_EQ(answer.status, 200);
    // Lower bound only: an upper bound would fail on a loaded machine, not on a bad service.
    EXPECT_GE(elapsed, 300ms);
}

TEST(LabService, DelayedAnswerDoesNotBlockOtherClients)
{
    LabServiceProcess service(listenOn(kV4 + ":0"));
    // Long enough that nothing below can outlast it, however slow the machine.
    EXPECT_EQ(service.command("delay 60000"), "ok delay=60000");
    const Fd slow = connectTo(kV4, service.port());
    sendAll(slow, kGet);
    ASSERT_TRUE(service.waitForStat("accepted", 1));

    // A service that slept through the delay could neither accept the second client nor
    // answer `stats` before the first client had its answer.
    const Fd other = connectTo(kV4, service.port());
    ASSERT_TRUE(service.waitForStat("accepted", 2));
    EXPECT_EQ(service.stats().at("active"), 2);
    EXPECT_FALSE(readable(slow, 0ms)) << "the delayed answer came early";

    EXPECT_EQ(service.command("delay 0"), "ok delay=0");
    sendAll(other, kGet);
    EXPECT_EQ(parseHttpAnswer(readToEnd(other)).status, 200);
    EXPECT_FALSE(readable(slow, 0ms)) << "a request keeps the delay it arrived under";
}

TEST(LabService, PausedAcceptQueuesConnectionsUntilResumed)
{
    constexpr int kClients = 3;
    LabServiceProcess service(
        listenOn(kV4 + ":0", {QStringLiteral("--backlog"), QStringLiteral("8")}));
    EXPECT_EQ(service.command("pause-accept"), "ok paused");

    std::vector<Fd> clients;
    for (int i = 0; i < kClients; ++i) {
        // The handshake completes in the kernel, into the listener's accept queue.
        clients.push_back(connectTo(kV4, service.port()));
        sendAll(clients.back(), kGet);
    }
    const auto stats = service.stats();
    EXPECT_EQ(stats.at("accepted"), 0);
    EXPECT_EQ(stats.at("paused"), 1);
    EXPECT_EQ(stats.at("listening"), 1);
    for (const Fd &client : clients)
        EXPECT_FALSE(readable(client, 100ms)) << "answered while accept was paused";

    EXPECT_EQ(service.command("resume-accept"), "ok resumed");
    for (const Fd &client : clients)
        EXPECT_EQ(parseHttpAnswer(readToEnd(client)).status, 200);
    EXPECT_EQ(service.stats().at("accepted"), kClients);
}

TEST(LabService, PausedReadingAcceptsButLeavesRequestsUnread)
{
    constexpr int kClients = 3;
    LabServiceProcess service(listenOn(kV4 + ":0"));
    EXPECT_EQ(service.command("pause-read"), "ok reading paused");
    EXPECT_EQ(service.stats().at("reading"), 0);

    std::vector<Fd> clients;
    for (int i = 0; i < kClients; ++i) {
        clients.push_back(connectTo(kV4, service.port()));
        sendAll(clients.back(), kGet);
    }
    // Accepted (unlike pause-accept), never answered.
    ASSERT_TRUE(service.waitForStat("accepted", kClients));
    EXPECT_EQ(service.stats().at("active"), kClients);
    for (const Fd &client : clients)
        EXPECT_FALSE(readable(client, 200ms)) << "answered while reading was paused";

    // The requests waited in the kernel; resuming serves every one of them.
    EXPECT_EQ(service.command("resume-read"), "ok reading resumed");
    for (const Fd &client : clients)
        EXPECT_EQ(parseHttpAnswer(readToEnd(client)).status, 200);
    EXPECT_EQ(service.stats().at("reading"), 1);
}

TEST(LabService, CloseListenerRefusesAndReopenListensOnTheSamePort)
{
    LabServiceProcess service(listenOn(kV4 + ":0"));
    const std::string endpoint = kV4 + ":" + std::to_string(service.port());
    // An accepted connection that must outlive the listener. While it lives the port stays
    // bound, so no client's ephemeral port can be this port (which would self-connect).
    const Fd kept = connectTo(kV4, service.port());
    ASSERT_TRUE(service.waitForStat("active", 1));

    EXPECT_EQ(service.command("close-listener"), "ok closed " + endpoint);
    EXPECT_EQ(service.stats().at("listening"), 0);
    EXPECT_EQ(tryConnect(kV4, service.port()).error, ECONNREFUSED);

    sendAll(kept, kGet);
    EXPECT_EQ(parseHttpAnswer(readToEnd(kept)).status, 200);

    EXPECT_EQ(service.command("reopen-listener"), "ok listening " + endpoint);
    EXPECT_EQ(service.stats().at("listening"), 1);
    EXPECT_EQ(httpGet(kV4, service.port()).status, 200);
    EXPECT_EQ(service.command("reopen-listener"), "ok already listening " + endpoint);
}

TEST(LabService, ListensOnIpv6Loopback)
{
    for (const char *form : {"[::1]:0", "::1:0"}) {
        LabServiceProcess service(listenOn(form));
        EXPECT_EQ(service.listeningLine(), "listening [::1]:" + std::to_string(service.port()))
            << form;
        EXPECT_EQ(httpGet(kV6, service.port()).status, 200) << form;
    }
}

TEST(LabService, BadCommandsAreAnsweredWithErrorsAndChangeNothing)
{
    LabServiceProcess service(listenOn(kV4 + ":0"));
    EXPECT_EQ(service.command("frobnicate"), "error unknown command 'frobnicate'");
    EXPECT_EQ(service.command("delay soon"), "error delay needs milliseconds");
    EXPECT_EQ(service.command("delay -5"), "error delay needs milliseconds");
    EXPECT_EQ(service.command("status 42"),
              "error status needs an HTTP status code from 200 to 599");
    EXPECT_EQ(service.command("pause-accept now"), "error pause-accept takes no argument");
    EXPECT_EQ(service.command(std::string(5000, 'x')), "error line too long");

    EXPECT_EQ(service.command("stats"),
              "ok accepted=0 active=0 paused=0 listening=1 delay=0 status=200 reading=1");
    EXPECT_EQ(httpGet(kV4, service.port()).status, 200);
}

TEST(LabService, IdleConnectionStaysOpenUntilTheClientCloses)
{
    LabServiceProcess service(listenOn(kV4 + ":0"));
    Fd idle = connectTo(kV4, service.port());
    ASSERT_TRUE(service.waitForStat("active", 1));
    // The silent client holds no one up.
    EXPECT_EQ(httpGet(kV4, service.port()).status, 200);
    EXPECT_FALSE(readable(idle, 0ms)) << "the service closed or answered an idle connection";

    idle.reset();
    EXPECT_TRUE(service.waitForStat("active", 0));
}

TEST(LabService, OversizedRequestIsRefusedWith431)
{
    LabServiceProcess service(listenOn(kV4 + ":0"));
    const Fd client = connectTo(kV4, service.port());
    sendAll(client, "GET / HTTP/1.1\r\nX-Filler: " + std::string(20000, 'a'));
    EXPECT_EQ(parseHttpAnswer(readToEnd(client)).status, 431);
}

TEST(LabService, StdinEndWithoutControlSocketExitsZero)
{
    LabServiceProcess service(listenOn(kV4 + ":0"));
    service.process().closeWriteChannel();
    ASSERT_TRUE(service.process().waitForFinished(int(kPatience.count())));
    EXPECT_EQ(service.process().exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(service.process().exitCode(), 0);
}

TEST(LabService, QuitAnswersAndExitsZero)
{
    LabServiceProcess service(listenOn(kV4 + ":0"));
    EXPECT_EQ(service.command("quit"), "ok bye");
    ASSERT_TRUE(service.process().waitForFinished(int(kPatience.count())));
    EXPECT_EQ(service.process().exitCode(), 0);
}

TEST(LabService, ControlSocketDrivesTheServiceAndGoesAwayOnSigterm)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("control.sock"));
    LabServiceProcess service(listenOn(kV4 + ":0", {QStringLiteral("--control"), path}));
    // With a control socket, the end of stdin does not end the service.
    service.process().closeWriteChannel();

    {
        const Fd control = connectUnix(path.toStdString());
        sendAll(control, "status 503\nstats\n");
        EXPECT_EQ(readLine(control), "ok status=503");
        EXPECT_EQ(readLine(control), "ok accepted=0 active=0 paused=0 listening=1 delay=0 "
                                     "status=503 reading=1");
    }
    EXPECT_EQ(httpGet(kV4, service.port()).status, 503);
    {
        // A second client, after stdin's end was certainly seen: the service is still there.
        const Fd control = connectUnix(path.toStdString());
        sendAll(control, "bogus\nhelp\n");
        EXPECT_EQ(readLine(control), "error unknown command 'bogus'");
        EXPECT_TRUE(readLine(control).starts_with("ok commands: "));
    }

    service.process().terminate();
    ASSERT_TRUE(service.process().waitForFinished(int(kPatience.count())));
    EXPECT_EQ(service.process().exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(service.process().exitCode(), 0);
    EXPECT_NE(access(path.toLocal8Bit().constData(), F_OK), 0) << "control socket left behind";
}

TEST(LabService, StaleControlSocketIsReplacedButALiveOneIsNot)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("control.sock"));
    {
        // What a killed service leaves: the socket file, with nobody listening.
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray bytes = path.toLocal8Bit();
        ASSERT_LT(std::size_t(bytes.size()), sizeof address.sun_path);
        std::copy(bytes.begin(), bytes.end(), address.sun_path);
        const Fd stale(::socket(AF_UNIX, SOCK_STREAM, 0));
        ASSERT_EQ(::bind(stale.get(), reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    }
    LabServiceProcess service(listenOn(kV4 + ":0", {QStringLiteral("--control"), path}));
    const Fd control = connectUnix(path.toStdString());
    sendAll(control, "delay 7\n");
    EXPECT_EQ(readLine(control), "ok delay=7");

    const Finished second = runToExit(listenOn(kV4 + ":0", {QStringLiteral("--control"), path}));
    EXPECT_EQ(second.exitCode, 1);
    EXPECT_TRUE(second.err.contains("in use")) << second.err.toStdString();
    EXPECT_EQ(service.stats().at("delay"), 7) << "the first service lost its control socket";
}

TEST(LabService, BadArgumentsAreUsageErrors)
{
    for (const QStringList &arguments :
         {QStringList{}, listenOn("localhost:80"), listenOn("127.0.0.1"),
          listenOn("127.0.0.1:70000"),
          listenOn(kV4 + ":0", {QStringLiteral("--backlog"), QStringLiteral("0")}),
          QStringList{QStringLiteral("--frobnicate")}}) {
        const Finished result = runToExit(arguments);
        EXPECT_EQ(result.exitCode, 64) << arguments.join(QLatin1Char(' ')).toStdString();
        EXPECT_TRUE(result.err.contains("usage:")) << result.err.toStdString();
    }
}

} // namespace
} // namespace anycast::labtest
