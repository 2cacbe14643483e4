// The announcement map's markers against real agents: two anycast-agent processes in region
// "fra", each with a location in its configuration, on their Unix sockets; the console's real
// sessions, fleet state, prefix and fleet models, and the map's marker feed. Drains and
// undrains go to the agents through the console's own sessions, as the drain dialog sends
// them, and the marker's fill must follow what the agents report: an operator's drain lowers
// the region to lost redundancy and then to drained, never to the withdrawn (failure) fill.
#include "app/models/FleetModel.h"
#include "app/models/PrefixModel.h"
#include "app/session/ConsoleFleet.h"
#include "app/views/MapMarkerFeed.h"
#include "tests/console/ConsoleTestSupport.h"
#include "tests/sshlab/LabAgent.h"

#include <QSignalSpy>

#include <array>
#include <memory>

namespace anycast::consoletest {
namespace {

const QString kRegion = QStringLiteral("fra");
const QString kWeb = QStringLiteral("192.0.2.1/32");
const std::array<QString, 2> kNodes = {QStringLiteral("map-fra-1"), QStringLiteral("map-fra-2")};
constexpr std::array<std::array<double, 2>, 2> kLocations = {{{50.10, 8.60}, {50.14, 8.70}}};

const MapMarker *regionMarker(const QList<MapMarker> &markers)
{
    for (const MapMarker &marker : markers) {
        if (marker.id == kRegion)
            return &marker;
    }
    return nullptr;
}

// The markers the feed last announced through its signal; empty before any.
QList<MapMarker> lastEmitted(const QSignalSpy &spy)
{
    return spy.isEmpty() ? QList<MapMarker>()
                         : spy.constLast().at(0).value<QList<anycast::MapMarker>>();
}

std::string describe(const MapMarker *marker)
{
    if (!marker)
        return "no marker for region fra";
    return QStringLiteral("state %1, observation %2, label \"%3\", tooltip \"%4\"")
        .arg(int(marker->state))
        .arg(int(marker->observation))
        .arg(marker->label, marker->tooltip)
        .toStdString();
}

// What went wrong with a drain or undrain, or empty when the agent acknowledged it on disk.
QString problemOf(const CallOutcome<MutationReply> &outcome)
{
    if (const auto *error = std::get_if<RpcError>(&outcome))
        return QStringLiteral("the agent refused (%1): %2").arg(error->code).arg(error->message);
    if (const auto *failure = std::get_if<ClientError>(&outcome))
        return QStringLiteral("no answer: %1").arg(failure->message);
    const auto &reply = std::get<MutationReply>(outcome);
    return reply.persisted ? QString() : QStringLiteral("not persisted: %1").arg(reply.message);
}

class MapPageAgentTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        for (std::size_t i = 0; i < kNodes.size(); ++i) {
            sshlab::LabAgentOptions options;
            options.region = kRegion;
            options.location = kLocations[i];
            // Each node announces, withdraws and announces again: room for that and more
            // within the flap budget, so that no route is held back for flapping.
            options.extraToml = QStringLiteral("\n[bgp]\nflap_budget = 20\n");
            auto agent =
                std::make_unique<sshlab::LabAgent>(m_dir.filePath(kNodes[i]), kNodes[i], options);
            const QString problem = agent->start();
            ASSERT_TRUE(problem.isEmpty()) << problem.toStdString();
            m_fleet.addLocalAgent(agent->socketPath());
            m_endpoints.append(QStringLiteral("local:") + agent->socketPath());
            m_agents.push_back(std::move(agent));
        }
        m_fleetModel = std::make_unique<FleetModel>(m_fleet.state());
        m_prefixModel = std::make_unique<PrefixModel>(m_fleet.state());
        m_feed = std::make_unique<MapMarkerFeed>(m_prefixModel.get(), m_fleetModel.get(),
                                                 m_fleet.state());
        // Every fill the feed ever announces for the region, to show what it never was.
        QObject::connect(m_feed.get(), &MapMarkerFeed::markersChanged,
                         [this](const QList<MapMarker> &markers) {
                             if (const MapMarker *marker = regionMarker(markers)) {
                                 m_fills.append(marker->state);
                                 m_tips.append(marker->tooltip);
                             }
                         });
    }

