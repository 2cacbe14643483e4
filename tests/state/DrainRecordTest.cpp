#include "common/protocol/DrainRecord.h"

#include "common/protocol/UtcTimestamp.h"
#include "tests/state/StateTestSupport.h"

#include <gtest/gtest.h>

namespace anycast {
namespace {

QString readError(const QJsonObject &json)
{
    JsonReader reader(json, QStringLiteral("drains[0]"));
    DrainRecord::fromJson(reader);
    return reader.ok() ? QString() : reader.error();
}

TEST(DrainRecordTest, RoundTripsEveryField)
{
    DrainRecord record = test::sampleDrain(QStringLiteral("dns"));
    record.mode = DrainMode::Immediate;
    record.forceWithdraw = true;
    const QJsonObject json = record.toJson();
    EXPECT_EQ(json.value(QStringLiteral("since")).toString(),
              QStringLiteral("2024-05-01T12:34:56.789Z"));
    EXPECT_EQ(json.value(QStringLiteral("mode")).toString(), QStringLiteral("immediate"));

    JsonReader reader(json);
    const DrainRecord back = DrainRecord::fromJson(reader);
    ASSERT_TRUE(reader.ok()) << reader.error().toStdString();
    EXPECT_EQ(back, record);
    EXPECT_EQ(back.since.timeSpec(), Qt::UTC);
}

TEST(DrainRecordTest, WritesLocalTimesAsUtc)
{
    DrainRecord record = test::sampleDrain();
    record.since = QDateTime(QDate(2024, 5, 1), QTime(14, 0), Qt::OffsetFromUTC, 7200);
    EXPECT_EQ(record.toJson().value(QStringLiteral("since")).toString(),
              QStringLiteral("2024-05-01T12:00:00.000Z"));
}

TEST(DrainRecordTest, ModeNamesRoundTrip)
{
    for (const DrainMode mode : {DrainMode::Graceful, DrainMode::Immediate})
        EXPECT_EQ(drainModeFromName(drainModeName(mode)), mode);
    EXPECT_EQ(drainModeFromName(u"Graceful"), std::nullopt);
}

TEST(DrainRecordTest, RejectsAnUnknownKey)
{
    QJsonObject json = test::sampleDrain().toJson();
    json.insert(QStringLiteral("colour"), QStringLiteral("red"));
    EXPECT_EQ(readError(json), QStringLiteral("drains[0].colour: unknown key"));
}

TEST(DrainRecordTest, RejectsAMissingReason)
{
    QJsonObject json = test::sampleDrain().toJson();
    json.remove(QStringLiteral("reason"));
    EXPECT_EQ(readError(json), QStringLiteral("drains[0].reason: missing"));
}

TEST(DrainRecordTest, RejectsAnUnknownMode)
{
    QJsonObject json = test::sampleDrain().toJson();
    json.insert(QStringLiteral("mode"), QStringLiteral("slow"));
    EXPECT_EQ(
        readError(json),
        QStringLiteral("drains[0].mode: expected \"graceful\" or \"immediate\", not \"slow\""));
}

TEST(DrainRecordTest, RejectsWrongTypes)
{
    QJsonObject json = test::sampleDrain().toJson();
    json.insert(QStringLiteral("uid"), -1);
    EXPECT_TRUE(readError(json).startsWith(QStringLiteral("drains[0].uid: expected an integer")));
    json = test::sampleDrain().toJson();
    json.insert(QStringLiteral("force_withdraw"), QStringLiteral("yes"));
    EXPECT_EQ(readError(json), QStringLiteral("drains[0].force_withdraw: expected true or false"));
}

TEST(DrainRecordTest, RejectsDatesThatAreNotUtcWithMilliseconds)
{
    for (const char *since :
         {"2024-05-01T12:34:56Z", "2024-05-01T12:34:56.789", "2024-05-01T14:34:56.789+02:00",
          "2024-13-01T12:34:56.789Z", "yesterday", ""}) {
        QJsonObject json = test::sampleDrain().toJson();
        json.insert(QStringLiteral("since"), QString::fromLatin1(since));
        EXPECT_TRUE(readError(json).startsWith(QStringLiteral("drains[0].since: expected a UTC")))
            << since << ": " << readError(json).toStdString();
    }
}

TEST(UtcTimestampTest, ParsesOnlyTheExactSpelling)
{
    const auto time = parseUtcTimestamp(QStringLiteral("2024-02-29T23:59:59.001Z"));
    ASSERT_TRUE(time.has_value());
    EXPECT_EQ(formatUtcTimestamp(*time), QStringLiteral("2024-02-29T23:59:59.001Z"));
    EXPECT_FALSE(parseUtcTimestamp(QStringLiteral("2023-02-29T23:59:59.001Z")).has_value());
    EXPECT_FALSE(parseUtcTimestamp(QStringLiteral(" 2024-02-29T23:59:59.001Z")).has_value());
}

} // namespace
} // namespace anycast
