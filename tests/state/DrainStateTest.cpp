#include "agent/state/DrainState.h"

#include "tests/state/StateTestSupport.h"

#include <QJsonArray>

#include <gtest/gtest.h>

namespace anycast {
namespace {

QString readError(const QJsonObject &json)
{
    JsonReader reader(json);
    DrainState::fromJson(reader);
    return reader.ok() ? QString() : reader.error();
}

TEST(DrainStateTest, SetReplacesTheDrainOfTheSameTarget)
{
    DrainState state;
    EXPECT_TRUE(state.isEmpty());
    state.set(test::sampleDrain(QStringLiteral("https")));
    DrainRecord again = test::sampleDrain(QStringLiteral("https"));
    again.reason = QStringLiteral("second thoughts");
    state.set(again);
    ASSERT_EQ(state.records().size(), 1);
    EXPECT_EQ(state.find(QStringLiteral("https"))->reason, QStringLiteral("second thoughts"));
}

TEST(DrainStateTest, RemoveReportsWhetherTheTargetWasDrained)
{
    DrainState state = test::sampleState();
    EXPECT_TRUE(state.remove(QStringLiteral("https")));
    EXPECT_FALSE(state.remove(QStringLiteral("https")));
    EXPECT_FALSE(state.find(QStringLiteral("https")).has_value());
    EXPECT_TRUE(state.remove(QString()));
    EXPECT_TRUE(state.isEmpty());
}

TEST(DrainStateTest, NodeAndServiceDrainsAreSeparate)
{
    DrainState state;
    state.set(test::sampleDrain(QStringLiteral("dns")));
    EXPECT_FALSE(state.nodeDrain().has_value());
    EXPECT_FALSE(state.serviceDrain(QString()).has_value());
    EXPECT_EQ(state.serviceDrain(QStringLiteral("dns"))->target, QStringLiteral("dns"));
    state.set(test::sampleDrain());
    EXPECT_TRUE(state.nodeDrain()->isNodeDrain());
}

TEST(DrainStateTest, NodeDrainWinsOverServiceDrain)
{
    DrainState state;
    EXPECT_FALSE(state.effectiveFor(QStringLiteral("https")).has_value());
    state.set(test::sampleDrain(QStringLiteral("https")));
    EXPECT_EQ(state.effectiveFor(QStringLiteral("https"))->target, QStringLiteral("https"));
    EXPECT_FALSE(state.effectiveFor(QStringLiteral("dns")).has_value());
    state.set(test::sampleDrain());
    EXPECT_TRUE(state.effectiveFor(QStringLiteral("https"))->isNodeDrain());
    EXPECT_TRUE(state.effectiveFor(QStringLiteral("dns"))->isNodeDrain());
}

TEST(DrainStateTest, RoundTripsWithVersionAndNodeFirst)
{
    const DrainState state = test::sampleState();
    const QJsonObject json = state.toJson();
    EXPECT_EQ(json.value(QStringLiteral("version")).toInt(), 1);
    const QJsonArray drains = json.value(QStringLiteral("drains")).toArray();
    ASSERT_EQ(drains.size(), 2);
    EXPECT_EQ(drains.at(0).toObject().value(QStringLiteral("target")).toString(), QString());

    JsonReader reader(json);
    const DrainState back = DrainState::fromJson(reader);
    ASSERT_TRUE(reader.ok()) << reader.error().toStdString();
    EXPECT_EQ(back, state);
}

TEST(DrainStateTest, RoundTripsAnEmptyState)
{
    JsonReader reader(DrainState().toJson());
    EXPECT_TRUE(DrainState::fromJson(reader).isEmpty());
    EXPECT_TRUE(reader.ok());
}

TEST(DrainStateTest, RejectsAnotherVersion)
{
    QJsonObject json = test::sampleState().toJson();
    json.insert(QStringLiteral("version"), 2);
    EXPECT_EQ(readError(json),
              QStringLiteral("version: unsupported version 2 (this agent reads version 1)"));
    json.remove(QStringLiteral("version"));
    EXPECT_EQ(readError(json), QStringLiteral("version: missing"));
}

TEST(DrainStateTest, RejectsUnknownKeysAtEveryLevel)
{
    QJsonObject json = test::sampleState().toJson();
    json.insert(QStringLiteral("comment"), QStringLiteral("hi"));
    EXPECT_EQ(readError(json), QStringLiteral("comment: unknown key"));

    json = test::sampleState().toJson();
    QJsonArray drains = json.value(QStringLiteral("drains")).toArray();
    QJsonObject second = drains.at(1).toObject();
    second.insert(QStringLiteral("until"), QStringLiteral("tomorrow"));
    drains.replace(1, second);
    json.insert(QStringLiteral("drains"), drains);
    EXPECT_EQ(readError(json), QStringLiteral("drains[1].until: unknown key"));
}

TEST(DrainStateTest, RejectsWrongShapes)
{
    QJsonObject json = test::sampleState().toJson();
    json.insert(QStringLiteral("drains"), QStringLiteral("none"));
    EXPECT_EQ(readError(json), QStringLiteral("drains: expected an array"));
    json.insert(QStringLiteral("drains"), QJsonArray{42});
    EXPECT_EQ(readError(json), QStringLiteral("drains[0]: expected an object"));
}

TEST(DrainStateTest, RejectsTwoDrainsOfOneTarget)
{
    QJsonObject json = test::sampleState().toJson();
    QJsonArray drains = json.value(QStringLiteral("drains")).toArray();
    drains.append(drains.at(1));
    json.insert(QStringLiteral("drains"), drains);
    EXPECT_EQ(readError(json), QStringLiteral("drains[2].target: \"https\" is drained twice"));
}

} // namespace
} // namespace anycast
