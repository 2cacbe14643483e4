#include "common/protocol/ParamsReader.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

#include <functional>
#include <vector>

namespace anycast {
namespace {

QJsonObject params(const char *json)
{
    QJsonParseError error{};
    const QJsonObject object = QJsonDocument::fromJson(QByteArray(json), &error).object();
    EXPECT_EQ(error.error, QJsonParseError::NoError) << json;
    return object;
}

TEST(ParamsReaderTest, ReadsEveryKindOfParameter)
{
    ParamsReader reader(params(R"({"service":"web","reason":"disk swap","force":true,
        "limit":25,"order":"newest","names":["a","b"],"offset":3.0,"client":""})"));
    EXPECT_EQ(reader.optionalText(QStringLiteral("service"), 64), QStringLiteral("web"));
    EXPECT_EQ(reader.requiredText(QStringLiteral("reason"), 500), QStringLiteral("disk swap"));
    EXPECT_EQ(reader.optionalString(QStringLiteral("client"), 64), QString());
    EXPECT_EQ(reader.optionalBool(QStringLiteral("force")), true);
    EXPECT_EQ(reader.optionalInteger(QStringLiteral("limit"), 1, 1000), 25);
    EXPECT_EQ(reader.optionalInteger(QStringLiteral("offset"), 0, 10), 3);
    EXPECT_EQ(reader.optionalEnum(QStringLiteral("order"),
                                  {QStringLiteral("oldest"), QStringLiteral("newest")}),
              QStringLiteral("newest"));
    EXPECT_EQ(reader.stringList(QStringLiteral("names"), 10, 64),
              (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    reader.rejectUnknown();
    EXPECT_TRUE(reader.ok()) << reader.error().message.toStdString();
}

TEST(ParamsReaderTest, AbsentOptionalsAreNothing)
{
    ParamsReader reader(params(R"({})"));
    EXPECT_EQ(reader.optionalString(QStringLiteral("client"), 64), std::nullopt);
    EXPECT_EQ(reader.optionalText(QStringLiteral("service"), 64), std::nullopt);
    EXPECT_EQ(reader.optionalBool(QStringLiteral("force")), std::nullopt);
    EXPECT_EQ(reader.optionalInteger(QStringLiteral("limit"), 1, 10), std::nullopt);
    EXPECT_EQ(reader.optionalEnum(QStringLiteral("order"), {QStringLiteral("a")}), std::nullopt);
    EXPECT_TRUE(reader.stringList(QStringLiteral("names"), 10, 10).isEmpty());
    reader.rejectUnknown();
    EXPECT_TRUE(reader.ok()) << reader.error().message.toStdString();
}

// Null is not "absent": `"service": null` must never read as "no service", i.e. the whole
// node. Every kind of parameter refuses it, naming the parameter.
TEST(ParamsReaderTest, NullIsAnErrorForEveryKind)
{
    const std::vector<std::pair<QString, std::function<void(ParamsReader &)>>> reads = {
        {QStringLiteral("client"),
         [](ParamsReader &r) { r.optionalString(QStringLiteral("client"), 9); }},
        {QStringLiteral("service"),
         [](ParamsReader &r) { r.optionalText(QStringLiteral("service"), 9); }},
        {QStringLiteral("reason"),
         [](ParamsReader &r) { r.requiredText(QStringLiteral("reason"), 9); }},
        {QStringLiteral("force"), [](ParamsReader &r) { r.optionalBool(QStringLiteral("force")); }},
        {QStringLiteral("limit"),
         [](ParamsReader &r) { r.optionalInteger(QStringLiteral("limit"), 1, 9); }},
        {QStringLiteral("order"),
         [](ParamsReader &r) { r.optionalEnum(QStringLiteral("order"), {QStringLiteral("a")}); }},
        {QStringLiteral("topics"),
         [](ParamsReader &r) { r.stringList(QStringLiteral("topics"), 9, 9); }},
    };
    for (const auto &[key, read] : reads) {
        SCOPED_TRACE(key.toStdString());
        ParamsReader reader(QJsonObject{{key, QJsonValue(QJsonValue::Null)}});
        read(reader);
        ASSERT_FALSE(reader.ok());
        EXPECT_EQ(reader.error().code, kInvalidParams);
        EXPECT_EQ(reader.error().message,
                  key + QStringLiteral(": null is not a value (leave the parameter out instead)"));
        EXPECT_EQ(reader.error().data.toObject().value(QStringLiteral("parameter")).toString(),
                  key);
    }
}

struct Rejected
{
    const char *params;
    std::function<void(ParamsReader &)> read;
    QString parameter;
    QString message;
};

TEST(ParamsReaderTest, ErrorsNameTheParameter)
{
    const auto string = [](ParamsReader &reader) {
        reader.optionalString(QStringLiteral("service"), 8);
    };
    const auto reason = [](ParamsReader &reader) {
        reader.requiredText(QStringLiteral("reason"), 10);
    };
    const auto service = [](ParamsReader &reader) {
        reader.optionalText(QStringLiteral("service"), 8);
    };
    const auto boolean = [](ParamsReader &reader) { reader.optionalBool(QStringLiteral("force")); };
    const auto integer = [](ParamsReader &reader) {
        reader.optionalInteger(QStringLiteral("limit"), 1, 100);
    };
    const auto order = [](ParamsReader &reader) {
        reader.optionalEnum(QStringLiteral("order"),
                            {QStringLiteral("oldest"), QStringLiteral("newest")});
    };
    const auto names = [](ParamsReader &reader) {
        reader.stringList(QStringLiteral("names"), 2, 4);
    };
    const auto known = [](ParamsReader &reader) {
        reader.optionalString(QStringLiteral("service"), 8);
        reader.rejectUnknown();
    };
    const std::vector<Rejected> table = {
        {R"({"service":1})", string, "service", "service: expected a string"},
        {R"({"service":["web"]})", string, "service", "service: expected a string"},
        {R"({"service":"123456789"})", string, "service", "service: longer than 8 characters"},
        {R"({})", reason, "reason", "reason: required"},
        {R"({"reason":null})", reason, "reason",
         "reason: null is not a value (leave the "
         "parameter out instead)"},
        {R"({"reason":""})", reason, "reason", "reason: must not be empty"},
        {R"({"reason":" \t\n "})", reason, "reason", "reason: must not be blank"},
        {R"({"reason":"\u00a0\u2003"})", reason, "reason", "reason: must not be blank"},
        {R"({"reason":" disk"})", reason, "reason",
         "reason: must not start or end with whitespace"},
        {R"({"reason":"disk\n"})", reason, "reason",
         "reason: must not start or end with whitespace"},
        {R"({"reason":"a\u001bb"})", reason, "reason",
         "reason: must not contain control characters"},
        {R"({"reason":"a\nb"})", reason, "reason", "reason: must not contain control characters"},
        {R"({"reason":"a\u0085b"})", reason, "reason",
         "reason: must not contain control characters"},
        {R"({"service":""})", service, "service", "service: must not be empty"},
        {R"({"service":" "})", service, "service", "service: must not be blank"},
        {R"({"service":"web "})", service, "service",
         "service: must not start or end with whitespace"},
        {R"({"service":"\tweb"})", service, "service",
         "service: must not start or end with whitespace"},
        {R"({"service":7})", service, "service", "service: expected a string"},
        {R"({"service":"123456789"})", service, "service", "service: longer than 8 characters"},
        {R"({"reason":false})", reason, "reason", "reason: expected a string"},
        {R"({"reason":"12345678901"})", reason, "reason", "reason: longer than 10 characters"},
        {R"({"force":"true"})", boolean, "force", "force: expected true or false"},
        {R"({"force":1})", boolean, "force", "force: expected true or false"},
        {R"({"limit":0})", integer, "limit", "limit: expected an integer from 1 to 100"},
        {R"({"limit":101})", integer, "limit", "limit: expected an integer from 1 to 100"},
        {R"({"limit":2.5})", integer, "limit", "limit: expected an integer from 1 to 100"},
        {R"({"limit":"5"})", integer, "limit", "limit: expected an integer from 1 to 100"},
        {R"({"limit":1e300})", integer, "limit", "limit: expected an integer from 1 to 100"},
        {R"({"limit":-1e300})", integer, "limit", "limit: expected an integer from 1 to 100"},
        {R"({"limit":true})", integer, "limit", "limit: expected an integer from 1 to 100"},
        {R"({"order":"middle"})", order, "order", "order: expected one of: oldest, newest"},
        {R"({"order":"Newest"})", order, "order", "order: expected one of: oldest, newest"},
        {R"({"order":1})", order, "order", "order: expected one of: oldest, newest"},
        {R"({"names":"a"})", names, "names", "names: expected an array of strings"},
        {R"({"names":["a","b","c"]})", names, "names", "names: more than 2 elements"},
        {R"({"names":["a",2]})", names, "names", "names: element 1: expected a string"},
        {R"({"names":["abcde"]})", names, "names", "names: element 0: longer than 4 characters"},
        {R"({"service":"web","sevrice":"x"})", known, "sevrice", "sevrice: unknown parameter"},
        {R"({"b":1,"a":2})", known, "a", "a: unknown parameter"},
    };
    for (const Rejected &row : table) {
        SCOPED_TRACE(row.params);
        ParamsReader reader(params(row.params));
        row.read(reader);
        ASSERT_FALSE(reader.ok());
        const RpcError error = reader.error();
        EXPECT_EQ(error.code, kInvalidParams);
        EXPECT_EQ(error.message, row.message);
        EXPECT_EQ(error.data.toObject().value(QStringLiteral("parameter")).toString(),
                  row.parameter);
    }
}

TEST(ParamsReaderTest, FirstErrorWins)
{
    ParamsReader reader(params(R"({"limit":"x","force":"y","extra":1})"));
    EXPECT_EQ(reader.optionalInteger(QStringLiteral("limit"), 0, 10), std::nullopt);
    // Reads after an error return nothing, even for a good value.
    EXPECT_EQ(reader.optionalBool(QStringLiteral("force")), std::nullopt);
    EXPECT_TRUE(reader.requiredText(QStringLiteral("reason"), 10).isEmpty());
    reader.rejectUnknown();
    EXPECT_EQ(reader.error().message, QStringLiteral("limit: expected an integer from 0 to 10"));
}

TEST(ParamsReaderTest, LongUnknownNamesAreShortened)
{
    const QString name(1000, QLatin1Char('n'));
    ParamsReader reader(QJsonObject{{name, 1}});
    reader.rejectUnknown();
    ASSERT_FALSE(reader.ok());
    EXPECT_LT(reader.error().message.size(), 100);
    EXPECT_TRUE(reader.error().message.endsWith(QStringLiteral("...: unknown parameter")));
}

TEST(ParamsReaderTest, IntegersUpToTwoToTheFiftyThree)
{
    constexpr qint64 kLimit = qint64(1) << 53;
    ParamsReader reader(QJsonObject{{QStringLiteral("a"), kLimit},
                                    {QStringLiteral("b"), kLimit + 1},
                                    {QStringLiteral("c"), -kLimit}});
    const qint64 max = std::numeric_limits<qint64>::max();
    const qint64 min = std::numeric_limits<qint64>::min();
    EXPECT_EQ(reader.optionalInteger(QStringLiteral("a"), min, max), kLimit);
    EXPECT_EQ(reader.optionalInteger(QStringLiteral("c"), min, max), -kLimit);
    EXPECT_EQ(reader.optionalInteger(QStringLiteral("b"), min, max), std::nullopt);
    EXPECT_FALSE(reader.ok());
}

} // namespace
} // namespace anycast
