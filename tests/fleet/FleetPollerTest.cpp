#include "agent/fleet/FleetPoller.h"

#include "agent/http/StatusHttpServer.h"
#include "tests/fleet/FleetTestSupport.h"

#include <QJsonObject>

#include <gtest/gtest.h>

#include <array>
#include <memory>
#include <string>

namespace anycast {
namespace {

using namespace fleettest;

const QString kPrefix = QStringLiteral("192.0.2.1/32");
const QString kAnnounced = QStringLiteral("announced");
const QString kWithdrawn = QStringLiteral("withdrawn");
constexpr std::chrono::milliseconds kInterval = 100ms;

SteadyTime now()
{
    return std::chrono::steady_clock::now();
}

QString urlFor(quint16 port)
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port);
}

// Views compare as text, so a failure shows all three fields.
std::string describe(const FleetView &view)
{
    return "known " + std::to_string(view.known) + ", announcing " +
           std::to_string(view.othersAnnouncing) + ", unknown " +
           std::to_string(view.othersUnknown);
}

// A peer as this agent's /status shows it.
QJsonObject peerJson(const FleetPoller &poller, qsizetype index)
{
    return poller.peerStatuses(now()).at(index).toJson();
}

// Three real agents' status servers on 127.0.0.1, each serving JSON the test controls.
class FleetPollerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        for (std::size_t i = 0; i < m_servers.size(); ++i) {
            m_status[i] =
                peerStatusJson(QStringLiteral("node-%1").arg(i), {{kPrefix, kAnnounced}}, true);
            m_servers[i] = std::make_unique<StatusHttpServer>([this, i] { return m_status[i]; });
            const Result<bool> listening = m_servers[i]->listen(QStringLiteral("127.0.0.1:0"));
            ASSERT_TRUE(listening) << listening.error().toStdString();
            m_urls.append(urlFor(m_servers[i]->port()));
        }
    }

    std::unique_ptr<FleetPoller> startPoller(const QStringList &urls,
                                             std::chrono::milliseconds timeout = 500ms)
    {
        auto poller = std::make_unique<FleetPoller>(urls, kInterval, timeout);
        QObject::connect(poller.get(), &FleetPoller::peerChanged,
                         [this](const QString &url, bool reachable, const QString &detail) {
                             m_changes.append({url, reachable, detail});
                         });
        EXPECT_TRUE(poller->configurationErrors().isEmpty())
            << poller->configurationErrors().join(u'\n').toStdString();
        poller->start();
        return poller;
    }

    // Waits for the view and reports how long it took.
    std::optional<std::chrono::milliseconds> waitForView(const FleetPoller &poller,
                                                         const FleetView &expected,
                                                         const QString &prefix = kPrefix)
    {
        const SteadyTime started = now();
        if (!waitUntil([&] { return describe(poller.view(prefix, now())) == describe(expected); },
                       5s)) {
            ADD_FAILURE() << "view never became expected; now "
                          << ::testing::PrintToString(poller.view(prefix, now()));
            return std::nullopt;
        }
        return std::chrono::duration_cast<std::chrono::milliseconds>(now() - started);
    }

    struct Change
    {
        QString url;
        bool reachable = false;
        QString detail;
    };

    std::array<QJsonObject, 3> m_status;
    std::array<std::unique_ptr<StatusHttpServer>, 3> m_servers;
    QStringList m_urls;
    QList<Change> m_changes;
};

