#include "common/protocol/JsonRpcRequest.h"

#include <QJsonDocument>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace anycast {
namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// A literal with NUL bytes in it, all of it.
template <std::size_t N> std::string withNul(const char (&text)[N])
{
    return std::string(text, N - 1);
}

QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

struct Accepted
{
    std::string line;
    QJsonValue id;
    QString method;
    QJsonObject params;
};

TEST(JsonRpcRequestTest, AcceptsWellFormedRequests)
{
    const std::vector<Accepted> table = {
        {R"({"jsonrpc":"2.0","id":1,"method":"status"})", 1, "status", {}},
        {R"({"jsonrpc":"2.0","id":"a-1","method":"hello","params":{}})", "a-1", "hello", {}},
        {R"({"jsonrpc":"2.0","id":0,"method":"drain","params":{"reason":"maintenance"}})", 0,
         "drain", object(R"({"reason":"maintenance"})")},
        {R"({"jsonrpc":"2.0","id":-7,"method":"x"})", -7, "x", {}},
        {R"({"jsonrpc":"2.0","id":"","method":"x"})", "", "x", {}},
        {R"({"jsonrpc":"2.0","id":9007199254740992,"method":"x"})", qint64(1) << 53, "x", {}},
        {R"({"jsonrpc":"2.0","id":-9007199254740992,"method":"x"})", -(qint64(1) << 53), "x", {}},
        // Whole numbers written with an exponent or a fraction are still integers.
        {R"({"jsonrpc":"2.0","id":1e3,"method":"x"})", 1000, "x", {}},
        {R"({"jsonrpc":"2.0","id":2.0,"method":"x"})", 2, "x", {}},
        // Member order, JSON whitespace, CRLF and escapes do not matter.
        {R"({"method":"events","id":3,"jsonrpc":"2.0"})", 3, "events", {}},
        {" \t{ \"jsonrpc\" : \"2.0\" , \"id\" : 4 , \"method\" : \"x\" }  ", 4, "x", {}},
        {"{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"x\"}\r", 5, "x", {}},
        {R"({"jsonrpc":"2.0","id":"\u0000","method":"x"})", QString(QChar(0)), "x", {}},
        {R"({"jsonrpc":"2.0","id":6,"method":"gr\u00fc\u00dfe"})",
         6,
         QString::fromUtf8("grüße"),
         {}},
        // RFC 8259 lets a parser ignore a byte order mark; Qt does.
        {"\xef\xbb\xbf{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"x\"}", 8, "x", {}},
        {"{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"gr\xc3\xbc\xc3\x9f"
         "e\"}",
         7,
         QString::fromUtf8("grüße"),
         {}},
    };
    for (const Accepted &row : table) {
        SCOPED_TRACE(row.line);
        const ParsedRequestLine parsed = parseRequestLine(bytes(row.line));
        const auto *request = std::get_if<JsonRpcRequest>(&parsed);
        ASSERT_NE(request, nullptr)
            << std::get_if<JsonRpcFailure>(&parsed)->error.message.toStdString();
        EXPECT_EQ(request->id, row.id);
        EXPECT_EQ(request->method, row.method);
        EXPECT_EQ(request->params, row.params);
    }
}

struct Rejected
{
    std::string line;
    int code;
    QJsonValue id; // echoed when the request's id could be read
    QString messagePart;
};

