#include "common/StrictJson.h"

#include <QJsonArray>
#include <QVariant>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace anycast {
namespace {

QByteArrayView view(const std::string &text)
{
    return QByteArrayView(text.data(), static_cast<qsizetype>(text.size()));
}

struct Refused
{
    std::string text;
    qsizetype offset;
    QString reasonPart;
};

void PrintTo(const Refused &row, std::ostream *out)
{
    *out << testing::PrintToString(row.text);
}

class StrictJsonRefuses : public ::testing::TestWithParam<Refused>
{};

TEST_P(StrictJsonRefuses, WithTheOffsetAndTheReason)
{
    const Refused &row = GetParam();
    const StrictJsonResult result = StrictJson::parse(view(row.text));
    ASSERT_FALSE(result.ok());
    EXPECT_TRUE(result.document.isNull());
    EXPECT_EQ(result.problem->offset, row.offset) << result.problem->toString().toStdString();
    EXPECT_TRUE(result.problem->reason.contains(row.reasonPart))
        << result.problem->toString().toStdString();
    EXPECT_EQ(result.problem->toString(),
              QStringLiteral("at byte %1: %2").arg(row.offset).arg(result.problem->reason));
}

// Offsets point at the second key's opening quote, the escape's backslash, the bad byte.
INSTANTIATE_TEST_SUITE_P(
    Duplicates, StrictJsonRefuses,
    ::testing::Values(
        Refused{R"({"a":1,"a":2})", 7, R"(duplicate key "a")"},
        Refused{R"({"a":1, "b":2, "a":1})", 15, R"(duplicate key "a")"},
        Refused{R"({"x":{"a":1,"a":2}})", 12, R"(duplicate key "a")"},
        Refused{R"({"x":{"y":{"z":{"a":1,"b":2,"a":3}}}})", 28, R"(duplicate key "a")"},
        Refused{R"([{"a":1},{"a":1,"a":1}])", 16, R"(duplicate key "a")"},
        Refused{R"({"list":[[{"k":true,"k":false}]]})", 20, R"(duplicate key "k")"},
        // Equal once unescaped.
        Refused{R"({"a":1,"\u0061":2})", 7, R"(duplicate key "a")"},
        Refused{R"({"\u00e9":1,"é":2})", 12, R"(duplicate key "é")"},
        Refused{R"({"\ud83d\ude00":1,"😀":2})", 18, R"(duplicate key "😀")"},
        Refused{R"({"a\/b":1,"a/b":2})", 10, R"(duplicate key "a/b")"},
        Refused{R"({"":1,"":2})", 6, R"(duplicate key "")"},
        // A control character in a key is shown escaped, never raw.
        Refused{R"({"\u001b[2J":1,"\u001b[2J":2})", 15, R"(duplicate key "\u001b[2J")"}));

INSTANTIATE_TEST_SUITE_P(Strings, StrictJsonRefuses,
                         ::testing::Values(Refused{std::string("[\"a\0b\"]", 7), 3,
                                                   "unescaped control character"},
                                           Refused{"[\"a\tb\"]", 3, "unescaped control character"},
                                           Refused{R"(["\o"])", 2, "invalid escape"},
                                           Refused{R"({"k\x":1})", 3, "invalid escape"},
                                           Refused{R"(["\uFEFF"])", 2, "U+FEFF"},
                                           Refused{"[\"\xEF\xBB\xBF\"]", 2, "U+FEFF"},
                                           Refused{R"(["\ud800"])", 2, "unpaired surrogate"},
                                           Refused{R"(["\udc00\ud800"])", 2, "unpaired surrogate"},
                                           Refused{R"(["\ud800\u0041"])", 2, "unpaired surrogate"},
                                           Refused{R"(["x\ud800"])", 3, "unpaired surrogate"}));

INSTANTIATE_TEST_SUITE_P(Numbers, StrictJsonRefuses,
                         ::testing::Values(Refused{"[1.]", 1, "number"},
                                           Refused{"[.5]", 1, "number"},
                                           Refused{"[1.e5]", 1, "number"},
                                           Refused{"[-.5]", 1, "number"},
                                           Refused{R"({"a":[0, 2.]})", 9, "number"}));

// What Qt's own parser refuses comes back with its offset and words.
INSTANTIATE_TEST_SUITE_P(
    NotJson, StrictJsonRefuses,
    ::testing::Values(Refused{"", 0, "illegal value"}, Refused{"{", 1, "unterminated object"},
                      Refused{"[1] x", 4, "garbage"}, Refused{"[01]", 3, "value separator"},
                      Refused{"[\"\xff\"]", 2, "UTF8"}, Refused{R"({"a" 1})", 6, "name separator"},
                      // Qt says one past the end here; the offset stays inside the text.
                      Refused{R"(["abc)", 5, "unterminated string"},
                      // A byte order mark anywhere but before the text.
                      Refused{"\xEF\xBB\xBF\xEF\xBB\xBF[1]", 4, "illegal value"},
                      Refused{std::string("[1,\xEF\xBB\xBF") + "2]", 3, "illegal number"}));

TEST(StrictJson, AcceptsPlainJsonAndKeepsItsValues)
{
    const std::string text =
        R"( {"a": 1, "b": [1, -0, 2.5e-3, 1E+2, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9"],)"
        R"( "c": {"a": 2, "b": {"a": 3}}, "d": [{"k": 1}, {"k": 2}], "\ud83d\ude00": 9007199254740993,)"
        R"( "e": "\u001b", "A": 0} )"
        "\r\n";
    const StrictJsonResult result = StrictJson::parse(view(text));
    ASSERT_TRUE(result.ok()) << result.problem->toString().toStdString();
    const QJsonObject object = result.document.object();
    EXPECT_EQ(object.size(), 7);
    EXPECT_EQ(object.value(QStringLiteral("b")).toArray().at(7).toString(),
              QStringLiteral("x\"\\/\b\f\n\r\t\u00e9"));
    // Keys that repeat in other objects, or only differ in case, are not duplicates.
    EXPECT_EQ(object.value(QStringLiteral("c")).toObject().value(QStringLiteral("a")).toInt(), 2);
    EXPECT_EQ(object.value(QStringLiteral("A")).toInt(), 0);
    // Integers stay exact beyond 2^53, as Qt keeps them.
    EXPECT_EQ(object.value(QString::fromUtf8("😀")).toInteger(), 9007199254740993);
    EXPECT_EQ(object.value(QStringLiteral("e")).toString(), QStringLiteral("\x1b"));
}

TEST(StrictJson, KeysReadFromEscapesAndFromUtf8AreTheSameKeys)
{
    // An escaped surrogate pair and a key above it: Qt stores the two keys in an order that
    // differs from the UTF-8 form's, but lookups and content are the same.
    const StrictJsonResult escaped = StrictJson::parse(R"({"\ud8ad\udccc1":0,"\ufeafF":2})");
    ASSERT_TRUE(escaped.ok()) << escaped.problem->toString().toStdString();
    const StrictJsonResult utf8 = StrictJson::parse(escaped.document.toJson());
    ASSERT_TRUE(utf8.ok()) << utf8.problem->toString().toStdString();
    EXPECT_EQ(escaped.document.toVariant(), utf8.document.toVariant());
    const QChar highUnits[] = {QChar(0xd8ad), QChar(0xdccc), QChar(u'1')};
    const QString high(highUnits, 3);
    const QChar aboveUnits[] = {QChar(0xfeaf), QChar(u'F')};
    const QString above(aboveUnits, 2);
    for (const QJsonDocument &document : {escaped.document, utf8.document}) {
        EXPECT_EQ(document.object().value(high).toInt(-1), 0);
        EXPECT_EQ(document.object().value(above).toInt(-1), 2);
    }
    // A duplicate is found whichever way each copy was written.
    EXPECT_FALSE(StrictJson::parse("{\"\\ufeafF\":1,\"\xEF\xBA\xAF"
                                   "F\":2}")
                     .ok());
}

// Builds {"k0":0,...,"k<n-1>":n-1} with `inner` as the value of key k<n/2> and `last`
// appended as the final member.
std::string manyKeys(int n, const std::string &inner = "0", const std::string &last = {})
{
    std::string text = "{";
    for (int i = 0; i < n; ++i) {
        text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":";
        text += i == n / 2 ? inner : std::to_string(i);
    }
    if (!last.empty())
        text += "," + last;
    return text + "}";
}

TEST(StrictJson, LargeObjectsFindRepeatsAmongAllTheirKeys)
{
    // Past the first few keys an object's keys are looked up in a hash: the same answers.
    for (const int n : {15, 16, 17, 40, 5000}) {
        EXPECT_TRUE(StrictJson::parse(view(manyKeys(n))).ok()) << n;
        EXPECT_FALSE(StrictJson::parse(view(manyKeys(n, "0", R"("k3":1)"))).ok()) << n;
        EXPECT_FALSE(StrictJson::parse(view(manyKeys(n, "0", R"("\u006b0":1)"))).ok()) << n;
        const std::string lastKey = "\"k" + std::to_string(n - 1) + "\":2";
        const StrictJsonResult repeatLast = StrictJson::parse(view(manyKeys(n, "0", lastKey)));
        ASSERT_FALSE(repeatLast.ok()) << n;
        EXPECT_TRUE(
            repeatLast.problem->reason.contains(QStringLiteral("duplicate key \"k%1\"").arg(n - 1)))
            << repeatLast.problem->toString().toStdString();
        // An object inside holds the same names without repeating the outer ones; its own
        // repeat is found, and the outer object goes on after it.
        EXPECT_TRUE(StrictJson::parse(view(manyKeys(n, manyKeys(n)))).ok()) << n;
        EXPECT_FALSE(StrictJson::parse(view(manyKeys(n, manyKeys(n, "0", R"("k1":1)")))).ok()) << n;
        EXPECT_FALSE(StrictJson::parse(view(manyKeys(n, manyKeys(n), R"("k2":1)"))).ok()) << n;
    }
}

TEST(StrictJson, EscapedAndRawKeysInsideAndAcrossObjects)
{
    // The same key escaped in one object and raw in its sibling is no repeat.
    EXPECT_TRUE(StrictJson::parse(R"([{"\u00e9":1},{"é":1}])").ok());
    EXPECT_TRUE(StrictJson::parse(R"({"a":{"\u0061":1},"\u0062":{"a":{"b":2}}})").ok());
    // Escapes of every kind decode to what they stand for before keys are compared.
    EXPECT_FALSE(StrictJson::parse(R"({"\n\t\"\\":1,"\u000a\u0009\u0022\u005c":2})").ok());
    EXPECT_FALSE(StrictJson::parse(R"({"\u0800x":1,"\u0800\u0078":2})").ok());
    EXPECT_TRUE(StrictJson::parse(R"({"\u0800x":1,"\u0800y":2})").ok());
    // String values are not keys, whatever they hold.
    EXPECT_TRUE(StrictJson::parse(R"({"a":"a","b":"a","c":["a","a"]})").ok());
}

TEST(StrictJson, AByteOrderMarkBeforeTheTextIsIgnored)
{
    const StrictJsonResult result = StrictJson::parse("\xEF\xBB\xBF{\"a\":1}");
    ASSERT_TRUE(result.ok()) << result.problem->toString().toStdString();
    EXPECT_EQ(result.document.object().value(QStringLiteral("a")).toInt(), 1);
}

TEST(StrictJson, ArraysAreDocumentsTooButNotObjects)
{
    EXPECT_TRUE(StrictJson::parse("[1, 2]").ok());
    EXPECT_TRUE(StrictJson::parse("[]").document.isArray());
    const StrictJsonResult array = StrictJson::parseObject("[{}]");
    ASSERT_FALSE(array.ok());
    EXPECT_EQ(array.problem->toString(), QStringLiteral("at byte 0: expected a JSON object"));
    EXPECT_TRUE(StrictJson::parseObject("{}").ok());
    // Scalars are JSON, but not a document Qt can hold.
    EXPECT_FALSE(StrictJson::parse("42").ok());
}

TEST(StrictJson, ReadsOnlyTheBytesItIsGiven)
{
    // A view into a larger buffer: what follows it must not be read.
    const QByteArray buffer = R"({"a":1}{"a":1})";
    EXPECT_TRUE(StrictJson::parse(QByteArrayView(buffer).first(7)).ok());
    const QByteArray unterminated = R"(["abc)";
    EXPECT_FALSE(StrictJson::parse(unterminated).ok());
}

TEST(StrictJson, DeepNestingIsAnErrorNotACrash)
{
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    EXPECT_FALSE(StrictJson::parse(deep).ok());
    // Within Qt's limit, every level keeps its own keys.
    QByteArray nested;
    for (int i = 0; i < 500; ++i)
        nested += R"({"a":1,"b":)";
    nested += "0" + QByteArray(500, '}');
    EXPECT_TRUE(StrictJson::parse(nested).ok());
}

} // namespace
} // namespace anycast