TEST_F(FleetPollerTest, ViewFollowsWhatPeersServe)
{
    const auto poller = startPoller(m_urls);
    ASSERT_TRUE(waitForView(*poller, {true, 3, 0}));
    EXPECT_EQ(describe(poller->view(QStringLiteral("198.51.100.0/24"), now())),
              describe(FleetView{true, 0, 0}));
    EXPECT_EQ(poller->probes(QStringLiteral("https"), now()), (PeerProbes{3, 0}));

    // A peer withdraws: the view follows within about two intervals (one poll, plus slack
    // for a loaded machine).
    m_status[1] = peerStatusJson(QStringLiteral("node-1"), {{kPrefix, kWithdrawn}}, false);
    const auto followed = waitForView(*poller, {true, 2, 0});
    ASSERT_TRUE(followed);
    EXPECT_LT(*followed, 5 * kInterval);
    EXPECT_EQ(poller->probes(QStringLiteral("https"), now()), (PeerProbes{3, 1}));

    // Degraded and draining routes still carry traffic.
    m_status[0] = peerStatusJson(QStringLiteral("node-0"), {{kPrefix, "degraded"}}, false);
    m_status[2] = peerStatusJson(QStringLiteral("node-2"), {{kPrefix, "draining"}});
    ASSERT_TRUE(waitUntil([&] {
        return poller->probes(QStringLiteral("https"), now()) == PeerProbes{2, 2};
    }));
    EXPECT_EQ(describe(poller->view(kPrefix, now())), describe(FleetView{true, 2, 0}));
    EXPECT_EQ(poller->probes(QStringLiteral("dns"), now()), (PeerProbes{0, 0}));

    const QJsonObject first = peerJson(*poller, 0);
    EXPECT_EQ(first.value(QStringLiteral("url")).toString(), m_urls[0]);
    EXPECT_EQ(first.value(QStringLiteral("node")).toString(), QStringLiteral("node-0"));
    EXPECT_EQ(first.value(QStringLiteral("region")).toString(), QStringLiteral("region-node-0"));
    EXPECT_TRUE(first.value(QStringLiteral("reachable")).toBool());
    EXPECT_LT(first.value(QStringLiteral("age_s")).toDouble(), 3 * 0.1);
    EXPECT_TRUE(first.value(QStringLiteral("error")).isNull());
    EXPECT_EQ(first.value(QStringLiteral("failures")).toInt(), 0);

    // Each peer became reachable once, and stayed so.
    ASSERT_EQ(m_changes.size(), 3);
    for (const Change &change : std::as_const(m_changes)) {
        EXPECT_TRUE(change.reachable);
        EXPECT_TRUE(change.detail.contains(QStringLiteral("node-"))) << change.detail.toStdString();
    }
}

TEST_F(FleetPollerTest, StatusesAgeOutAfterThreeIntervals)
{
    const auto poller = startPoller(m_urls);
    ASSERT_TRUE(waitForView(*poller, {true, 3, 0}));
    // On the injected clock: every status is at most as old as `seen`, so three intervals
    // later none is fresh, whatever the polls do meanwhile.
    const SteadyTime seen = now();
    const SteadyTime later = seen + FleetPoller::kStaleIntervals * kInterval;
    EXPECT_EQ(describe(poller->view(kPrefix, later)), describe(FleetView{true, 0, 3}));
    EXPECT_EQ(poller->probes(QStringLiteral("https"), later), (PeerProbes{0, 0}));
    const FleetPeerStatus stale = poller->peerStatuses(later).at(0);
    EXPECT_FALSE(stale.reachable);
    ASSERT_TRUE(stale.ageSeconds.has_value());
    EXPECT_GE(*stale.ageSeconds, 0.3);
}

TEST_F(FleetPollerTest, AStoppedPeerBecomesUnknownOnceItsStatusIsStale)
{
    const auto poller = startPoller(m_urls);
    ASSERT_TRUE(waitForView(*poller, {true, 3, 0}));
    m_servers[2].reset();
    const SteadyTime stopped = now();

    // The first failed poll is logged at once ...
    ASSERT_TRUE(waitUntil([&] { return !m_changes.isEmpty() && !m_changes.last().reachable; }));
    EXPECT_EQ(m_changes.last().url, m_urls[2]);
    // ... but the last good status still counts until it is three intervals old.
    const auto unknown = waitForView(*poller, {true, 2, 1});
    ASSERT_TRUE(unknown);
    EXPECT_GE(now() - stopped, 150ms);
    EXPECT_LT(now() - stopped, 10 * kInterval);
    const QJsonObject gone = peerJson(*poller, 2);
    EXPECT_FALSE(gone.value(QStringLiteral("reachable")).toBool());
    EXPECT_FALSE(gone.value(QStringLiteral("error")).toString().isEmpty());
    EXPECT_GE(gone.value(QStringLiteral("failures")).toInt(), 1);
    EXPECT_EQ(gone.value(QStringLiteral("node")).toString(), QStringLiteral("node-2"));
}