TEST(JsonRpcRequestTest, RejectsMalformedRequests)
{
    const QJsonValue null(QJsonValue::Null);
    const std::vector<Rejected> table = {
        // Not JSON, or not UTF-8: Qt's words and the offset.
        {"{", kParseError, null, "parse error at byte"},
        {"hello", kParseError, null, "parse error at byte"},
        {R"({"jsonrpc":"2.0","id":1,"method":"x"} trailing)", kParseError, null,
         "garbage at the end"},
        {R"({"jsonrpc":"2.0","id":1,"method":"x"}{"jsonrpc":"2.0","id":2,"method":"x"})",
         kParseError, null, "garbage at the end"},
        {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\xff\"}", kParseError, null, "UTF8"},
        {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\xc0\xaf\"}", kParseError, null, "UTF8"},
        {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\xed\xa0\x80\"}", kParseError, null, "UTF8"},
        {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\xe2\x82\"}", kParseError, null, "UTF8"},
        {"{\"\xfe\":1}", kParseError, null, "UTF8"},
        {R"({"jsonrpc":"2.0","id":1e400,"method":"x"})", kParseError, null, "parse error"},
        // Raw control characters inside strings are not JSON, even where Qt takes them.
        {withNul("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\0b\"}"), kParseError, null,
         "control character"},
        {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\tb\"}", kParseError, null,
         "control character"},
        {"{\"jsonrpc\":\"2.0\",\"id\":\"\x1f\",\"method\":\"x\"}", kParseError, null,
         "control character"},
        {withNul("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}\0"), kParseError, null,
         "parse error"},
        {withNul("\0"), kParseError, null, "parse error"},
        // Qt takes these, JSON does not (or Qt mangles them): found by the fuzzer.
        {R"({"jsonrpc":"2.0","id":1,"method":"x","params":{"rea\on":"a"}})", kParseError, null,
         "invalid escape"},
        {"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"\xEF\xBB\xBFson\":1}}",
         kParseError, null, "U+FEFF"},
        {R"({"jsonrpc":"2.0","id":1,"method":"x","params":{"a":"\uFEFF"}})", kParseError, null,
         "U+FEFF"},
        // A duplicate key anywhere: Qt would keep the last one, so the agent would act on
        // what a reader of the line's beginning did not see.
        {R"({"jsonrpc":"2.0","id":1,"method":"hello","method":"drain"})", kParseError, null,
         "duplicate key \"method\""},
        {R"({"jsonrpc":"2.0","id":1,"id":2,"method":"x"})", kParseError, null,
         "duplicate key \"id\""},
        {R"({"jsonrpc":"2.0","id":1,"method":"drain","params":{"service":"web","service":""}})",
         kParseError, null, "duplicate key \"service\""},
        {R"({"jsonrpc":"2.0","id":1,"method":"drain","params":{"reason":"x","\u0072eason":"y"}})",
         kParseError, null, "duplicate key \"reason\""},
        {R"({"jsonrpc":"2.0","id":1,"method":"x","params":{"a":[{"b":1,"b":1}]}})", kParseError,
         null, "duplicate key \"b\""},
        // Numbers Qt takes but JSON does not have, and lone surrogates.
        {R"({"jsonrpc":"2.0","id":1.,"method":"x"})", kParseError, null, "number"},
        {R"({"jsonrpc":"2.0","id":1,"method":"x","params":{"a":.5}})", kParseError, null, "number"},
        {R"({"jsonrpc":"2.0","id":1,"method":"x","params":{"a":"\ud800"}})", kParseError, null,
         "surrogate"},
        // Valid JSON that is not one request object.
        {R"([{"jsonrpc":"2.0","id":1,"method":"x"}])", kInvalidRequest, null, "batch"},
        {"[]", kInvalidRequest, null, "batch"},
        {"42", kInvalidRequest, null, "JSON object"},
        {R"("text")", kInvalidRequest, null, "JSON object"},
        {"null", kInvalidRequest, null, "JSON object"},
        {"true", kInvalidRequest, null, "JSON object"},
        {"1, 2", kParseError, null, "parse error"},
        {"1] , [2", kParseError, null, "parse error"},
        // The envelope.
        {R"({"id":1,"method":"x"})", kInvalidRequest, 1, "jsonrpc"},
        {R"({"jsonrpc":"1.0","id":1,"method":"x"})", kInvalidRequest, 1, "jsonrpc"},
        {R"({"jsonrpc":2.0,"id":"q","method":"x"})", kInvalidRequest, "q", "jsonrpc"},
        {R"({"jsonrpc":"2.0","method":"x"})", kInvalidRequest, null, "id is required"},
        {R"({"jsonrpc":"2.0","method":"x","params":{}})", kInvalidRequest, null, "id is required"},
        {R"({"jsonrpc":"2.0","id":null,"method":"x"})", kInvalidRequest, null, "id must be"},
        {R"({"jsonrpc":"2.0","id":1.5,"method":"x"})", kInvalidRequest, null, "id must be"},
        {R"({"jsonrpc":"2.0","id":true,"method":"x"})", kInvalidRequest, null, "id must be"},
        {R"({"jsonrpc":"2.0","id":[1],"method":"x"})", kInvalidRequest, null, "id must be"},
        {R"({"jsonrpc":"2.0","id":{"a":1},"method":"x"})", kInvalidRequest, null, "id must be"},
        // Huge ids: beyond 2^53 a double-reading client would not get its own id back.
        {R"({"jsonrpc":"2.0","id":9007199254740993,"method":"x"})", kInvalidRequest, null,
         "id must be"},
        {R"({"jsonrpc":"2.0","id":-9007199254740993,"method":"x"})", kInvalidRequest, null,
         "id must be"},
        {R"({"jsonrpc":"2.0","id":9223372036854775807,"method":"x"})", kInvalidRequest, null,
         "id must be"},
        {R"({"jsonrpc":"2.0","id":-9223372036854775808,"method":"x"})", kInvalidRequest, null,
         "id must be"},
        {R"({"jsonrpc":"2.0","id":123456789012345678901234567890,"method":"x"})", kInvalidRequest,
         null, "id must be"},
        {R"({"jsonrpc":"2.0","id":1e300,"method":"x"})", kInvalidRequest, null, "id must be"},
        {R"({"jsonrpc":"2.0","id":1})", kInvalidRequest, 1, "method"},
        {R"({"jsonrpc":"2.0","id":1,"method":""})", kInvalidRequest, 1, "method"},
        {R"({"jsonrpc":"2.0","id":1,"method":7})", kInvalidRequest, 1, "method"},
        {R"({"jsonrpc":"2.0","id":1,"method":null})", kInvalidRequest, 1, "method"},
        {R"({"jsonrpc":"2.0","id":"m","method":")" + std::string(129, 'a') + R"("})",
         kInvalidRequest, "m", "longer than 128"},
        {R"({"jsonrpc":"2.0","id":1,"method":"x","params":[1,2]})", kInvalidParams, 1,
         "params must be an object"},
        {R"({"jsonrpc":"2.0","id":1,"method":"x","params":null})", kInvalidParams, 1,
         "params must be an object"},
        {R"({"jsonrpc":"2.0","id":1,"method":"x","params":"a"})", kInvalidParams, 1,
         "params must be an object"},
        {R"({"jsonrpc":"2.0","id":2,"method":"x","extra":1})", kInvalidRequest, 2,
         "unknown member \"extra\""},
        {R"({"jsonrpc":"2.0","id":2,"method":"x","result":1})", kInvalidRequest, 2,
         "unknown member \"result\""},
        {R"({"jsonrpc":"2.0","id":2,"method":"x",")" + std::string(1000, 'k') + R"(":1})",
         kInvalidRequest, 2, "unknown member \"kkkk"},
        {R"({})", kInvalidRequest, null, "jsonrpc"},
    };
    for (const Rejected &row : table) {
        SCOPED_TRACE(testing::PrintToString(row.line));
        const ParsedRequestLine parsed = parseRequestLine(bytes(row.line));
        const auto *failure = std::get_if<JsonRpcFailure>(&parsed);
        ASSERT_NE(failure, nullptr);
        EXPECT_EQ(failure->error.code, row.code);
        EXPECT_EQ(failure->id, row.id);
        EXPECT_TRUE(failure->error.message.contains(row.messagePart))
            << failure->error.message.toStdString();
        // Error messages quote at most a bounded part of what the client sent.
        EXPECT_LT(failure->error.message.size(), 200);
    }
}

