#include "common/SocketSample.h"

#include <QJsonDocument>

#include <gtest/gtest.h>

#include <ostream>

namespace anycast {
namespace {

SocketSample populatedSample()
{
    SocketSample sample;
    sample.timestampMs = 1795600000123;
    sample.source = QStringLiteral("netlink");
    sample.durationUs = 4321;
    ServiceSocketStats https;
    https.name = QStringLiteral("https");
    https.ports = {443, 8443};
    https.listeners = {{QStringLiteral("0.0.0.0"), 443, 17, 4096},
                       {QStringLiteral("::"), 8443, 0, std::nullopt}};
    https.states[TcpState::Established] = 1200;
    https.states[TcpState::SynRecv] = 7;
    https.states[TcpState::CloseWait] = 3;
    https.tcpInfo = {true, 1203, 4, 9, 77, 2, 15, 250, 90000, 6};
    sample.services = {https};
    sample.connections = {
        {QStringLiteral("https"), true, 6, 1250, 2, 3, {4000, 900, 310}, 2, {1800, 1100}, 1, 740}};
    sample.otherSockets[TcpState::TimeWait] = 42;
    sample.otherSockets[TcpState::Listen] = 5;
    sample.host.counters = {{QStringLiteral("Tcp.RetransSegs"), 9007199254740992ULL},
                            {QStringLiteral("TcpExt.ListenOverflows"), 3}};
    sample.host.ratesPerSecond = {{QStringLiteral("Tcp.RetransSegs"), 12.5}};
    sample.host.sockstat = {10, 1, 42, 12, 3};
    sample.warnings = {QStringLiteral("/proc/net/tcp:5: truncated line")};
    return sample;
}

QJsonObject throughText(const QJsonObject &json)
{
    return QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
}

TEST(JsonRoundTrip, SocketSampleSurvivesSerialisation)
{
    const SocketSample sample = populatedSample();
    QString error;
    const auto parsed = SocketSample::parse(throughText(sample.toJson()), &error);
    ASSERT_TRUE(parsed) << error.toStdString();
    EXPECT_EQ(*parsed, sample);
}

TEST(JsonRoundTrip, ASampleFromAnAgentWithoutAnswerTimesStillParses)
{
    // An older agent's sample has no longest_answered_wait_ms: it reads as 0.
    const SocketSample sample = populatedSample();
    ASSERT_EQ(sample.connections.first().longestAnsweredWaitMs, 740u);
    ASSERT_EQ(sample.toJson()
                  .value(QStringLiteral("connections"))
                  .toArray()
                  .at(0)
                  .toObject()
                  .value(QStringLiteral("longest_answered_wait_ms")),
              QJsonValue(740));
    QJsonObject json = sample.toJson();
    QJsonArray connections = json.value(QStringLiteral("connections")).toArray();
    QJsonObject activity = connections.at(0).toObject();
    activity.remove(QStringLiteral("longest_answered_wait_ms"));
    connections.replace(0, activity);
    json.insert(QStringLiteral("connections"), connections);
    QString error;
    const auto parsed = SocketSample::parse(throughText(json), &error);
    ASSERT_TRUE(parsed) << error.toStdString();
    SocketSample expected = sample;
    expected.connections.first().longestAnsweredWaitMs = 0;
    EXPECT_EQ(*parsed, expected);
}

TEST(JsonRoundTrip, ConnectionActivityAgesAreBounded)
{
    ConnectionActivity activity;
    activity.service = QStringLiteral("https");
    QJsonArray ages;
    for (qsizetype i = 0; i <= ConnectionActivity::kMaxAgesKept; ++i)
        ages.append(1);
    QJsonObject json = activity.toJson();
    json.insert(QStringLiteral("unread_ages_ms"), ages);
    JsonReader reader(json);
    ConnectionActivity::fromJson(reader);
    EXPECT_FALSE(reader.ok());
    EXPECT_TRUE(reader.error().contains(QStringLiteral("unread_ages_ms")))
        << reader.error().toStdString();
}

TEST(JsonRoundTrip, ListenerSampleSurvivesSerialisation)
{
    ListenerSample sample;
    sample.timestampMs = 17;
    sample.source = QStringLiteral("proc");
    sample.durationUs = 90;
    sample.services = {
        {QStringLiteral("dns"), {53}, {{QStringLiteral("127.0.0.1"), 53, 2, std::nullopt}}},
        {QStringLiteral("idle"), {9}, {}}};
    QString error;
    const auto parsed = ListenerSample::parse(throughText(sample.toJson()), &error);
    ASSERT_TRUE(parsed) << error.toStdString();
    EXPECT_EQ(*parsed, sample);
}

TEST(JsonRoundTrip, NullBacklogStaysUnknownAndZeroStaysZero)
{
    const ListenerStats unknown{QStringLiteral("::1"), 80, 0, std::nullopt};
    const ListenerStats zero{QStringLiteral("::1"), 80, 0, 0};
    JsonReader unknownReader(unknown.toJson());
    JsonReader zeroReader(zero.toJson());
    EXPECT_EQ(ListenerStats::fromJson(unknownReader).backlog, std::nullopt);
    EXPECT_EQ(ListenerStats::fromJson(zeroReader).backlog, std::optional<quint32>(0));
}

// Each case edits a valid sample and expects the exact path and complaint.
struct StrictCase
{
    const char *name;
    std::function<void(QJsonObject &)> edit;
    const char *expectedError;
};

QJsonObject firstService(const QJsonObject &json)
{
    return json.value(QStringLiteral("services")).toArray().at(0).toObject();
}

void replaceFirstService(QJsonObject &json, const QJsonObject &service)
{
    QJsonArray services = json.value(QStringLiteral("services")).toArray();
    services.replace(0, service);
    json.insert(QStringLiteral("services"), services);
}

// gtest prints a parameter by its name, not as a dump of its bytes.
void PrintTo(const StrictCase &value, std::ostream *out)
{
    *out << value.name;
}

class StrictParsing : public ::testing::TestWithParam<StrictCase>
{};

TEST_P(StrictParsing, RejectsWithPath)
{
    QJsonObject json = populatedSample().toJson();
    GetParam().edit(json);
    QString error;
    EXPECT_FALSE(SocketSample::parse(json, &error));
    EXPECT_EQ(error.toStdString(), GetParam().expectedError);
}

INSTANTIATE_TEST_SUITE_P(
    SocketSample, StrictParsing,
    ::testing::Values(
        StrictCase{"MissingKey", [](QJsonObject &json) { json.remove(QStringLiteral("source")); },
                   "source: missing"},
        StrictCase{"UnknownKey", [](QJsonObject &json) { json.insert(QStringLiteral("extra"), 1); },
                   "extra: unknown key"},
        StrictCase{"StringForNumber",
                   [](QJsonObject &json) {
                       json.insert(QStringLiteral("duration_us"), QStringLiteral("5"));
                   },
                   "duration_us: expected an integer from 0 to 9007199254740992"},
        StrictCase{"NegativeCount",
                   [](QJsonObject &json) {
                       QJsonObject other = json.value(QStringLiteral("other_sockets")).toObject();
                       other.insert(QStringLiteral("LISTEN"), -1);
                       json.insert(QStringLiteral("other_sockets"), other);
                   },
                   "other_sockets.LISTEN: expected an integer from 0 to 9007199254740992"},
        StrictCase{"FractionalCount",
                   [](QJsonObject &json) {
                       QJsonObject service = firstService(json);
                       QJsonObject states = service.value(QStringLiteral("states")).toObject();
                       states.insert(QStringLiteral("SYN_RECV"), 1.5);
                       service.insert(QStringLiteral("states"), states);
                       replaceFirstService(json, service);
                   },
                   "services[0].states.SYN_RECV: expected an integer from 0 to 9007199254740992"},
        StrictCase{"PortOutOfRange",
                   [](QJsonObject &json) {
                       QJsonObject service = firstService(json);
                       service.insert(QStringLiteral("ports"), QJsonArray{443, 70000});
                       replaceFirstService(json, service);
                   },
                   "services[0].ports[1]: expected an integer from 0 to 65535"},
        StrictCase{"MissingState",
                   [](QJsonObject &json) {
                       QJsonObject service = firstService(json);
                       QJsonObject states = service.value(QStringLiteral("states")).toObject();
                       states.remove(QStringLiteral("CLOSING"));
                       service.insert(QStringLiteral("states"), states);
                       replaceFirstService(json, service);
                   },
                   "services[0].states.CLOSING: missing"},
        StrictCase{"ListenerNotAnObject",
                   [](QJsonObject &json) {
                       QJsonObject service = firstService(json);
                       service.insert(QStringLiteral("listeners"), QJsonArray{QStringLiteral("x")});
                       replaceFirstService(json, service);
                   },
                   "services[0].listeners[0]: expected an object"},
        StrictCase{"BacklogAsText",
                   [](QJsonObject &json) {
                       QJsonObject service = firstService(json);
                       QJsonArray listeners = service.value(QStringLiteral("listeners")).toArray();
                       QJsonObject listener = listeners.at(0).toObject();
                       listener.insert(QStringLiteral("backlog"), QStringLiteral("4096"));
                       listeners.replace(0, listener);
                       service.insert(QStringLiteral("listeners"), listeners);
                       replaceFirstService(json, service);
                   },
                   "services[0].listeners[0].backlog: expected null or an integer from 0 to "
                   "4294967295"},
        StrictCase{"AnswerWaitBeyond32Bits",
                   [](QJsonObject &json) {
                       QJsonArray connections = json.value(QStringLiteral("connections")).toArray();
                       QJsonObject activity = connections.at(0).toObject();
                       activity.insert(QStringLiteral("longest_answered_wait_ms"), 4294967296.0);
                       connections.replace(0, activity);
                       json.insert(QStringLiteral("connections"), connections);
                   },
                   "connections[0].longest_answered_wait_ms: expected an integer from 0 to "
                   "4294967295"},
        StrictCase{
            "WarningNotText",
            [](QJsonObject &json) { json.insert(QStringLiteral("warnings"), QJsonArray{3}); },
            "warnings[0]: expected a string"},
        StrictCase{"RateNotNumber",
                   [](QJsonObject &json) {
                       QJsonObject host = json.value(QStringLiteral("host")).toObject();
                       host.insert(QStringLiteral("rates_per_second"),
                                   QJsonObject{{QStringLiteral("Tcp.OutSegs"), true}});
                       json.insert(QStringLiteral("host"), host);
                   },
                   "host.rates_per_second.Tcp.OutSegs: expected a number"}),
    [](const ::testing::TestParamInfo<StrictCase> &param) {
        return std::string(param.param.name);
    });

} // namespace
} // namespace anycast
