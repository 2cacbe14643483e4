#include "common/protocol/RpcMessage.h"

#include <QJsonDocument>

#include <gtest/gtest.h>

namespace anycast {
namespace {

TEST(RpcMessage, ReadsResultsErrorsAndNotifications)
{
    const auto result = parseIncomingLine(R"({"jsonrpc":"2.0","id":3,"result":{"ok":true}})");
    ASSERT_TRUE(result.ok()) << result.error().toStdString();
    const auto &response = std::get<RpcResponse>(result.value());
    EXPECT_EQ(response.id, 3);
    EXPECT_TRUE(std::get<QJsonValue>(response.outcome).toObject().value("ok").toBool());

    const auto error = parseIncomingLine(
        R"({"jsonrpc":"2.0","id":4,"error":{"code":-32001,"message":"no","data":{"x":1}}})");
    ASSERT_TRUE(error.ok()) << error.error().toStdString();
    const auto &rpcError = std::get<RpcError>(std::get<RpcResponse>(error.value()).outcome);
    EXPECT_EQ(rpcError.code, kPermissionDenied);
    EXPECT_EQ(rpcError.message, QStringLiteral("no"));

    const auto notification =
        parseIncomingLine(R"({"jsonrpc":"2.0","method":"event","params":{"seq":1}})");
    ASSERT_TRUE(notification.ok());
    EXPECT_EQ(std::get<RpcNotification>(notification.value()).method, QStringLiteral("event"));

    const auto unmatched = parseIncomingLine(
        R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error"}})");
    ASSERT_TRUE(unmatched.ok());
    EXPECT_EQ(std::get<RpcUnmatchedError>(unmatched.value()).error.code, kParseError);
}

TEST(RpcMessage, RefusesWhatIsNotThisProtocol)
{
    const char *bad[] = {
        "not json",
        "[1,2]",
        R"({"id":1,"result":{}})",                            // no jsonrpc
        R"({"jsonrpc":"1.0","id":1,"result":{}})",            // wrong version
        R"({"jsonrpc":"2.0","id":1})",                        // neither
        R"({"jsonrpc":"2.0","id":1,"result":{},"error":{}})", // both
        R"({"jsonrpc":"2.0","id":"a","result":{}})",          // not our id
        R"({"jsonrpc":"2.0","id":1.5,"result":{}})",          // not an integer
        R"({"jsonrpc":"2.0","id":null,"result":{}})",         // result without id
        R"({"jsonrpc":"2.0","id":1,"result":{},"extra":1})",  // unknown member
        R"({"jsonrpc":"2.0","id":1,"error":{"code":"x","message":"m"}})",
        R"({"jsonrpc":"2.0","id":1,"error":{"code":1,"message":"m","more":1}})",
        R"({"jsonrpc":"2.0","method":"sample"})", // no params
        R"({"jsonrpc":"2.0","method":"sample","params":[]})",
        R"({"jsonrpc":"2.0","method":"","params":{}})",
    };
    for (const char *line : bad)
        EXPECT_FALSE(parseIncomingLine(line).ok()) << line;
}

TEST(RpcMessage, RequestLinesAreCompactObjectsEndingInANewline)
{
    const QByteArray line = requestLine(9, QStringLiteral("status"), {});
    ASSERT_TRUE(line.endsWith('\n'));
    EXPECT_EQ(line.count('\n'), 1);
    const QJsonObject object = QJsonDocument::fromJson(line).object();
    EXPECT_EQ(object.value("jsonrpc").toString(), QStringLiteral("2.0"));
    EXPECT_EQ(object.value("id").toInteger(), 9);
    EXPECT_FALSE(object.contains(QStringLiteral("params")));
    const QJsonObject withParams =
        QJsonDocument::fromJson(
            requestLine(10, QStringLiteral("events"), {{QStringLiteral("limit"), 5}}))
            .object();
    EXPECT_EQ(withParams.value("params").toObject().value("limit").toInt(), 5);
}

} // namespace
} // namespace anycast