TEST(JsonRpcRequestTest, ParseErrorsSayWhere)
{
    const auto parsed = parseRequestLine("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\" \"x\"}");
    const auto *failure = std::get_if<JsonRpcFailure>(&parsed);
    ASSERT_NE(failure, nullptr);
    EXPECT_EQ(failure->error.code, kParseError);
    EXPECT_TRUE(failure->error.message.startsWith(QStringLiteral("parse error at byte 34: ")))
        << failure->error.message.toStdString();
}

TEST(JsonRpcRequestTest, BlankLinesAreSkipped)
{
    for (const char *line : {"", " ", "\r", "\t", "  \t  \r", "\r\r", "\n"}) {
        SCOPED_TRACE(testing::PrintToString(std::string(line)));
        EXPECT_TRUE(std::holds_alternative<BlankLine>(parseRequestLine(line)));
    }
}

TEST(JsonRpcRequestTest, OnlyOneCarriageReturnIsStripped)
{
    // "\r\r" after a request is whitespace to JSON, so it still parses; a '\r' inside the
    // line is not removed.
    EXPECT_TRUE(std::holds_alternative<JsonRpcRequest>(
        parseRequestLine("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}\r\r")));
    EXPECT_TRUE(std::holds_alternative<JsonRpcFailure>(
        parseRequestLine("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\r\"}\r")));
}