    void TearDown() override
    {
        if (HasFailure()) {
            for (const auto &agent : m_agents)
                std::fprintf(stderr, "--- %s ---\n%s", qPrintable(agent->node()),
                             qPrintable(agent->log()));
        }
    }

    // Waits until the feed has said, through markersChanged, that the region is `state` with
    // `announcing`; then what it said and what it holds must be the same markers.
    ::testing::AssertionResult announces(const QSignalSpy &spy, RoutingState state,
                                         const QString &announcing)
    {
        const QString label = QStringLiteral("%1: %2").arg(kRegion, announcing);
        const bool reached = waitFor([&] {
            const QList<MapMarker> markers = lastEmitted(spy);
            const MapMarker *marker = regionMarker(markers);
            return marker && marker->state == state && marker->label == label;
        });
        const QList<MapMarker> emitted = lastEmitted(spy);
        if (!reached)
            return ::testing::AssertionFailure()
                   << "after " << spy.count() << " markersChanged, the last said "
                   << describe(regionMarker(emitted)) << "; the feed holds "
                   << describe(regionMarker(m_feed->markers()));
        if (emitted != m_feed->markers())
            return ::testing::AssertionFailure()
                   << "markersChanged said " << describe(regionMarker(emitted))
                   << " but the feed holds " << describe(regionMarker(m_feed->markers()));
        return ::testing::AssertionSuccess();
    }

    // Sends a drain or undrain of the whole node through the console's session to the agent
    // (as the drain dialog does) and waits for the agent's reply. Empty when it was applied.
    template <typename Request>
    QString send(int agent,
                 void (NodeSession::*method)(const Request &, AgentClient::Callback<MutationReply>),
                 const Request &request)
    {
        NodeSession *session = m_fleet.session(m_endpoints[agent]);
        if (!session)
            return QStringLiteral("no session for %1").arg(m_endpoints[agent]);
        if (!waitFor([&] { return session->canMutate(); }))
            return QStringLiteral("the link to %1 never came up").arg(m_endpoints[agent]);
        // Shared: the reply may in principle outlive this call if the wait gives up first.
        auto outcome = std::make_shared<std::optional<CallOutcome<MutationReply>>>();
        (session->*method)(
            request, [outcome](CallOutcome<MutationReply> reply) { *outcome = std::move(reply); });
        if (!waitFor([&] { return outcome->has_value(); }))
            return QStringLiteral("no reply from %1").arg(m_endpoints[agent]);
        return problemOf(**outcome);
    }

    QString drainNow(int agent)
    {
        DrainRequest request;
        request.reason = QStringLiteral("map test: rack move");
        request.mode = DrainMode::Immediate;
        return send(agent, &NodeSession::drain, request);
    }

    QString undrain(int agent)
    {
        UndrainRequest request;
        request.reason = QStringLiteral("map test: rack moved");
        return send(agent, &NodeSession::undrain, request);
    }

    // The fills announced so far, as numbers, for failure messages.
    std::string fills() const
    {
        QStringList numbers;
        for (const RoutingState state : m_fills)
            numbers.append(QString::number(int(state)));
        return numbers.join(QLatin1Char(' ')).toStdString();
    }

    // Short: the agents' socket paths must fit sun_path.
    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/acmap-XXXXXX")};
    std::vector<std::unique_ptr<sshlab::LabAgent>> m_agents;
    ConsoleFleet m_fleet;
    QStringList m_endpoints;
    std::unique_ptr<FleetModel> m_fleetModel;
    std::unique_ptr<PrefixModel> m_prefixModel;
    std::unique_ptr<MapMarkerFeed> m_feed;
    QList<RoutingState> m_fills;
    QStringList m_tips;
};

