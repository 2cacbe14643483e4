#include "agent/bgp/BgpController.h"

#include <gtest/gtest.h>

namespace anycast {
namespace {

using namespace std::chrono_literals;

const SteadyTime kStart{};

PrefixDecision announced(const QString &prefix, quint32 med = 100, int prepend = 0,
                         QStringList communities = {})
{
    return {prefix,
            prepend > 0 ? PrefixState::Degraded : PrefixState::Announced,
            {med, std::move(communities), prepend},
            QStringLiteral("test")};
}

PrefixDecision withdrawn(const QString &prefix)
{
    return {prefix, PrefixState::Withdrawn, {}, QStringLiteral("test")};
}

BgpController controller()
{
    return BgpController(ExabgpCommands(QStringLiteral("198.51.100.1"), 65001));
}

TEST(ExabgpCommands, AnnounceCarriesMedCommunitiesAndPrepends)
{
    const ExabgpCommands commands(QStringLiteral("self"), 65001);
    EXPECT_EQ(commands.announce(announced(QStringLiteral("192.0.2.1/32"))),
              QStringLiteral("announce route 192.0.2.1/32 next-hop self med 100"));
    EXPECT_EQ(
        commands.announce(announced(QStringLiteral("192.0.2.1/32"), 500, 3,
                                    {QStringLiteral("65001:100"), QStringLiteral("65535:0")})),
        QStringLiteral("announce route 192.0.2.1/32 next-hop self med 500 community "
                       "[65001:100 65535:0] as-path [65001 65001 65001 65001]"));
    EXPECT_EQ(commands.forDecision(withdrawn(QStringLiteral("192.0.2.1/32"))),
              QStringLiteral("withdraw route 192.0.2.1/32 next-hop self"));
}

TEST(BgpController, SendsNothingWithoutABridge)
{
    BgpController bgp = controller();
    bgp.setDesired({announced(QStringLiteral("192.0.2.1/32"))});
    EXPECT_TRUE(bgp.takeCommands(kStart).isEmpty());
}

TEST(BgpController, SendsEachChangeOnceAndNothingWhenConverged)
{
    BgpController bgp = controller();
    bgp.onConnected();
    bgp.setDesired(
        {announced(QStringLiteral("192.0.2.1/32")), withdrawn(QStringLiteral("192.0.2.2/32"))});
    const QStringList first = bgp.takeCommands(kStart);
    ASSERT_EQ(first.size(), 2);
    EXPECT_TRUE(first[0].startsWith(QStringLiteral("announce route 192.0.2.1/32")));
    EXPECT_TRUE(first[1].startsWith(QStringLiteral("withdraw route 192.0.2.2/32")));
    EXPECT_TRUE(bgp.takeCommands(kStart).isEmpty()) << "in flight: nothing is sent twice";
    bgp.onLine(QStringLiteral("done"), kStart);
    bgp.onLine(QStringLiteral("done"), kStart);
    bgp.setDesired(
        {announced(QStringLiteral("192.0.2.1/32")), withdrawn(QStringLiteral("192.0.2.2/32"))});
    EXPECT_TRUE(bgp.takeCommands(kStart).isEmpty()) << "converged: the fewest commands is none";

    bgp.setDesired({announced(QStringLiteral("192.0.2.1/32"), 100, 2),
                    withdrawn(QStringLiteral("192.0.2.2/32"))});
    const QStringList change = bgp.takeCommands(kStart);
    ASSERT_EQ(change.size(), 1);
    EXPECT_TRUE(change[0].endsWith(QStringLiteral("as-path [65001 65001 65001]")));
}

TEST(BgpController, ReconnectSendsTheWholeDesiredState)
{
    BgpController bgp = controller();
    bgp.onConnected();
    bgp.setDesired(
        {announced(QStringLiteral("192.0.2.1/32")), withdrawn(QStringLiteral("192.0.2.2/32"))});
    bgp.takeCommands(kStart);
    bgp.onLine(QStringLiteral("done"), kStart);
    bgp.onLine(QStringLiteral("done"), kStart);
    bgp.onDisconnected();
    bgp.onConnected();
    EXPECT_EQ(bgp.takeCommands(kStart).size(), 2);
}

TEST(BgpController, ErrorAckBacksOffThenRetries)
{
    BgpController bgp = controller();
    bgp.onConnected();
    bgp.setDesired({announced(QStringLiteral("192.0.2.1/32"))});
    ASSERT_EQ(bgp.takeCommands(kStart).size(), 1);
    bgp.onLine(QStringLiteral("error"), kStart);
    EXPECT_EQ(bgp.errors(), 1u);
    EXPECT_FALSE(bgp.prefixes().value(QStringLiteral("192.0.2.1/32")).lastError.isEmpty());
    EXPECT_TRUE(bgp.takeCommands(kStart + 499ms).isEmpty());
    ASSERT_EQ(bgp.takeCommands(kStart + 500ms).size(), 1);
    bgp.onLine(QStringLiteral("error"), kStart + 500ms);
    EXPECT_TRUE(bgp.takeCommands(kStart + 1499ms).isEmpty()) << "the second wait is longer";
    EXPECT_EQ(bgp.takeCommands(kStart + 1500ms).size(), 1);
    EXPECT_EQ(BgpController::backoff(20), 30000ms);
}

TEST(BgpController, AckRecordsWhatWasSentEvenIfTheWishMovedOn)
{
    BgpController bgp = controller();
    bgp.onConnected();
    bgp.setDesired({announced(QStringLiteral("192.0.2.1/32"))});
    bgp.takeCommands(kStart);
    bgp.setDesired({withdrawn(QStringLiteral("192.0.2.1/32"))}); // changed while in flight
    EXPECT_TRUE(bgp.takeCommands(kStart).isEmpty()) << "one command per prefix in flight";
    bgp.onLine(QStringLiteral("done"), kStart);
    const QStringList next = bgp.takeCommands(kStart);
    ASSERT_EQ(next.size(), 1);
    EXPECT_TRUE(next[0].startsWith(QStringLiteral("withdraw route 192.0.2.1/32")));
}

TEST(BgpController, PrefixNoLongerDesiredIsWithdrawn)
{
    BgpController bgp = controller();
    bgp.onConnected();
    bgp.setDesired({announced(QStringLiteral("192.0.2.1/32"))});
    bgp.takeCommands(kStart);
    bgp.onLine(QStringLiteral("done"), kStart);
    bgp.setDesired({});
    const QStringList next = bgp.takeCommands(kStart);
    ASSERT_EQ(next.size(), 1);
    EXPECT_TRUE(next[0].startsWith(QStringLiteral("withdraw route 192.0.2.1/32")));
}

QString stateEvent(const QString &peer, const QString &state)
{
    return QStringLiteral(R"({"exabgp": "4.0.1", "type": "state", "neighbor": {"address": )"
                          R"({"local": "127.0.0.2", "peer": "%1"}, "state": "%2"}})")
        .arg(peer, state);
}

TEST(BgpController, NeighborStateAndBridgeHelloComeFromLines)
{
    BgpController bgp = controller();
    bgp.onConnected();
    bgp.onLine(QStringLiteral("#bridge hello 0.1.0 on_agent_loss=keep"), kStart);
    EXPECT_EQ(bgp.bridgeHello(), QStringLiteral("hello 0.1.0 on_agent_loss=keep"));
    bgp.onLine(stateEvent(QStringLiteral("127.0.0.1"), QStringLiteral("up")), kStart);
    EXPECT_EQ(bgp.neighbors().value(QStringLiteral("127.0.0.1")), QStringLiteral("up"));
    bgp.onLine(QStringLiteral("{not json"), kStart);
    bgp.onLine(QStringLiteral("done"), kStart); // an ack nobody waits for: ignored
    EXPECT_EQ(bgp.neighbors().size(), 1);
}

// The bridge greets first on every connection and relays no '#' line from ExaBGP; any other
// '#' line came from ExaBGP's side and must not pass for the bridge.
TEST(BgpController, HelloCountsOnlyAsTheFirstLineOfAConnection)
{
    using Kind = BgpController::LineOutcome::Kind;
    struct Row
    {
        const char *name;
        QStringList lines; // after onConnected()
        Kind lastKind;
        QString hello;
    };
    const QString real = QStringLiteral("#bridge hello 0.1.0 on_agent_loss=keep");
    const QString forged = QStringLiteral("#bridge hello 6.6.6 on_agent_loss=withdraw");
    const QList<Row> rows = {
        {"first line", {real}, Kind::BridgeHello, QStringLiteral("hello 0.1.0 on_agent_loss=keep")},
        {"a second hello",
         {real, forged},
         Kind::NotFromBridge,
         QStringLiteral("hello 0.1.0 on_agent_loss=keep")},
        {"after an event",
         {stateEvent(QStringLiteral("192.0.2.254"), QStringLiteral("up")), forged},
         Kind::NotFromBridge,
         QString()},
        {"after an ack", {QStringLiteral("done"), forged}, Kind::NotFromBridge, QString()},
        {"indented", {QStringLiteral("  ") + forged}, Kind::Ignored, QString()},
        {"another '#' line first",
         {QStringLiteral("#bridge notice"), real},
         Kind::NotFromBridge,
         QString()},
    };
    for (const Row &row : rows) {
        BgpController bgp = controller();
        bgp.onConnected();
        BgpController::LineOutcome outcome;
        for (const QString &line : row.lines)
            outcome = bgp.onLine(line, kStart);
        EXPECT_EQ(outcome.kind, row.lastKind) << row.name;
        EXPECT_EQ(bgp.bridgeHello(), row.hello) << row.name;
    }
    BgpController unconnected = controller();
    EXPECT_EQ(unconnected.onLine(real, kStart).kind, Kind::NotFromBridge)
        << "no connection: nobody to greet";
}

TEST(BgpController, NeighborEventsNeedAnAddressAndAKnownState)
{
    struct Row
    {
        QString peer;
        QString state;
        std::optional<QString> stored; // the key it is stored under, or nullopt: refused
    };
    const QList<Row> rows = {
        {QStringLiteral("198.51.100.1"), QStringLiteral("up"), QStringLiteral("198.51.100.1")},
        {QStringLiteral("198.51.100.1"), QStringLiteral("connected"),
         QStringLiteral("198.51.100.1")},
        {QStringLiteral("198.51.100.1"), QStringLiteral("down"), QStringLiteral("198.51.100.1")},
        {QStringLiteral("2001:DB8:0:0::1"), QStringLiteral("up"), QStringLiteral("2001:db8::1")},
        {QStringLiteral("198.51.100.1"), QStringLiteral("established"), std::nullopt},
        {QStringLiteral("198.51.100.1"), QStringLiteral("UP"), std::nullopt},
        {QStringLiteral("198.51.100.1"), QString(), std::nullopt},
        {QString(), QStringLiteral("up"), std::nullopt},
        {QStringLiteral("10.1"), QStringLiteral("up"), std::nullopt},
        {QStringLiteral("198.51.100.1/32"), QStringLiteral("up"), std::nullopt},
        {QStringLiteral("fe80::1%eth0"), QStringLiteral("up"), std::nullopt},
        {QStringLiteral("peer.example.net"), QStringLiteral("up"), std::nullopt},
        {QStringLiteral("10.0.0.1\\u001b[2J\\n"), QStringLiteral("up"), std::nullopt},
        {QStringLiteral(" 10.0.0.1"), QStringLiteral("up"), std::nullopt},
    };
    for (const Row &row : rows) {
        BgpController bgp = controller();
        bgp.onConnected();
        const auto outcome = bgp.onLine(stateEvent(row.peer, row.state), kStart);
        if (row.stored) {
            EXPECT_EQ(outcome.kind, BgpController::LineOutcome::Kind::NeighborState)
                << row.peer.toStdString();
            EXPECT_EQ(bgp.neighbors().value(*row.stored), row.state) << row.peer.toStdString();
            EXPECT_EQ(bgp.neighborEventsIgnored(), 0u);
        } else {
            EXPECT_EQ(outcome.kind, BgpController::LineOutcome::Kind::NeighborRefused)
                << row.peer.toStdString() << " " << row.state.toStdString();
            EXPECT_TRUE(bgp.neighbors().isEmpty()) << row.peer.toStdString();
            EXPECT_EQ(bgp.neighborEventsIgnored(), 1u);
        }
    }
}

TEST(BgpController, TracksAtMost64NeighborsAndCountsTheRest)
{
    BgpController bgp = controller();
    bgp.onConnected();
    for (int i = 0; i < 1000; ++i)
        bgp.onLine(stateEvent(QStringLiteral("10.0.%1.%2").arg(i / 256).arg(i % 256),
                              QStringLiteral("up")),
                   kStart);
    EXPECT_EQ(bgp.neighbors().size(), BgpController::kMaxNeighbors);
    EXPECT_EQ(bgp.neighborEventsIgnored(), 1000u - BgpController::kMaxNeighbors);
    // The neighbors already tracked still change state.
    bgp.onLine(stateEvent(QStringLiteral("10.0.0.0"), QStringLiteral("down")), kStart);
    EXPECT_EQ(bgp.neighbors().value(QStringLiteral("10.0.0.0")), QStringLiteral("down"));
    EXPECT_FALSE(bgp.neighbors().contains(QStringLiteral("10.0.0.64")));
}

TEST(BgpController, SessionsAreUnknownWhileNoBridgeReportsThem)
{
    BgpController bgp = controller();
    bgp.onConnected();
    bgp.onLine(stateEvent(QStringLiteral("198.51.100.1"), QStringLiteral("up")), kStart);
    bgp.onLine(stateEvent(QStringLiteral("198.51.100.2"), QStringLiteral("down")), kStart);
    bgp.onDisconnected();
    EXPECT_EQ(bgp.neighbors().value(QStringLiteral("198.51.100.1")), QStringLiteral("unknown"));
    EXPECT_EQ(bgp.neighbors().value(QStringLiteral("198.51.100.2")), QStringLiteral("unknown"));
    // Lines without a bridge change nothing; a new bridge replays what ExaBGP has now.
    bgp.onLine(stateEvent(QStringLiteral("198.51.100.1"), QStringLiteral("up")), kStart);
    EXPECT_EQ(bgp.neighbors().value(QStringLiteral("198.51.100.1")), QStringLiteral("unknown"));
    bgp.onConnected();
    EXPECT_TRUE(bgp.neighbors().isEmpty());
    bgp.onLine(QStringLiteral("#bridge hello 0.1.0 on_agent_loss=keep"), kStart);
    bgp.onLine(stateEvent(QStringLiteral("198.51.100.2"), QStringLiteral("up")), kStart);
    EXPECT_EQ(bgp.neighbors(),
              (QHash<QString, QString>{{QStringLiteral("198.51.100.2"), QStringLiteral("up")}}));
}

TEST(BgpController, EventWithADuplicateKeyIsIgnored)
{
    BgpController bgp = controller();
    bgp.onConnected();
    const QString prefix =
        QStringLiteral(R"({"type": "state", "neighbor": {"address": {"peer": "127.0.0.1"}, )");
    bgp.onLine(prefix + QStringLiteral(R"("state": "up"}})"), kStart);
    ASSERT_EQ(bgp.neighbors().value(QStringLiteral("127.0.0.1")), QStringLiteral("up"));
    // Read the lenient way, the last "state" would win and take the session down.
    const auto outcome =
        bgp.onLine(prefix + QStringLiteral(R"("state": "up", "state": "down"}})"), kStart);
    EXPECT_EQ(outcome.kind, BgpController::LineOutcome::Kind::Ignored);
    EXPECT_EQ(bgp.neighbors().value(QStringLiteral("127.0.0.1")), QStringLiteral("up"));
}

} // namespace
} // namespace anycast