TEST(JsonRpcRequestTest, DeepNestingIsAnErrorNotACrash)
{
    for (const QByteArray &line :
         {QByteArray(10000, '['), QByteArray(10000, '[') + QByteArray(10000, ']'),
          QByteArray("{\"a\":").repeated(10000), QByteArray(1000000, '[')}) {
        const auto parsed = parseRequestLine(line);
        const auto *failure = std::get_if<JsonRpcFailure>(&parsed);
        ASSERT_NE(failure, nullptr);
        EXPECT_EQ(failure->error.code, kParseError);
    }
}

TEST(JsonRpcRequestTest, NestedParamsWithinQtsLimitAreKept)
{
    const QByteArray nested = QByteArray(500, '[') + QByteArray(500, ']');
    const auto parsed =
        parseRequestLine(R"({"jsonrpc":"2.0","id":1,"method":"x","params":{"a":)" + nested + "}}");
    ASSERT_TRUE(std::holds_alternative<JsonRpcRequest>(parsed));
    EXPECT_TRUE(std::get<JsonRpcRequest>(parsed).params.value(QStringLiteral("a")).isArray());
}

QByteArray requestOfSize(qsizetype size)
{
    const QByteArray head = R"({"jsonrpc":"2.0","id":1,"method":"x","params":{"pad":")";
    const QByteArray tail = R"("}})";
    return head + QByteArray(size - head.size() - tail.size(), 'p') + tail;
}

TEST(JsonRpcRequestTest, AcceptsALineOfExactlyTheLimit)
{
    const QByteArray line = requestOfSize(kMaxRequestLineBytes);
    ASSERT_EQ(line.size(), 1024 * 1024);
    const auto parsed = parseRequestLine(line);
    ASSERT_TRUE(std::holds_alternative<JsonRpcRequest>(parsed));
    const qsizetype padStart = line.indexOf(R"("pad":")") + 7;
    const qsizetype padLength = line.size() - padStart - 3;
    EXPECT_EQ(std::get<JsonRpcRequest>(parsed).params.value(QStringLiteral("pad")).toString(),
              QString(padLength, QLatin1Char('p')));
}

TEST(JsonRpcRequestTest, RejectsALineOverTheLimit)
{
    for (const QByteArray &line :
         {requestOfSize(kMaxRequestLineBytes + 1), requestOfSize(kMaxRequestLineBytes) + '\r',
          QByteArray(kMaxRequestLineBytes + 1, ' ')}) {
        const auto parsed = parseRequestLine(line);
        const auto *failure = std::get_if<JsonRpcFailure>(&parsed);
        ASSERT_NE(failure, nullptr);
        EXPECT_EQ(failure->error.code, kLineTooLong);
        EXPECT_TRUE(failure->id.isNull());
    }
}

TEST(JsonRpcRequestTest, AnyShortLineGetsAnOutcome)
{
    // Every one- and two-byte line, and a valid request cut at every length: no crash, and
    // only blank lines are skipped silently.
    QList<QByteArray> lines;
    for (int first = 0; first < 256; ++first) {
        lines.append(QByteArray(1, static_cast<char>(first)));
        for (int second = 0; second < 256; second += 17)
            lines.append(QByteArray(1, static_cast<char>(first)) + static_cast<char>(second));
    }
    const QByteArray request = R"({"jsonrpc":"2.0","id":"x","method":"drain","params":{"a":[1]}})";
    for (qsizetype length = 0; length < request.size(); ++length)
        lines.append(request.left(length));
    for (const QByteArray &line : lines) {
        const auto parsed = parseRequestLine(line);
        if (std::holds_alternative<BlankLine>(parsed))
            EXPECT_TRUE(line.trimmed().isEmpty()) << line.toHex().toStdString();
        else
            EXPECT_TRUE(std::holds_alternative<JsonRpcFailure>(parsed))
                << line.toHex().toStdString();
    }
}

} // namespace
} // namespace anycast
