#include "PeerStatus.h"

#include "FleetTestSupport.h"

#include <QJsonDocument>

#include <gtest/gtest.h>

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
    // A newer peer's state word is still a route in its table.
    {"UnknownStateCountsAsAnnounced", {{kPrefix, QStringLiteral("prepended")}}, true},
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

TEST(PeerStatus, APrefixInTwoServicesIsAnnouncedIfEitherAnnouncesIt)
{
    const QByteArray text = R"({"node":"a","region":"r","services":[
        {"name":"web","routes":[{"prefix":"192.0.2.1/32","state":"withdrawn"}]},
        {"name":"dns","routes":[{"prefix":"192.0.2.1/32","state":"degraded"}]},
        {"name":"ntp","routes":[{"prefix":"192.0.2.9/32","state":"withdrawn"}]}]})";
    const auto status = parsePeerStatus(text);
    ASSERT_TRUE(status) << status.error().toStdString();
    EXPECT_TRUE(status->announces(kPrefix));
    EXPECT_FALSE(status->announces(QStringLiteral("192.0.2.9/32")));
    EXPECT_EQ(status->services.size(), 3);
}

TEST(PeerStatus, ReadsProbeResultsAndHealthPerService)
{
    const QByteArray text = R"({"node":"a","region":"r","services":[
        {"name":"web","health":"down","probe":{"ok":false,"detail":"HTTP 503"}},
        {"name":"dns","health":"healthy","probe":{"ok":true,"detail":"ok"}},
        {"name":"ntp","health":"starting"}]})";
    const auto status = parsePeerStatus(text);
    ASSERT_TRUE(status) << status.error().toStdString();
    EXPECT_EQ(status->services.value(QStringLiteral("web")).health, QStringLiteral("down"));
    EXPECT_EQ(status->services.value(QStringLiteral("web")).probeOk, std::optional<bool>(false));
    EXPECT_EQ(status->services.value(QStringLiteral("dns")).probeOk, std::optional<bool>(true));
    EXPECT_EQ(status->services.value(QStringLiteral("ntp")).health, QStringLiteral("starting"));
    EXPECT_FALSE(status->services.value(QStringLiteral("ntp")).probeOk.has_value());
}

TEST(PeerStatus, UnknownKeysAreIgnored)
{
    const QByteArray text = R"({"node":"a","region":"r","version":"9.0","future":{"x":[1,2]},
        "services":[{"name":"web","health":"healthy","weight":7,"probe":{"ok":true,"rtt":3},
        "routes":[{"prefix":"192.0.2.1/32","state":"announced","med":100,"color":"blue"}]}],
        "bgp":{"bridge_connected":true}})";
    const auto status = parsePeerStatus(text);
    ASSERT_TRUE(status) << status.error().toStdString();
    EXPECT_TRUE(status->announces(kPrefix));
    EXPECT_EQ(status->services.value(QStringLiteral("web")).probeOk, std::optional<bool>(true));
}

TEST(PeerStatus, EmptyServicesIsAValidStatus)
{
    const auto status = parsePeerStatus(R"({"node":"a","services":[]})");
    ASSERT_TRUE(status) << status.error().toStdString();
    EXPECT_TRUE(status->services.isEmpty());
    EXPECT_TRUE(status->region.isEmpty());
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
    {"MissingServices", R"({"node":"a","region":"r"})", QStringLiteral("services")},
    {"ServicesNotArray", R"({"node":"a","services":{}})", QStringLiteral("services")},
    {"NodeNotString", R"({"node":7,"services":[]})", QStringLiteral("node")},
    {"ServiceNotObject", R"({"services":[1]})", QStringLiteral("services[0]")},
    {"ServiceWithoutName", R"({"services":[{"health":"healthy"}]})",
     QStringLiteral("services[0].name")},
    {"DuplicateService", R"({"services":[{"name":"web"},{"name":"web"}]})",
     QStringLiteral("listed twice")},
    {"RoutesNotArray", R"({"services":[{"name":"web","routes":"all"}]})",
     QStringLiteral("services[0].routes")},
    {"RouteWithoutState", R"({"services":[{"name":"web","routes":[{"prefix":"192.0.2.1/32"}]}]})",
     QStringLiteral("services[0].routes[0].state")},
    {"RouteStateNotString",
     R"({"services":[{"name":"web","routes":[{"prefix":"192.0.2.1/32","state":true}]}]})",
     QStringLiteral("services[0].routes[0].state")},
    {"RouteWithoutPrefix", R"({"services":[{"name":"web","routes":[{"state":"announced"}]}]})",
     QStringLiteral("services[0].routes[0].prefix")},
    {"ProbeOkNotBool", R"({"services":[{"name":"web","probe":{"ok":"yes"}}]})",
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
