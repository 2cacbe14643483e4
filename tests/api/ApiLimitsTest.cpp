#include "tests/api/AgentApiFixture.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <sys/resource.h>
#include <vector>

// The agent's bounds on clients: how many, and how much it queues for one that does not read.
namespace anycast::apitest {
namespace {

constexpr int kMaxClients = 256;
constexpr qint64 kPromptMs = 500;

// File descriptors for 300 clients (the agent inherits the limit too).
bool allowFileDescriptors(rlim_t wanted)
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return false;
    if (limit.rlim_cur >= wanted)
        return true;
    limit.rlim_cur = wanted;
    limit.rlim_max = std::max(limit.rlim_max, wanted); // root may raise the hard limit
    return ::setrlimit(RLIMIT_NOFILE, &limit) == 0;
}

int apiClients(ApiTestClient &client)
{
    return result(client.call(QStringLiteral("status")))
        .value(QStringLiteral("operator"))
        .toObject()
        .value(QStringLiteral("api_clients"))
        .toInt(-1);
}

// Milliseconds a hello takes on `client`; -1 if it got no answer.
qint64 helloLatency(ApiTestClient &client)
{
    QElapsedTimer timer;
    timer.start();
    const QJsonObject reply = client.call(QStringLiteral("hello"));
    return reply.contains(QStringLiteral("result")) ? timer.elapsed() : -1;
}

TEST_F(AgentApiTest, RootIsNotCappedPerUserButIsCappedInTotal)
{
    ASSERT_TRUE(allowFileDescriptors(2048));
    ASSERT_NO_FATAL_FAILURE(startAgent());
    std::vector<std::unique_ptr<ApiTestClient>> clients;
    clients.push_back(connectClient());
    ASSERT_TRUE(clients[0]->connected());
    // The start-up probe's connection must be gone before counting.
    const QDeadlineTimer alone(kPatience);
    while (apiClients(*clients[0]) != 1 && !alone.hasExpired())
        QThread::msleep(10);
    ASSERT_EQ(apiClients(*clients[0]), 1);

    constexpr int kAttempts = 300;
    while (static_cast<int>(clients.size()) < kAttempts) {
        clients.push_back(connectClient());
        ASSERT_TRUE(clients.back()->connected()) << "connect " << clients.size() << ": "
                                                 << std::strerror(clients.back()->connectError());
    }
    // Far past root's non-existent per-user bound of 32, the 257th on are refused.
    for (int i = kMaxClients; i < kAttempts; ++i) {
        const QJsonObject refusal = clients[i]->readMessage().value_or(QJsonObject());
        EXPECT_EQ(errorCode(refusal), -32005) << i << ": " << compact(refusal).toStdString();
        EXPECT_TRUE(clients[i]->waitClosed()) << i << " stayed open";
    }
    for (int i = 0; i < kMaxClients; ++i)
        EXPECT_FALSE(clients[i]->hasPendingInput()) << i << " got something unasked for";
    EXPECT_EQ(apiClients(*clients[0]), kMaxClients);
    const qint64 latency = helloLatency(*clients[0]);
    EXPECT_GE(latency, 0);
    EXPECT_LT(latency, kPromptMs);
    EXPECT_GE(helloLatency(*clients[kMaxClients - 1]), 0);

    // Room again once some leave.
    clients.resize(100);
    const QDeadlineTimer deadline(kPatience);
    bool admitted = false;
    while (!admitted && !deadline.hasExpired()) {
        auto again = connectClient();
        admitted = again->connected() && helloLatency(*again) >= 0;
        if (!admitted)
            QThread::msleep(20);
    }
    EXPECT_TRUE(admitted);
}

TEST_F(AgentApiTest, ClientThatDoesNotReadIsDroppedAndOthersAreUnaffected)
{
    ASSERT_NO_FATAL_FAILURE(startAgent());
    // Subscribed to every sample, with a small receive buffer, and never reading.
    auto slow = connectClient(4096);
    ASSERT_TRUE(slow->connected());
    ASSERT_TRUE(slow->sendRaw(requestLine(1, QStringLiteral("subscribe"))));
    auto other = connectClient();
    ASSERT_TRUE(other->connected());

    qint64 worst = 0;
    int unanswered = 0;
    const auto measure = [&] {
        const qint64 latency = helloLatency(*other);
        unanswered += latency < 0 ? 1 : 0;
        worst = std::max(worst, latency);
    };
    // Samples pile up for the slow one meanwhile.
    const QDeadlineTimer warmUp(2s);
    while (!warmUp.hasExpired()) {
        measure();
        QThread::msleep(50);
    }
    // History replies it does not read either, until 16 MiB wait for it.
    qint64 id = 2;
    QElapsedTimer flood;
    flood.start();
    const QDeadlineTimer deadline(20s);
    bool dropped = false;
    while (!dropped && !deadline.hasExpired()) {
        QByteArray batch;
        for (int i = 0; i < 50; ++i)
            batch += requestLine(id++, QStringLiteral("history"));
        const bool sent = slow->sendRaw(batch);
        measure();
        dropped = log().contains(QStringLiteral("is not reading"));
        if (!sent)
            break; // gone: the log line follows
    }
    std::printf("[ timing ] dropped after %lld unread history replies in %lld ms; slowest hello "
                "meanwhile %lld ms\n",
                static_cast<long long>(id - 2), static_cast<long long>(flood.elapsed()),
                static_cast<long long>(worst));
    std::fflush(stdout);
    EXPECT_TRUE(waitForLog(QStringLiteral("is not reading")))
        << "never dropped after " << id - 2 << " unread history replies";
    EXPECT_TRUE(slow->waitClosed()) << "the agent kept the slow client";
    EXPECT_EQ(unanswered, 0);
    EXPECT_LT(worst, kPromptMs) << "a hello took " << worst << " ms while another client stalled";
    EXPECT_GE(helloLatency(*other), 0);
    auto fresh = connectClient();
    ASSERT_TRUE(fresh->connected());
    EXPECT_GE(helloLatency(*fresh), 0);
}

} // namespace
} // namespace anycast::apitest
