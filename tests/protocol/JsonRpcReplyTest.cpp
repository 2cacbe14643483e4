#include "common/protocol/JsonRpcReply.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

namespace anycast {
namespace {

TEST(JsonRpcReplyTest, ResultLine)
{
    EXPECT_EQ(resultLine(1, QJsonObject{{QStringLiteral("node"), QStringLiteral("fra-1")}}),
              QByteArray(R"({"id":1,"jsonrpc":"2.0","result":{"node":"fra-1"}})"
                         "\n"));
    EXPECT_EQ(resultLine(QStringLiteral("a"), QJsonValue(QJsonValue::Undefined)),
              QByteArray(R"({"id":"a","jsonrpc":"2.0","result":null})"
                         "\n"));
    EXPECT_EQ(resultLine(qint64(1) << 53, true),
              QByteArray(R"({"id":9007199254740992,"jsonrpc":"2.0","result":true})"
                         "\n"));
}

TEST(JsonRpcReplyTest, ErrorLine)
{
    EXPECT_EQ(errorLine(QJsonValue(QJsonValue::Null), RpcError{kParseError, "bad", {}}),
              QByteArray(R"({"error":{"code":-32700,"message":"bad"},"id":null,"jsonrpc":"2.0"})"
                         "\n"));
    EXPECT_EQ(errorLine(QJsonValue(QJsonValue::Undefined), RpcError{kLineTooLong, "long", {}}),
              QByteArray(R"({"error":{"code":-32004,"message":"long"},"id":null,"jsonrpc":"2.0"})"
                         "\n"));
    EXPECT_EQ(errorLine(7, RpcError{kInvalidParams, "reason: required",
                                    QJsonObject{{QStringLiteral("parameter"), "reason"}}}),
              QByteArray(R"({"error":{"code":-32602,"data":{"parameter":"reason"},)"
                         R"("message":"reason: required"},"id":7,"jsonrpc":"2.0"})"
                         "\n"));
}

TEST(JsonRpcReplyTest, NotificationLine)
{
    EXPECT_EQ(notificationLine(QStringLiteral("event"),
                               QJsonObject{{QStringLiteral("kind"), QStringLiteral("drain")}}),
              QByteArray(R"({"jsonrpc":"2.0","method":"event","params":{"kind":"drain"}})"
                         "\n"));
}

TEST(JsonRpcReplyTest, OneLineWhateverTheContent)
{
    const QString text = QStringLiteral("a\nb\r\nc\u2028d");
    for (const QByteArray &line : {resultLine(1, QJsonArray{text, QJsonObject{{text, text}}}),
                                   errorLine(text, RpcError{kInternalError, text, text}),
                                   notificationLine(text, QJsonObject{{text, text}})}) {
        EXPECT_EQ(line.count('\n'), 1);
        EXPECT_TRUE(line.endsWith('\n'));
        EXPECT_FALSE(line.contains('\r'));
    }
}

} // namespace
} // namespace anycast

namespace anycast {
namespace {

TEST(JsonRpcReplyTest, SerializedResultIsTheSameLineAsABuiltOne)
{
    const QJsonObject result{{QStringLiteral("samples"), QJsonArray{1, 2}},
                             {QStringLiteral("span_s"), 3600}};
    for (const QJsonValue &id : {QJsonValue(7), QJsonValue(QStringLiteral("a\"b")), QJsonValue()}) {
        const ResultFrame frame = resultFrame(id);
        const QByteArray serialized =
            frame.head + QJsonDocument(result).toJson(QJsonDocument::Compact) + frame.tail;
        EXPECT_EQ(serialized, resultLine(id, QJsonValue(result)));
        EXPECT_TRUE(serialized.endsWith("}\n"));
        EXPECT_EQ(serialized.count('\n'), 1);
    }
}

} // namespace
} // namespace anycast
