#include "tests/api/AgentApiFixture.h"

#include <QFile>
#include <QJsonDocument>

// Whatever a client sends, the agent answers what it can, closes what it must, and keeps
// serving everyone else.
namespace anycast::apitest {
namespace {

constexpr qsizetype kMaxLine = 1024 * 1024;

class BadInputTest : public ConnectedAgentTest
{
protected:
    // The reply to one raw line on the test's connection.
    QJsonObject replyTo(const QByteArray &line)
    {
        EXPECT_TRUE(m_client->sendRaw(line));
        return m_client->readMessage().value_or(QJsonObject());
    }

    // A fresh connection still gets its hello answered.
    void expectServing()
    {
        auto fresh = connectClient();
        ASSERT_TRUE(fresh->connected()) << "the agent stopped accepting";
        const QJsonObject hello = fresh->call(QStringLiteral("hello"));
        EXPECT_EQ(result(hello).value(QStringLiteral("node")).toString(), QStringLiteral("api-1"))
            << compact(hello).toStdString();
    }
};

#define EXPECT_ERROR(reply, code, id)                                                              \
    do {                                                                                           \
        const QJsonObject got = (reply);                                                           \
        EXPECT_EQ(errorCode(got), code) << compact(got).toStdString();                             \
        EXPECT_EQ(got.value(QStringLiteral("id")), QJsonValue(id)) << compact(got).toStdString();  \
        EXPECT_FALSE(got.contains(QStringLiteral("result")));                                      \
    } while (false)

TEST_F(BadInputTest, MalformedRequestsGetTheirErrors)
{
    const QJsonValue null(QJsonValue::Null);
    EXPECT_ERROR(replyTo("this is not JSON\n"), -32700, null);
    EXPECT_ERROR(replyTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"hello\"\n"), -32700, null);
    EXPECT_ERROR(replyTo("[]\n"), -32600, null);
    EXPECT_ERROR(replyTo("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"hello\"}]\n"), -32600, null);
    EXPECT_ERROR(replyTo("{\"jsonrpc\":\"2.0\",\"method\":\"hello\"}\n"), -32600, null);
    EXPECT_ERROR(replyTo("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"hello\"}\n"), -32600, null);
    EXPECT_ERROR(replyTo("{\"jsonrpc\":\"1.0\",\"id\":2,\"method\":\"hello\"}\n"), -32600, 2);
    EXPECT_ERROR(replyTo("{\"id\":3,\"method\":\"hello\"}\n"), -32600, 3);
    EXPECT_ERROR(replyTo("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"hello\",\"extra\":1}\n"),
                 -32600, 4);
    EXPECT_ERROR(replyTo("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":7}\n"), -32600, 5);

    const QJsonObject unknown =
        replyTo("{\"jsonrpc\":\"2.0\",\"id\":\"u\",\"method\":\"reboot\"}\n");
    EXPECT_ERROR(unknown, -32601, QStringLiteral("u"));
    const QString message = errorOf(unknown).value(QStringLiteral("message")).toString();
    for (const char *method : {"hello", "status", "subscribe", "history", "events", "drain"})
        EXPECT_TRUE(message.contains(QLatin1String(method))) << message.toStdString();

    EXPECT_ERROR(replyTo("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"hello\",\"params\":[]}\n"),
                 -32602, 6);
    EXPECT_ERROR(replyTo("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"status\",\"params\":\"x\"}\n"),
                 -32602, 7);
    ASSERT_NO_FATAL_FAILURE(expectServing());
}

TEST_F(BadInputTest, WrongParameterTypesNameTheParameter)
{
    const struct
    {
        const char *method;
        QJsonObject params;
        const char *parameter;
    } cases[] = {
        {"history", {{QStringLiteral("seconds"), QStringLiteral("ten")}}, "seconds"},
        {"history", {{QStringLiteral("seconds"), 0}}, "seconds"},
        {"history", {{QStringLiteral("seconds"), 1.5}}, "seconds"},
        {"events", {{QStringLiteral("limit"), 0}}, "limit"},
        {"events", {{QStringLiteral("limit"), 1001}}, "limit"},
        {"events", {{QStringLiteral("after"), -1}}, "after"},
        {"hello", {{QStringLiteral("client"), 5}}, "client"},
        {"status", {{QStringLiteral("verbose"), true}}, "verbose"},
        {"subscribe", {{QStringLiteral("topics"), QStringLiteral("sample")}}, "topics"},
        {"drain", {{QStringLiteral("reason"), QJsonArray{}}}, "reason"},
        {"drain",
         {{QStringLiteral("reason"), QStringLiteral("x")}, {QStringLiteral("service"), 1}},
         "service"},
        {"undrain", {{QStringLiteral("reason"), true}}, "reason"},
    };
    for (const auto &each : cases) {
        const QJsonObject reply = m_client->call(QLatin1String(each.method), each.params);
        EXPECT_EQ(errorCode(reply), -32602) << each.method << ": " << compact(reply).toStdString();
        EXPECT_EQ(errorOf(reply)
                      .value(QStringLiteral("data"))
                      .toObject()
                      .value(QStringLiteral("parameter"))
                      .toString(),
                  QLatin1String(each.parameter))
            << each.method << ": " << compact(reply).toStdString();
    }
    EXPECT_FALSE(QFile::exists(statePath()));
    ASSERT_NO_FATAL_FAILURE(expectServing());
}

TEST_F(BadInputTest, CrLfBlankLinesAndSplitLinesAreFine)
{
    const QJsonObject crlf = replyTo(requestLine(11, QStringLiteral("hello")).chopped(1) + "\r\n");
    EXPECT_EQ(crlf.value(QStringLiteral("id")).toInt(), 11) << compact(crlf).toStdString();
    EXPECT_TRUE(crlf.contains(QStringLiteral("result")));

    // Blank lines get no reply: the first reply after them is the hello's.
    const QJsonObject afterBlanks =
        replyTo("\n\r\n   \n\t\n" + requestLine(12, QStringLiteral("hello")));
    EXPECT_EQ(afterBlanks.value(QStringLiteral("id")).toInt(), 12)
        << compact(afterBlanks).toStdString();

    // Half a line, others served meanwhile, then the rest.
    const QByteArray line = requestLine(13, QStringLiteral("hello"));
    ASSERT_TRUE(m_client->sendRaw(line.left(10)));
    ASSERT_NO_FATAL_FAILURE(expectServing());
    EXPECT_FALSE(m_client->readLine(300ms)) << "half a line was answered";
    const QJsonObject joined = replyTo(line.mid(10));
    EXPECT_EQ(joined.value(QStringLiteral("id")).toInt(), 13) << compact(joined).toStdString();
    EXPECT_TRUE(joined.contains(QStringLiteral("result")));

    // Two requests in one write, answered in order.
    ASSERT_TRUE(m_client->sendRaw(requestLine(14, QStringLiteral("hello")) +
                                  requestLine(15, QStringLiteral("status"))));
    EXPECT_EQ(m_client->readMessage().value_or(QJsonObject()).value(QStringLiteral("id")).toInt(),
              14);
    EXPECT_EQ(m_client->readMessage().value_or(QJsonObject()).value(QStringLiteral("id")).toInt(),
              15);

    // Half a line and gone.
    {
        auto quitter = connectClient();
        ASSERT_TRUE(quitter->connected());
        ASSERT_TRUE(quitter->sendRaw("{\"jsonrpc\":\"2.0\",\"id\":1,\"meth"));
    }
    ASSERT_NO_FATAL_FAILURE(expectServing());
    EXPECT_EQ(m_client->call(QStringLiteral("hello")).value(QStringLiteral("id")).toInt(), 1);
}

TEST_F(BadInputTest, NulBytesAndInvalidUtf8AreParseErrors)
{
    const QJsonValue null(QJsonValue::Null);
    static const char kNulInString[] = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"hello\","
                                       "\"params\":{\"client\":\"a\0b\"}}\n";
    const QByteArray nulInString(kNulInString, sizeof(kNulInString) - 1);
    ASSERT_EQ(nulInString.count('\0'), 1);
    EXPECT_ERROR(replyTo(nulInString), -32700, null);
    EXPECT_ERROR(replyTo(QByteArray(1, '\0') + requestLine(2, QStringLiteral("hello"))), -32700,
                 null);
    EXPECT_ERROR(
        replyTo(requestLine(3, QStringLiteral("hello")).chopped(1) + QByteArray(1, '\0') + "\n"),
        -32700, null);
    EXPECT_ERROR(replyTo("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"hello\",\"params\":"
                         "{\"client\":\"\xff\xfe\"}}\n"),
                 -32700, null);
    EXPECT_ERROR(replyTo("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"hello\",\"params\":"
                         "{\"client\":\"\xc3\x28\"}}\n"),
                 -32700, null);
    EXPECT_ERROR(replyTo("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"hel\xedlo\"}\n"), -32700,
                 null);
    // Valid UTF-8 beyond ASCII is fine.
    const QJsonObject accented = m_client->call(
        QStringLiteral("hello"), {{QStringLiteral("client"), QStringLiteral("caf\u00e9 \u2603")}});
    EXPECT_TRUE(accented.contains(QStringLiteral("result"))) << compact(accented).toStdString();
    ASSERT_NO_FATAL_FAILURE(expectServing());
}

TEST_F(BadInputTest, OversizeLineIsRefusedAndClosed)
{
    // No newline at all, in chunks: the agent must not wait for one that never comes.
    const QByteArray chunk(64 * 1024, 'x');
    QByteArray sent;
    while (sent.size() + chunk.size() <= kMaxLine) {
        ASSERT_TRUE(m_client->sendRaw(chunk));
        sent += chunk;
    }
    ASSERT_EQ(sent.size(), kMaxLine);
    ASSERT_TRUE(m_client->sendRaw(QByteArray(10, 'x')));
    const QJsonObject reply = m_client->readMessage().value_or(QJsonObject());
    EXPECT_ERROR(reply, -32004, QJsonValue(QJsonValue::Null));
    EXPECT_TRUE(m_client->waitClosed()) << "the connection stayed open";
    ASSERT_NO_FATAL_FAILURE(expectServing());

    // A complete line one byte over, in one write.
    auto over = connectClient();
    ASSERT_TRUE(over->connected());
    QByteArray line =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"hello\",\"params\":{\"client\":\"";
    line += QByteArray(kMaxLine + 1 - line.size() - 3, 'y') + "\"}}";
    ASSERT_EQ(line.size(), kMaxLine + 1);
    ASSERT_TRUE(over->sendRaw(line + '\n'));
    EXPECT_ERROR(over->readMessage().value_or(QJsonObject()), -32004, QJsonValue(QJsonValue::Null));
    EXPECT_TRUE(over->waitClosed());
    ASSERT_NO_FATAL_FAILURE(expectServing());
}

TEST_F(BadInputTest, LineOfExactlyTheLimitIsAnswered)
{
    // Valid JSON of exactly 1 MiB; hello's client is capped at 200 characters, so the answer
    // is a parameter error, on a connection that stays open.
    QByteArray line =
        "{\"jsonrpc\":\"2.0\",\"id\":21,\"method\":\"hello\",\"params\":{\"client\":\"";
    line += QByteArray(kMaxLine - line.size() - 3, 'z') + "\"}}";
    ASSERT_EQ(line.size(), kMaxLine);
    ASSERT_TRUE(QJsonDocument::fromJson(line).isObject());
    const QJsonObject reply = replyTo(line + '\n');
    EXPECT_ERROR(reply, -32602, 21);
    EXPECT_EQ(errorOf(reply)
                  .value(QStringLiteral("data"))
                  .toObject()
                  .value(QStringLiteral("parameter"))
                  .toString(),
              QStringLiteral("client"));

    // An unknown method padded to the limit: answered too.
    QByteArray padded =
        "{\"jsonrpc\":\"2.0\",\"id\":22,\"method\":\"nosuch\",\"params\":{\"pad\":\"";
    padded += QByteArray(kMaxLine - padded.size() - 3, 'p') + "\"}}";
    ASSERT_EQ(padded.size(), kMaxLine);
    EXPECT_ERROR(replyTo(padded + '\n'), -32601, 22);

    // And the same connection goes on.
    const QJsonObject hello = m_client->call(QStringLiteral("hello"));
    EXPECT_TRUE(hello.contains(QStringLiteral("result"))) << compact(hello).toStdString();
    EXPECT_FALSE(m_client->closed());
}

} // namespace
} // namespace anycast::apitest
