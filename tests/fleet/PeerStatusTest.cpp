#include "agent/fleet/PeerStatus.h"

#include "tests/fleet/FleetTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace anycast {
namespace {

using namespace fleettest;

const QString kPrefix = QStringLiteral("192.0.2.1/32");

QByteArray body(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

struct AnnounceRow
{
    std::string name;
    QMap<QString, QString> routes;
    bool announced = false;
};

const std::vector<AnnounceRow> kAnnounceRows = {
    {"Announced", {{kPrefix, QStringLiteral("announced")}}, true},
    {"Degraded", {{kPrefix, QStringLiteral("degraded")}}, true},
    {"Draining", {{kPrefix, QStringLiteral("draining")}}, true},
    {"Withdrawn", {{kPrefix, QStringLiteral("withdrawn")}}, false},
    {"OtherPrefixOnly", {{QStringLiteral("198.51.100.0/24"), QStringLiteral("announced")}}, false},
    {"NoRoutes", {}, false},
};

void PrintTo(const AnnounceRow &row, std::ostream *out)
{
    *out << row.name;
}

class PeerStatusAnnounceTable : public ::testing::TestWithParam<AnnounceRow>
{};

TEST_P(PeerStatusAnnounceTable, ReadsWhetherThePeerAnnounces)
{
    const AnnounceRow &row = GetParam();
    const auto status = parsePeerStatus(body(peerStatusJson(QStringLiteral("fra-1"), row.routes)));
    ASSERT_TRUE(status) << status.error().toStdString();
    EXPECT_EQ(status->node, QStringLiteral("fra-1"));
    EXPECT_EQ(status->region, QStringLiteral("region-fra-1"));
    EXPECT_EQ(status->announces(kPrefix), row.announced);
}

INSTANTIATE_TEST_SUITE_P(PeerStatus, PeerStatusAnnounceTable, ::testing::ValuesIn(kAnnounceRows),
                         [](const auto &row) { return row.param.name; });

ServiceStatus serviceWith(const QString &name, const QString &health,
                          QList<std::pair<QString, PrefixState>> routes = {},
                          std::optional<ProbeStatus> probe = std::nullopt)
{
    ServiceStatus service;
    service.name = name;
    service.health = health == QLatin1String("starting")
                         ? HealthLabel{}
                         : HealthLabel{false, healthFromName(health).value()};
    for (const auto &[prefix, state] : routes) {
        PrefixDecision route;
        route.prefix = prefix;
        route.state = state;
        route.reason = QStringLiteral("test");
        service.routes.append(route);
    }
    service.probe = std::move(probe);
    return service;
}

TEST(PeerStatus, APrefixInTwoServicesIsAnnouncedIfEitherAnnouncesIt)
{
    AgentStatus typed = peerStatus(QStringLiteral("a"), {});
    typed.services = {serviceWith(QStringLiteral("web"), QStringLiteral("down"),
                                  {{kPrefix, PrefixState::Withdrawn}}),
                      serviceWith(QStringLiteral("dns"), QStringLiteral("degraded"),
                                  {{kPrefix, PrefixState::Degraded}}),
                      serviceWith(QStringLiteral("ntp"), QStringLiteral("down"),
                                  {{QStringLiteral("192.0.2.9/32"), PrefixState::Withdrawn}})};
    const auto status = parsePeerStatus(body(typed.toJson()));
    ASSERT_TRUE(status) << status.error().toStdString();
    EXPECT_TRUE(status->announces(kPrefix));
    EXPECT_FALSE(status->announces(QStringLiteral("192.0.2.9/32")));
    EXPECT_EQ(status->services.size(), 3);
}

TEST(PeerStatus, ReadsProbeResultsAndHealthPerService)
{
    AgentStatus typed = peerStatus(QStringLiteral("a"), {});
    typed.services = {serviceWith(QStringLiteral("web"), QStringLiteral("down"), {},
                                  ProbeStatus{false, QStringLiteral("HTTP 503")}),
                      serviceWith(QStringLiteral("dns"), QStringLiteral("healthy"), {},
                                  ProbeStatus{true, QStringLiteral("ok")}),
                      serviceWith(QStringLiteral("ntp"), QStringLiteral("starting"))};
    const auto status = parsePeerStatus(body(typed.toJson()));
    ASSERT_TRUE(status) << status.error().toStdString();
    EXPECT_EQ(status->services.value(QStringLiteral("web")).health, QStringLiteral("down"));
    EXPECT_EQ(status->services.value(QStringLiteral("web")).probeOk, std::optional<bool>(false));
    EXPECT_EQ(status->services.value(QStringLiteral("dns")).probeOk, std::optional<bool>(true));
    EXPECT_EQ(status->services.value(QStringLiteral("ntp")).health, QStringLiteral("starting"));
    EXPECT_FALSE(status->services.value(QStringLiteral("ntp")).probeOk.has_value());
}

// A peer a version ahead may send keys this agent does not know, at any level: they are
// ignored, while everything known is still checked.
TEST(PeerStatus, UnknownKeysAreIgnored)
{
    QJsonObject json =
        peerStatusJson(QStringLiteral("a"), {{kPrefix, QStringLiteral("announced")}}, true);
    json.insert(QStringLiteral("future"), QJsonObject{{QStringLiteral("x"), QJsonArray{1, 2}}});
    QJsonArray services = json.value(QStringLiteral("services")).toArray();
    QJsonObject service = services.at(0).toObject();
    service.insert(QStringLiteral("weight"), 7);
    QJsonObject probe = service.value(QStringLiteral("probe")).toObject();
    probe.insert(QStringLiteral("rtt"), 3);
    service.insert(QStringLiteral("probe"), probe);
    QJsonArray routes = service.value(QStringLiteral("routes")).toArray();
    QJsonObject route = routes.at(0).toObject();
    route.insert(QStringLiteral("color"), QStringLiteral("blue"));
    routes[0] = route;
    service.insert(QStringLiteral("routes"), routes);
    services[0] = service;
    json.insert(QStringLiteral("services"), services);
    const auto status = parsePeerStatus(body(json));
    ASSERT_TRUE(status) << status.error().toStdString();
    EXPECT_TRUE(status->announces(kPrefix));
    EXPECT_EQ(status->services.value(QStringLiteral("https")).probeOk, std::optional<bool>(true));
}

TEST(PeerStatus, EmptyServicesIsAValidStatus)
{
    AgentStatus typed = peerStatus(QStringLiteral("a"), {});
    typed.services.clear();
    const auto status = parsePeerStatus(body(typed.toJson()));
    ASSERT_TRUE(status) << status.error().toStdString();
    EXPECT_TRUE(status->services.isEmpty());
    EXPECT_EQ(status->region, QStringLiteral("region-a"));
}

// A valid status with one change made to it.
QByteArray edited(const std::function<void(QJsonObject &status)> &edit)
{
    QJsonObject status =
        peerStatusJson(QStringLiteral("a"), {{kPrefix, QStringLiteral("announced")}}, true);
    edit(status);
    return body(status);
}

// A valid status with one change made to its only service.
QByteArray editedService(const std::function<void(QJsonObject &service)> &edit)
{
    return edited([&edit](QJsonObject &status) {
        QJsonObject service = status.value(QStringLiteral("services")).toArray().at(0).toObject();
        edit(service);
        status.insert(QStringLiteral("services"), QJsonArray{service});
    });
}

// A valid status with one change made to its only route.
QByteArray editedRoute(const std::function<void(QJsonObject &route)> &edit)
{
    return editedService([&edit](QJsonObject &service) {
        QJsonObject route = service.value(QStringLiteral("routes")).toArray().at(0).toObject();
        edit(route);
        service.insert(QStringLiteral("routes"), QJsonArray{route});
    });
}

struct RejectRow
{
    std::string name;
    QByteArray body;
    QString reasonPart;
};

const std::vector<RejectRow> kRejectRows = {
    {"Empty", "", QStringLiteral("not JSON")},
    {"NotJson", "<html>502 Bad Gateway</html>", QStringLiteral("not JSON")},
    {"TruncatedJson", R"({"node":"a","services":[)", QStringLiteral("not JSON")},
    {"TopLevelArray", "[]", QStringLiteral("expected a JSON object")},
    // The fleet guard must read what the peer meant, not the last of two answers.
    {"DuplicateKey", R"({"node":"a","services":[],"node":"b"})",
     QStringLiteral("duplicate key \"node\"")},
    {"DuplicateKeyInAService",
     R"({"services":[{"name":"web","health":"down","health":"healthy"}]})",
     QStringLiteral("duplicate key \"health\"")},
    {"MissingServices",
     edited([](QJsonObject &status) { status.remove(QStringLiteral("services")); }),
     QStringLiteral("services: missing")},
    {"ServicesNotArray",
     edited([](QJsonObject &status) { status.insert(QStringLiteral("services"), QJsonObject()); }),
     QStringLiteral("services: expected an array")},
    {"NodeNotString", edited([](QJsonObject &status) { status.insert(QStringLiteral("node"), 7); }),
     QStringLiteral("node: expected a string")},
    {"MissingRegion", edited([](QJsonObject &status) { status.remove(QStringLiteral("region")); }),
     QStringLiteral("region: missing")},
    {"ServiceNotObject",
     edited([](QJsonObject &status) { status.insert(QStringLiteral("services"), QJsonArray{1}); }),
     QStringLiteral("services[0]: expected an object")},
    {"ServiceWithoutName",
     editedService([](QJsonObject &service) { service.remove(QStringLiteral("name")); }),
     QStringLiteral("services[0].name: missing")},
    {"DuplicateService", edited([](QJsonObject &status) {
         const QJsonValue service = status.value(QStringLiteral("services")).toArray().at(0);
         status.insert(QStringLiteral("services"), QJsonArray{service, service});
     }),
     QStringLiteral("listed twice")},
    {"UnknownHealthWord", editedService([](QJsonObject &service) {
         service.insert(QStringLiteral("health"), QStringLiteral("fine"));
     }),
     QStringLiteral("services[0].health")},
    {"RoutesNotArray", editedService([](QJsonObject &service) {
         service.insert(QStringLiteral("routes"), QStringLiteral("all"));
     }),
     QStringLiteral("services[0].routes")},
    {"RouteWithoutState",
     editedRoute([](QJsonObject &route) { route.remove(QStringLiteral("state")); }),
     QStringLiteral("services[0].routes[0].state")},
    {"RouteStateNotString",
     editedRoute([](QJsonObject &route) { route.insert(QStringLiteral("state"), true); }),
     QStringLiteral("services[0].routes[0].state")},
    // An unknown state word cannot be read as announcing or not: the peer counts as not
    // answering, which errs toward keeping this node's route.
    {"RouteStateUnknownWord", editedRoute([](QJsonObject &route) {
         route.insert(QStringLiteral("state"), QStringLiteral("prepended"));
     }),
     QStringLiteral("services[0].routes[0].state")},
    {"RouteWithoutPrefix",
     editedRoute([](QJsonObject &route) { route.remove(QStringLiteral("prefix")); }),
     QStringLiteral("services[0].routes[0].prefix")},
    {"ProbeOkNotBool", editedService([](QJsonObject &service) {
         service.insert(QStringLiteral("probe"),
                        QJsonObject{{QStringLiteral("ok"), QStringLiteral("yes")},
                                    {QStringLiteral("detail"), QString()}});
     }),
     QStringLiteral("services[0].probe.ok")},
};

void PrintTo(const RejectRow &row, std::ostream *out)
{
    *out << row.name;
}

class PeerStatusRejectTable : public ::testing::TestWithParam<RejectRow>
{};

TEST_P(PeerStatusRejectTable, RejectsWithAReason)
{
    const RejectRow &row = GetParam();
    const auto status = parsePeerStatus(row.body);
    ASSERT_FALSE(status);
    EXPECT_TRUE(status.error().contains(row.reasonPart)) << status.error().toStdString();
}

INSTANTIATE_TEST_SUITE_P(PeerStatus, PeerStatusRejectTable, ::testing::ValuesIn(kRejectRows),
                         [](const auto &row) { return row.param.name; });

TEST(PeerStatus, BodiesOverTheLimitAreRejectedBeforeParsing)
{
    // Valid JSON, padded past the limit with whitespace: only the size can reject it.
    QByteArray huge =
        body(peerStatusJson(QStringLiteral("a"), {{kPrefix, QStringLiteral("announced")}}));
    const QByteArray atLimit = huge + QByteArray(kMaxPeerStatusBytes - huge.size(), ' ');
    EXPECT_TRUE(parsePeerStatus(atLimit));
    const auto tooLarge = parsePeerStatus(atLimit + ' ');
    ASSERT_FALSE(tooLarge);
    EXPECT_TRUE(tooLarge.error().contains(QStringLiteral("limit")))
        << tooLarge.error().toStdString();
}

} // namespace
} // namespace anycast
