// The connection activity sock_diag reports: connections waiting in an accept queue (no
// inode yet), whether one of them was accepted since the previous look, and accepted
// connections whose bytes nobody reads. Real sockets on loopback; the full sample and the
// connection watch must say the same.

#include "agent/sampler/NetlinkSampler.h"
#include "agent/sampler/ProcSampler.h"
#include "tests/kernel/LoopbackSockets.h"

#include <QThread>

#include <gtest/gtest.h>

#include <sys/ioctl.h>

namespace anycast {
namespace {

using namespace loopback;
using namespace std::chrono_literals;

const QString kV4 = QStringLiteral("127.0.0.1");
const QString kV6 = QStringLiteral("::1");

ConnectionActivity watched(NetlinkSampler &sampler)
{
    const auto sample = sampler.sampleConnections();
    if (!sample)
        throw std::runtime_error(sample.error().toStdString());
    if (sample->services.size() != 1)
        throw std::runtime_error("expected one service");
    return sample->services.first();
}

ConnectionActivity sampled(NetlinkSampler &sampler)
{
    const SocketSample sample = socketsOf(sampler);
    if (sample.connections.size() != 1)
        throw std::runtime_error("expected one service's connections");
    return sample.connections.first();
}

// Waits until the kernel has the client's bytes queued on the accepted end.
bool bytesQueued(const Socket &server, std::uint32_t bytes)
{
    return waitUntil([&] {
        int queued = 0;
        return ::ioctl(server.fd(), FIONREAD, &queued) == 0 &&
               static_cast<std::uint32_t>(queued) == bytes;
    });
}

TEST(ConnectionWatch, CountsConnectionsWaitingToBeAccepted)
{
    const PortReservation reservation;
    NetlinkSampler sampler(singleServicePortMap(reservation.port()));
    const Socket listener = listenOn(kV4, reservation.port(), 8);
    std::vector<Socket> clients;
    for (int i = 0; i < 3; ++i)
        clients.push_back(connectTo(kV4, reservation.port()));
    ASSERT_TRUE(waitUntil([&] { return listener.info().unacked == 3; }));
    QThread::msleep(150);

    for (const ConnectionActivity &activity : {watched(sampler), sampled(sampler)}) {
        EXPECT_TRUE(activity.available);
        EXPECT_EQ(activity.service, kServiceName);
        EXPECT_EQ(activity.waiting, 3u);
        // The kernel's clock is in jiffies: allow a few of them either way.
        EXPECT_GE(activity.oldestWaitingMs, 100u);
        EXPECT_LT(activity.oldestWaitingMs, 5000u);
        EXPECT_EQ(activity.unread, 0u);
        EXPECT_EQ(activity.acceptedFromWaiting, 0u);
    }
}

TEST(ConnectionWatch, SaysWhenAWaitingConnectionWasAccepted)
{
    const PortReservation reservation;
    NetlinkSampler sampler(singleServicePortMap(reservation.port()));
    const Socket listener = listenOn(kV6, reservation.port(), 8);
    std::vector<Socket> clients;
    for (int i = 0; i < 3; ++i)
        clients.push_back(connectTo(kV6, reservation.port()));
    ASSERT_TRUE(waitUntil([&] { return listener.info().unacked == 3; }));
    EXPECT_EQ(watched(sampler).waiting, 3u);

    const Socket first = acceptOne(listener);
    // The full sample takes over from the watch: it compares with the watch's look.
    const ConnectionActivity afterAccept = sampled(sampler);
    EXPECT_EQ(afterAccept.waiting, 2u);
    EXPECT_EQ(afterAccept.acceptedFromWaiting, 1u);
    // Accepted once counts once: the next look has nothing new.
    EXPECT_EQ(watched(sampler).acceptedFromWaiting, 0u);
}

TEST(ConnectionWatch, AcceptedAndClosedStillCountsAsAccepted)
{
    const PortReservation reservation;
    NetlinkSampler sampler(singleServicePortMap(reservation.port()));
    const Socket listener = listenOn(kV4, reservation.port(), 8);
    Socket client = connectTo(kV4, reservation.port());
    ASSERT_TRUE(waitUntil([&] { return listener.info().unacked == 1; }));
    EXPECT_EQ(watched(sampler).waiting, 1u);
    // Served and closed by the service before the next look: its side is in FIN_WAIT.
    Socket server = acceptOne(listener);
    server.close();
    const ConnectionActivity activity = watched(sampler);
    EXPECT_EQ(activity.waiting, 0u);
    EXPECT_EQ(activity.acceptedFromWaiting, 1u);
}

TEST(ConnectionWatch, UnreadBytesOfAcceptedConnectionsAndHowLongTheyWaited)
{
    const PortReservation reservation;
    NetlinkSampler sampler(singleServicePortMap(reservation.port()));
    const Socket listener = listenOn(kV4, reservation.port(), 8);
    std::vector<Connection> connections = connectAndAccept(listener, kV4, reservation.port(), 3);
    // Two clients send a request that the service never reads; the third is idle.
    connections[0].client.sendAll(100);
    connections[1].client.sendAll(200);
    ASSERT_TRUE(bytesQueued(connections[0].server, 100));
    ASSERT_TRUE(bytesQueued(connections[1].server, 200));

    const ConnectionActivity fresh = watched(sampler);
    EXPECT_EQ(fresh.waiting, 0u);
    EXPECT_EQ(fresh.unread, 2u);
    ASSERT_EQ(fresh.unreadAgesMs.size(), 2);
    EXPECT_EQ(fresh.unreadFor(1000), 0u) << "just sent: not yet a second old";

    QThread::msleep(400);
    for (const ConnectionActivity &activity : {watched(sampler), sampled(sampler)}) {
        EXPECT_EQ(activity.unread, 2u);
        EXPECT_EQ(activity.unreadFor(300), 2u);
        EXPECT_GE(activity.unreadAgesMs.first(), activity.unreadAgesMs.last()) << "longest first";
    }

    // Reading them clears them: transient unread bytes leave no trace.
    connections[0].server.receiveExactly(100);
    connections[1].server.receiveExactly(200);
    const ConnectionActivity read = watched(sampler);
    EXPECT_EQ(read.unread, 0u);
    EXPECT_TRUE(read.unreadAgesMs.isEmpty());
}

TEST(ConnectionWatch, RequestsReadAndNeverAnsweredAndAnswersSinceTheLastLook)
{
    const PortReservation reservation;
    NetlinkSampler sampler(singleServicePortMap(reservation.port()));
    const Socket listener = listenOn(kV4, reservation.port(), 8);
    std::vector<Connection> connections = connectAndAccept(listener, kV4, reservation.port(), 4);
    // Three requests read by the service and not answered; the fourth client is idle.
    for (int i = 0; i < 3; ++i) {
        connections[i].client.sendAll(100);
        connections[i].server.receiveExactly(100);
    }
    QThread::msleep(300);
    for (const ConnectionActivity &activity : {watched(sampler), sampled(sampler)}) {
        EXPECT_EQ(activity.unread, 0u);
        EXPECT_EQ(activity.unanswered, 3u);
        EXPECT_EQ(activity.unansweredFor(250), 3u);
        EXPECT_EQ(activity.unansweredFor(5000), 0u);
    }

    // One answered, one closed by the service: both are progress since the last look.
    connections[0].server.sendAll(50);
    connections[1].server.close();
    connections[0].client.receiveExactly(50);
    ASSERT_TRUE(waitUntil([&] { return connections[1].client.state() == TcpState::CloseWait; }));
    const ConnectionActivity after = watched(sampler);
    EXPECT_EQ(after.unanswered, 1u);
    EXPECT_EQ(after.answeredFromUnanswered, 2u);

    // A kept-alive connection: answered once, then the client's next bytes are not judged.
    connections[0].client.sendAll(10);
    connections[0].server.receiveExactly(10);
    QThread::msleep(50);
    const ConnectionActivity keptAlive = watched(sampler);
    EXPECT_EQ(keptAlive.unanswered, 1u) << "only connection 2's first request";
    EXPECT_EQ(keptAlive.answeredFromUnanswered, 0u) << "counted once";
}

TEST(ConnectionWatch, AClientThatLeftAfterItsRequestWasReadIsNotUnread)
{
    // In CLOSE_WAIT the kernel counts the client's FIN as one unread byte until the process
    // sees the end of the stream: a service busy with a request whose client gave up.
    const PortReservation reservation;
    NetlinkSampler sampler(singleServicePortMap(reservation.port()));
    const Socket listener = listenOn(kV4, reservation.port(), 8);
    std::vector<Connection> connections = connectAndAccept(listener, kV4, reservation.port(), 2);
    connections[0].client.sendAll(100);
    connections[0].server.receiveExactly(100);
    connections[0].client.close();
    connections[1].client.sendAll(50); // never read
    connections[1].client.close();
    const std::vector<const Socket *> servers{&connections[0].server, &connections[1].server};
    ASSERT_TRUE(waitForState(servers, TcpState::CloseWait));
    QThread::msleep(250);
    for (const ConnectionActivity &activity : {watched(sampler), sampled(sampler)}) {
        EXPECT_EQ(activity.unread, 1u) << "only the one whose request nobody read";
        EXPECT_EQ(activity.unreadFor(200), 1u);
    }
}

TEST(ConnectionWatch, AConnectionWaitingInTheQueueIsNotUnread)
{
    // A request sent on a connection nobody accepted sits in its receive queue too: that is
    // the accept queue's problem, counted as waiting, not as unread.
    const PortReservation reservation;
    NetlinkSampler sampler(singleServicePortMap(reservation.port()));
    const Socket listener = listenOn(kV4, reservation.port(), 8);
    Socket client = connectTo(kV4, reservation.port());
    client.sendAll(100);
    ASSERT_TRUE(waitUntil([&] { return listener.info().unacked == 1; }));
    QThread::msleep(50);
    const ConnectionActivity activity = watched(sampler);
    EXPECT_EQ(activity.waiting, 1u);
    EXPECT_EQ(activity.unread, 0u);
}

TEST(ConnectionWatch, OtherPortsAreNotWatched)
{
    const PortReservation reservation;
    const PortReservation other;
    NetlinkSampler sampler(singleServicePortMap(reservation.port()));
    const Socket listener = listenOn(kV4, reservation.port(), 8);
    const Socket otherListener = listenOn(kV4, other.port(), 8);
    Socket client = connectTo(kV4, other.port());
    client.sendAll(10);
    ASSERT_TRUE(waitUntil([&] { return otherListener.info().unacked == 1; }));
    const ConnectionActivity activity = watched(sampler);
    EXPECT_EQ(activity.waiting, 0u);
    EXPECT_EQ(activity.unread, 0u);
}

TEST(ConnectionWatch, ProcFallbackHasNoWatch)
{
    const PortReservation reservation;
    ProcSampler sampler(singleServicePortMap(reservation.port()), QStringLiteral("/proc"));
    const auto watch = sampler.sampleConnections();
    ASSERT_FALSE(watch);
    EXPECT_TRUE(watch.error().contains(QStringLiteral("no connection watch")))
        << watch.error().toStdString();
    const SocketSample sample = socketsOf(sampler);
    ASSERT_EQ(sample.connections.size(), 1);
    EXPECT_FALSE(sample.connections.first().available);
}

} // namespace
} // namespace anycast
