#include "common/protocol/JsonRpcReply.h"

#include <QJsonDocument>

namespace anycast {
namespace {

QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QJsonValue replyId(const QJsonValue &id)
{
    return id.isUndefined() ? QJsonValue(QJsonValue::Null) : id;
}

} // namespace

QByteArray resultLine(const QJsonValue &id, const QJsonValue &result)
{
    return line({
        {QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
        {QStringLiteral("id"), replyId(id)},
        // "result" is required on success, so an undefined one becomes null.
        {QStringLiteral("result"), result.isUndefined() ? QJsonValue(QJsonValue::Null) : result},
    });
}

ResultFrame resultFrame(const QJsonValue &id)
{
    // The member order resultLine() gives (Qt sorts keys): id, jsonrpc, result.
    QByteArray head = QJsonDocument(QJsonObject{{QStringLiteral("id"), replyId(id)},
                                                {QStringLiteral("jsonrpc"), QStringLiteral("2.0")}})
                          .toJson(QJsonDocument::Compact);
    head.chop(1); // the closing brace
    head.append(",\"result\":");
    return {head, QByteArrayLiteral("}\n")};
}

QByteArray errorLine(const QJsonValue &id, const RpcError &error)
{
    QJsonObject errorObject{
        {QStringLiteral("code"), error.code},
        {QStringLiteral("message"), error.message},
    };
    if (!error.data.isNull() && !error.data.isUndefined())
        errorObject.insert(QStringLiteral("data"), error.data);
    return line({
        {QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
        {QStringLiteral("id"), replyId(id)},
        {QStringLiteral("error"), errorObject},
    });
}

QByteArray notificationLine(const QString &method, const QJsonObject &params)
{
    return line({
        {QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
        {QStringLiteral("method"), method},
        {QStringLiteral("params"), params},
    });
}

} // namespace anycast