TEST_F(MapPageAgentTest, TwoAnnouncingAgentsAreOneAnnouncedMarkerWhereTheyAre)
{
    QSignalSpy changes(m_feed.get(), &MapMarkerFeed::markersChanged);
    ASSERT_TRUE(announces(changes, RoutingState::Announced, QStringLiteral("2 of 2 announcing")));
    EXPECT_EQ(m_feed->prefixes(), QStringList{kWeb});
    EXPECT_EQ(m_feed->prefix(), kWeb);
    ASSERT_EQ(m_feed->markers().size(), 1) << "one region, one marker";
    const MapMarker &marker = m_feed->markers().constFirst();
    EXPECT_EQ(marker.label, QStringLiteral("fra: 2 of 2 announcing"));
    EXPECT_EQ(marker.observation, Observation::Reporting) << describe(&marker);
    // Where the region's agents say they are: the mean of their two locations.
    EXPECT_NEAR(marker.latitude, (kLocations[0][0] + kLocations[1][0]) / 2, 1e-6);
    EXPECT_NEAR(marker.longitude, (kLocations[0][1] + kLocations[1][1]) / 2, 1e-6);
    for (const QString &node : kNodes)
        EXPECT_TRUE(marker.tooltip.contains(node + QStringLiteral(": announced")))
            << marker.tooltip.toStdString();
    EXPECT_TRUE(m_feed->unplaced().isEmpty()) << m_feed->unplaced().join(u'\n').toStdString();
}

TEST_F(MapPageAgentTest, OperatorDrainsLowerTheFillToLostRedundancyThenDrainedNeverWithdrawn)
{
    QSignalSpy changes(m_feed.get(), &MapMarkerFeed::markersChanged);
    ASSERT_TRUE(announces(changes, RoutingState::Announced, QStringLiteral("2 of 2 announcing")));
    ASSERT_EQ(regionMarker(m_feed->markers())->observation, Observation::Reporting);
    // Agents start withdrawn until their first healthy checks: only what follows counts.
    m_fills.clear();

    // One node drained at once: the region still announces, from half its nodes.
    changes.clear();
    ASSERT_EQ(drainNow(0), QString());
    ASSERT_TRUE(
        announces(changes, RoutingState::RedundancyLost, QStringLiteral("1 of 2 announcing")));
    const MapMarker *marker = regionMarker(m_feed->markers());
    EXPECT_EQ(marker->observation, Observation::Reporting) << "a drained node is not failing";
    for (const QString &node : kNodes)
        EXPECT_TRUE(marker->tooltip.contains(node + QStringLiteral(": ")))
            << marker->tooltip.toStdString();
    EXPECT_TRUE(marker->tooltip.contains(kNodes[1] + QStringLiteral(": announced")))
        << marker->tooltip.toStdString();

    // The other one too: nothing announces in the region, and only operators withdrew it.
    // These agents have no fleet peers, so no fleet guard holds the last route: no force.
    changes.clear();
    ASSERT_EQ(drainNow(1), QString());
    ASSERT_TRUE(announces(changes, RoutingState::Drained, QStringLiteral("0 of 2 announcing")));
    marker = regionMarker(m_feed->markers());
    EXPECT_EQ(marker->observation, Observation::Reporting) << "drained is not down";
    // Every fill the two drains produced, in order: lost redundancy before drained, and never
    // the failure fill.
    EXPECT_FALSE(m_fills.contains(RoutingState::Withdrawn))
        << "an operator's drain painted the region with the failure fill: " << fills();
    EXPECT_LT(m_fills.indexOf(RoutingState::RedundancyLost), m_fills.indexOf(RoutingState::Drained))
        << fills();

    // Both undrained: announced again once each agent's rise checks pass. While the agents
    // hold the routes back for those checks, the region is still drained, never withdrawn.
    changes.clear();
    ASSERT_EQ(undrain(0), QString());
    ASSERT_EQ(undrain(1), QString());
    ASSERT_TRUE(announces(changes, RoutingState::Announced, QStringLiteral("2 of 2 announcing")));
    EXPECT_FALSE(m_fills.contains(RoutingState::Withdrawn))
        << "the undrain's healthy checks painted the region with the failure fill: " << fills()
        << "\nthe marker's tooltips in order:\n"
        << m_tips.join(QStringLiteral("\n----\n")).toStdString();
    marker = regionMarker(m_feed->markers());
    EXPECT_EQ(marker->observation, Observation::Reporting);
    for (const QString &node : kNodes)
        EXPECT_TRUE(marker->tooltip.contains(node + QStringLiteral(": announced")))
            << marker->tooltip.toStdString();
}

} // namespace
} // namespace anycast::consoletest
