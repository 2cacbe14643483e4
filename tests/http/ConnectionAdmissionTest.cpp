#include "agent/http/ConnectionAdmission.h"

#include <gtest/gtest.h>

// Who gets a slot of the status server, and for how long, on a fake clock.
namespace anycast {
namespace {

using namespace std::chrono_literals;
using Verdict = ConnectionAdmission::Verdict;

const SteadyTime kStart{};
const QHostAddress kAttacker(QStringLiteral("127.0.0.2"));
const QHostAddress kOperator(QStringLiteral("127.0.0.1"));

QHostAddress host(int n)
{
    return QHostAddress(QStringLiteral("127.0.1.%1").arg(n));
}

ConnectionAdmission small()
{
    return ConnectionAdmission({/*connections*/ 6, /*perAddress*/ 2, 2000ms, 5000ms});
}

TEST(ConnectionAdmission, DefaultsAreTheDocumentedLimits)
{
    const ConnectionAdmission::Limits limits;
    EXPECT_EQ(limits.connections, 64);
    EXPECT_EQ(limits.perAddress, 8);
    EXPECT_EQ(limits.headTimeout, 2000ms);
    EXPECT_EQ(limits.responseTimeout, 5000ms);
}

// Each row: who connects, and what the table says.
TEST(ConnectionAdmission, OneAddressHoldsAtMostItsShare)
{
    struct Row
    {
        QHostAddress source;
        Verdict verdict;
    };
    const QList<Row> rows = {
        {kAttacker, Verdict::Admitted},
        {kAttacker, Verdict::Admitted},
        {kAttacker, Verdict::AddressFull},
        {kAttacker, Verdict::AddressFull},
        {kOperator, Verdict::Admitted},
        // The same host seen through an IPv6 socket is the same host.
        {QHostAddress(QStringLiteral("::ffff:127.0.0.2")), Verdict::AddressFull},
        {QHostAddress(QStringLiteral("::1")), Verdict::Admitted},
    };
    ConnectionAdmission admission = small();
    ConnectionAdmission::Id id = 1;
    for (const Row &row : rows) {
        const auto decision = admission.admit(id, row.source, kStart);
        EXPECT_EQ(decision.verdict, row.verdict) << "connection " << id;
        EXPECT_FALSE(decision.evicted);
        ++id;
    }
    EXPECT_EQ(admission.open(), 4);
    EXPECT_EQ(admission.openFrom(kAttacker), 2);
    admission.remove(1);
    EXPECT_EQ(admission.admit(100, kAttacker, kStart).verdict, Verdict::Admitted)
        << "a closed connection gives its slot back to its address";
}

TEST(ConnectionAdmission, FullTableEvictsTheOldestStillWaitingForItsHead)
{
    ConnectionAdmission admission = small();
    // Six hosts hold every slot; the first two have asked and are being answered.
    for (int n = 1; n <= 6; ++n)
        ASSERT_EQ(admission.admit(n, host(n), kStart + n * 1ms).verdict, Verdict::Admitted);
    admission.answered(1, kStart + 10ms);
    admission.answered(2, kStart + 10ms);
    const auto first = admission.admit(7, kOperator, kStart + 20ms);
    EXPECT_EQ(first.verdict, Verdict::Admitted);
    EXPECT_EQ(first.evicted, std::optional<ConnectionAdmission::Id>(3))
        << "the oldest connection that has not sent its head makes room";
    const auto second = admission.admit(8, host(9), kStart + 30ms);
    EXPECT_EQ(second.evicted, std::optional<ConnectionAdmission::Id>(4));
    EXPECT_EQ(admission.open(), 6);
    EXPECT_EQ(admission.openFrom(host(3)), 0);
}

TEST(ConnectionAdmission, FullTableOfAnswersRefusesTheNewcomer)
{
    ConnectionAdmission admission = small();
    for (int n = 1; n <= 6; ++n) {
        ASSERT_EQ(admission.admit(n, host(n), kStart).verdict, Verdict::Admitted);
        admission.answered(n, kStart);
    }
    const auto decision = admission.admit(7, kOperator, kStart);
    EXPECT_EQ(decision.verdict, Verdict::ServerFull);
    EXPECT_FALSE(decision.evicted);
    EXPECT_EQ(admission.open(), 6);
    EXPECT_EQ(admission.openFrom(kOperator), 0);
}

TEST(ConnectionAdmission, DeadlinesForTheHeadAndThenForTheResponse)
{
    ConnectionAdmission admission = small();
    EXPECT_FALSE(admission.nextDeadline());
    admission.admit(1, kAttacker, kStart);
    admission.admit(2, kOperator, kStart + 100ms);
    EXPECT_EQ(admission.nextDeadline(), kStart + 2000ms);
    // The operator's head arrives: five seconds to take the answer from then.
    admission.answered(2, kStart + 150ms);
    EXPECT_TRUE(admission.takeExpired(kStart + 1999ms).empty());
    EXPECT_EQ(admission.takeExpired(kStart + 2000ms), std::vector<ConnectionAdmission::Id>{1});
    EXPECT_EQ(admission.openFrom(kAttacker), 0);
    EXPECT_EQ(admission.nextDeadline(), kStart + 5150ms);
    EXPECT_TRUE(admission.takeExpired(kStart + 5149ms).empty());
    EXPECT_EQ(admission.takeExpired(kStart + 6s), std::vector<ConnectionAdmission::Id>{2});
    EXPECT_EQ(admission.open(), 0);
    EXPECT_FALSE(admission.nextDeadline());
}

TEST(ConnectionAdmission, ExpiredComeOldestDeadlineFirst)
{
    ConnectionAdmission admission = small();
    admission.admit(5, host(1), kStart + 30ms);
    admission.admit(6, host(2), kStart + 10ms);
    admission.admit(7, host(3), kStart + 20ms);
    EXPECT_EQ(admission.takeExpired(kStart + 3s), (std::vector<ConnectionAdmission::Id>{6, 7, 5}));
}

TEST(ConnectionAdmission, ShorterTimeoutsApplyToLaterConnections)
{
    ConnectionAdmission admission = small();
    admission.admit(1, host(1), kStart);
    admission.setHeadTimeout(300ms);
    admission.setResponseTimeout(400ms);
    admission.admit(2, host(2), kStart);
    EXPECT_EQ(admission.nextDeadline(), kStart + 300ms);
    admission.answered(2, kStart + 100ms);
    EXPECT_EQ(admission.nextDeadline(), kStart + 500ms);
    EXPECT_EQ(admission.takeExpired(kStart + 500ms), std::vector<ConnectionAdmission::Id>{2});
    EXPECT_EQ(admission.nextDeadline(), kStart + 2000ms);
}

TEST(ConnectionAdmission, RemovingTwiceOrUnknownIdsChangesNothing)
{
    ConnectionAdmission admission = small();
    admission.admit(1, kAttacker, kStart);
    admission.remove(1);
    admission.remove(1);
    admission.remove(42);
    admission.answered(42, kStart);
    EXPECT_EQ(admission.open(), 0);
    EXPECT_EQ(admission.openFrom(kAttacker), 0);
}

} // namespace
} // namespace anycast