TEST_F(FleetPollerTest, AClosedPortIsUnknownWithAnError)
{
    const QString closed = urlFor(closedPort());
    const auto poller = startPoller({m_urls[0], closed});
    ASSERT_TRUE(waitUntil([&] { return peerJson(*poller, 1).value("failures").toInt() >= 3; }));
    EXPECT_EQ(describe(poller->view(kPrefix, now())), describe(FleetView{true, 1, 1}));
    const QJsonObject peer = peerJson(*poller, 1);
    EXPECT_FALSE(peer.value(QStringLiteral("reachable")).toBool());
    EXPECT_TRUE(peer.value(QStringLiteral("node")).isNull());
    EXPECT_TRUE(peer.value(QStringLiteral("age_s")).isNull());
    EXPECT_TRUE(peer.value(QStringLiteral("error")).toString().contains(QStringLiteral("refused")))
        << peer.value(QStringLiteral("error")).toString().toStdString();

    // Logged once, not on every failed poll.
    int closedChanges = 0;
    for (const Change &change : std::as_const(m_changes)) {
        if (change.url == closed) {
            ++closedChanges;
            EXPECT_FALSE(change.reachable);
        }
    }
    EXPECT_EQ(closedChanges, 1);
}

TEST_F(FleetPollerTest, APeerThatNeverAnswersTimesOutWithoutDelayingOthers)
{
    RawPeer silent;
    const auto poller = startPoller({m_urls[0], urlFor(silent.port())}, 300ms);
    ASSERT_TRUE(waitForView(*poller, {true, 1, 1}));

    // While the silent peer holds its request, the other is polled every interval.
    double oldest = 0;
    runFor(700ms,
           [&] { oldest = std::max(oldest, peerJson(*poller, 0).value("age_s").toDouble()); });
    EXPECT_LT(oldest, 2.5 * 0.1);
    EXPECT_EQ(describe(poller->view(kPrefix, now())), describe(FleetView{true, 1, 1}));

    const QJsonObject peer = peerJson(*poller, 1);
    EXPECT_FALSE(peer.value(QStringLiteral("reachable")).toBool());
    EXPECT_EQ(peer.value(QStringLiteral("error")).toString(),
              QStringLiteral("timed out after 300 ms"));
    // One request in flight at a time: about one connection per timeout, not per interval.
    EXPECT_GE(silent.accepted(), 2);
    EXPECT_LE(silent.accepted(), 4);
}

TEST_F(FleetPollerTest, GarbageIsUnknownWithTheReason)
{
    RawPeer garbage("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9\r\n"
                    "Connection: close\r\n\r\nnot json!");
    m_status[1] = QJsonObject{{QStringLiteral("node"), QStringLiteral("old-version")}};
    const auto poller = startPoller({m_urls[0], urlFor(garbage.port()), m_urls[1]});
    ASSERT_TRUE(waitUntil([&] {
        return !peerJson(*poller, 1).value("error").toString().isEmpty() &&
               !peerJson(*poller, 2).value("error").toString().isEmpty();
    }));
    EXPECT_EQ(describe(poller->view(kPrefix, now())), describe(FleetView{true, 1, 2}));
    EXPECT_TRUE(peerJson(*poller, 1).value("error").toString().contains("not JSON"))
        << peerJson(*poller, 1).value("error").toString().toStdString();
    // The first of the keys the old version left out.
    EXPECT_TRUE(peerJson(*poller, 2).value("error").toString().contains("region: missing"))
        << peerJson(*poller, 2).value("error").toString().toStdString();
}

TEST_F(FleetPollerTest, OversizedResponsesAreCutOff)
{
    // One announces 5 MiB, sends 64 KiB of it and keeps the connection open; the other
    // announces no length and sends more than the cap.
    RawPeer announced("HTTP/1.1 200 OK\r\nContent-Length: 5242880\r\n\r\n" +
                      QByteArray(64 * 1024, ' '));
    RawPeer unannounced("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" +
                        QByteArray(FleetPoller::kMaxResponseBytes + 1, ' '));
    const auto poller = startPoller({urlFor(announced.port()), urlFor(unannounced.port())}, 2s);
    for (const qsizetype index : {0, 1}) {
        ASSERT_TRUE(waitUntil([&] { return !peerJson(*poller, index).value("error").isNull(); }));
        EXPECT_TRUE(peerJson(*poller, index).value("error").toString().contains("larger than"))
            << index << ": " << peerJson(*poller, index).value("error").toString().toStdString();
    }
    EXPECT_EQ(describe(poller->view(kPrefix, now())), describe(FleetView{true, 0, 2}));
}

TEST_F(FleetPollerTest, TwoUrlsOfOneNodeCountOnce)
{
    m_status[1] = m_status[0];
    const auto poller = startPoller(m_urls);
    ASSERT_TRUE(waitUntil([&] { return peerJson(*poller, 1).value("reachable").toBool(); }));
    ASSERT_TRUE(waitForView(*poller, {true, 2, 0}));
    EXPECT_EQ(poller->probes(QStringLiteral("https"), now()), (PeerProbes{2, 0}));
}

