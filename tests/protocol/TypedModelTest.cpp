#include "common/protocol/MutationRequest.h"
#include "tests/protocol/ProtocolSamples.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

namespace anycast::protocoltest {
namespace {

// JSON text, parsed back by Qt: what crosses the socket.
QJsonObject throughText(const QJsonObject &object)
{
    return QJsonDocument::fromJson(QJsonDocument(object).toJson(QJsonDocument::Compact)).object();
}

template <typename T> T roundTrip(const T &value)
{
    Result<T> parsed = readObject<T>(throughText(value.toJson()));
    EXPECT_TRUE(parsed.ok()) << parsed.error().toStdString();
    return parsed.ok() ? parsed.value() : T{};
}

template <typename T> QString errorOf(const QJsonObject &object)
{
    const Result<T> parsed = readObject<T>(object);
    return parsed.ok() ? QStringLiteral("(parsed)") : parsed.error();
}

TEST(TypedModel, StatusRoundTripsThroughText)
{
    const AgentStatus status = sampleStatus();
    EXPECT_EQ(roundTrip(status), status);
}

TEST(TypedModel, HelloRoundTripsThroughText)
{
    const HelloReply hello = sampleHello();
    EXPECT_EQ(roundTrip(hello), hello);
}

TEST(TypedModel, SampleRoundTripsThroughText)
{
    const SamplePoint sample = sampleSample();
    EXPECT_EQ(roundTrip(sample), sample);
    EXPECT_TRUE(roundTrip(sample).services.at(1).health.starting);
}

TEST(TypedModel, EventRoundTripsAndExposesItsRoute)
{
    const AgentEvent event = sampleRouteEvent();
    const AgentEvent parsed = roundTrip(event);
    EXPECT_EQ(parsed, event);
    ASSERT_TRUE(parsed.route().has_value());
    EXPECT_EQ(parsed.route()->state, PrefixState::Announced);
    EXPECT_EQ(parsed.route()->attributes.med, 100u);
}

TEST(TypedModel, MutationReplyRoundTrips)
{
    const MutationReply reply = sampleMutationReply();
    EXPECT_EQ(roundTrip(reply), reply);
    MutationReply nothing;
    nothing.message = QStringLiteral("the node: not drained; nothing changed");
    EXPECT_EQ(roundTrip(nothing), nothing);
}

TEST(TypedModel, UnknownKeysAreErrorsWithTheirPath)
{
    QJsonObject status = sampleStatus().toJson();
    QJsonArray services = status.value(QStringLiteral("services")).toArray();
    QJsonObject web = services.at(0).toObject();
    web.insert(QStringLiteral("colour"), QStringLiteral("red"));
    services[0] = web;
    status.insert(QStringLiteral("services"), services);
    EXPECT_EQ(errorOf<AgentStatus>(status), QStringLiteral("services[0].colour: unknown key"));
}

TEST(TypedModel, MissingAndMistypedKeysAreErrors)
{
    QJsonObject hello = sampleHello().toJson();
    hello.remove(QStringLiteral("region"));
    EXPECT_EQ(errorOf<HelloReply>(hello), QStringLiteral("region: missing"));

    QJsonObject sample = sampleSample().toJson();
    sample.insert(QStringLiteral("time"), QStringLiteral("2026-12-06T22:08:20+01:00"));
    EXPECT_TRUE(errorOf<SamplePoint>(sample).startsWith(QStringLiteral("time: expected a UTC")));
}

TEST(TypedModel, StatesAreOnlyTheKnownWords)
{
    QJsonObject status = sampleStatus().toJson();
    QJsonObject op = status.value(QStringLiteral("operator")).toObject();
    op.insert(QStringLiteral("node_state"), QStringLiteral("maintenance"));
    status.insert(QStringLiteral("operator"), op);
    EXPECT_EQ(errorOf<AgentStatus>(status),
              QStringLiteral("operator.node_state: expected active, draining or drained, not "
                             "\"maintenance\""));

    QJsonObject event = sampleRouteEvent().toJson();
    event.insert(QStringLiteral("kind"), QStringLiteral("gossip"));
    EXPECT_EQ(errorOf<AgentEvent>(event), QStringLiteral("kind: unknown event kind \"gossip\""));
}

TEST(TypedModel, WithdrawnRouteCarriesNoAttributes)
{
    PrefixDecision withdrawn;
    withdrawn.prefix = QStringLiteral("192.0.2.1/32");
    withdrawn.reason = QStringLiteral("drained");
    QJsonObject json = withdrawn.toJson();
    EXPECT_FALSE(json.contains(QStringLiteral("med")));
    json.insert(QStringLiteral("med"), 100);
    EXPECT_EQ(errorOf<PrefixDecision>(json), QStringLiteral("med: unknown key"));

    PrefixDecision announced = withdrawn;
    announced.state = PrefixState::Announced;
    QJsonObject bare = withdrawn.toJson();
    bare.insert(QStringLiteral("state"), QStringLiteral("announced"));
    EXPECT_EQ(errorOf<PrefixDecision>(bare), QStringLiteral("med: missing"));
}

TEST(TypedModel, LocationIsAPairOfDegreesOrNull)
{
    QJsonObject hello = sampleHello().toJson();
    hello.insert(QStringLiteral("location"), QJsonValue());
    const Result<HelloReply> unknown = readObject<HelloReply>(hello);
    ASSERT_TRUE(unknown.ok()) << unknown.error().toStdString();
    EXPECT_FALSE(unknown->location.has_value());

    for (const QJsonValue &bad :
         {QJsonValue(QJsonArray{91.0, 0.0}), QJsonValue(QJsonArray{1.0}),
          QJsonValue(QJsonArray{1.0, 2.0, 3.0}), QJsonValue(QStringLiteral("Frankfurt")),
          QJsonValue(QJsonArray{QStringLiteral("50"), 8.0})}) {
        hello.insert(QStringLiteral("location"), bad);
        EXPECT_TRUE(errorOf<HelloReply>(hello).startsWith(QStringLiteral("location: ")))
            << QJsonDocument(QJsonObject{{QStringLiteral("v"), bad}}).toJson().toStdString();
    }
}

TEST(TypedModel, HelloApiVersionIsReadAlone)
{
    QJsonObject hello = sampleHello().toJson();
    EXPECT_EQ(HelloReply::apiVersionOf(hello), 1);
    hello.insert(QStringLiteral("versions"), QJsonObject{{QStringLiteral("api"), 2}});
    EXPECT_EQ(HelloReply::apiVersionOf(hello), 2);
    hello.remove(QStringLiteral("versions"));
    EXPECT_EQ(HelloReply::apiVersionOf(hello), std::nullopt);
}

TEST(TypedModel, HelloRightsMustAgreeWithTheCaller)
{
    QJsonObject hello = sampleHello().toJson();
    hello.insert(QStringLiteral("rights"), QJsonArray{QStringLiteral("read")});
    EXPECT_EQ(errorOf<HelloReply>(hello), QStringLiteral("rights: differs from caller.rights"));
}

TEST(TypedModel, NodeDrainIsSaidOnlyByLeavingServiceOut)
{
    DrainRequest node;
    node.reason = QStringLiteral("maintenance");
    EXPECT_FALSE(node.toParams().contains(QStringLiteral("service")));
    DrainRequest web = node;
    web.service = QStringLiteral("web");
    web.mode = DrainMode::Immediate;
    web.force = true;
    web.ticket = QStringLiteral("CHG-1");
    const QJsonObject params = web.toParams();
    EXPECT_EQ(params.value(QStringLiteral("service")).toString(), QStringLiteral("web"));
    EXPECT_EQ(params.value(QStringLiteral("mode")).toString(), QStringLiteral("immediate"));
    EXPECT_TRUE(params.value(QStringLiteral("force")).toBool());
    EXPECT_EQ(params.value(QStringLiteral("ticket")).toString(), QStringLiteral("CHG-1"));
    UndrainRequest undrain;
    undrain.reason = QStringLiteral("done");
    EXPECT_EQ(undrain.toParams(),
              (QJsonObject{{QStringLiteral("reason"), QStringLiteral("done")}}));
}

} // namespace
} // namespace anycast::protocoltest