TEST(FleetPollerConfig, NoPeersMeansNoFleetView)
{
    FleetPoller poller({}, kInterval);
    poller.start();
    const FleetView view = poller.view(kPrefix, now());
    EXPECT_FALSE(view.known);
    EXPECT_TRUE(fleetGuard(view, 1).allowWithdraw);
    EXPECT_EQ(poller.probes(QStringLiteral("https"), now()), (PeerProbes{0, 0}));
    EXPECT_TRUE(poller.peerStatuses(now()).isEmpty());
}

TEST(FleetPollerConfig, InvalidAndRepeatedUrlsAreRejected)
{
    FleetPoller poller({QStringLiteral("https://10.0.0.2:9642"),
                        QStringLiteral("http://10.0.0.3:9642"),
                        QStringLiteral("http://10.0.0.3:9642/")},
                       kInterval);
    ASSERT_EQ(poller.configurationErrors().size(), 2);
    EXPECT_TRUE(poller.configurationErrors()[0].contains(QStringLiteral("only http://")));
    EXPECT_TRUE(poller.configurationErrors()[1].contains(QStringLiteral("more than once")));
    // The invalid peer is never asked, and counts as not answering: the guard holds.
    const FleetView view = poller.view(kPrefix, now());
    EXPECT_EQ(describe(view), describe(FleetView{true, 0, 2}));
    EXPECT_FALSE(fleetGuard(view, 1).allowWithdraw);
    const QList<FleetPeerStatus> peers = poller.peerStatuses(now());
    ASSERT_EQ(peers.size(), 2);
    EXPECT_TRUE(peers[0].error.value_or(QString()).contains(QStringLiteral("https")));
}

struct UrlRow
{
    std::string name;
    QString url;
    bool valid = false;
    QString reasonPart = {};
};

const std::vector<UrlRow> kUrlRows = {
    {"Ipv4", QStringLiteral("http://10.0.0.2:9642"), true},
    {"TrailingSlash", QStringLiteral("http://10.0.0.2:9642/"), true},
    {"Ipv6", QStringLiteral("http://[2001:db8::2]:9642"), true},
    {"HostName", QStringLiteral("http://fra-1.example.net:9642"), true},
    {"Https", QStringLiteral("https://10.0.0.2:9642"), false, QStringLiteral("only http://")},
    {"Tcp", QStringLiteral("tcp://10.0.0.2:9642"), false, QStringLiteral("only http://")},
    {"NoScheme", QStringLiteral("10.0.0.2:9642"), false},
    {"Empty", QString(), false, QStringLiteral("empty")},
    {"NoHost", QStringLiteral("http://:9642"), false},
    {"NoPort", QStringLiteral("http://10.0.0.2"), false, QStringLiteral("no port")},
    {"PortOutOfRange", QStringLiteral("http://10.0.0.2:70000"), false},
    {"Path", QStringLiteral("http://10.0.0.2:9642/status"), false, QStringLiteral("path")},
    {"Query", QStringLiteral("http://10.0.0.2:9642/?x=1"), false, QStringLiteral("query")},
    {"User", QStringLiteral("http://ops@10.0.0.2:9642"), false, QStringLiteral("user")},
    {"Spaces", QStringLiteral(" http://10.0.0.2:9642"), false, QStringLiteral("spaces")},
    {"BadHostCharacters", QStringLiteral("http://fra 1:9642"), false},
};

void PrintTo(const UrlRow &row, std::ostream *out)
{
    *out << row.name;
}

class PeerUrlTable : public ::testing::TestWithParam<UrlRow>
{};

TEST_P(PeerUrlTable, Validates)
{
    const UrlRow &row = GetParam();
    const Result<bool> result = FleetPoller::validatePeerUrl(row.url);
    EXPECT_EQ(result.ok(), row.valid) << result.error().toStdString();
    if (!row.valid) {
        EXPECT_TRUE(result.error().contains(row.reasonPart)) << result.error().toStdString();
        EXPECT_TRUE(result.error().startsWith(QStringLiteral("peer '")))
            << result.error().toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(FleetPoller, PeerUrlTable, ::testing::ValuesIn(kUrlRows),
                         [](const auto &row) { return row.param.name; });

} // namespace
} // namespace anycast
