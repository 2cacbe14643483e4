#include "common/protocol/RpcMessage.h"

#include "common/StrictJson.h"

#include <QJsonDocument>

#include <limits>

namespace anycast {
namespace {

using Parsed = Result<IncomingMessage>;

Parsed fail(const QString &why)
{
    return Parsed::failure(why);
}

bool onlyMembers(const QJsonObject &object, std::initializer_list<QLatin1String> allowed,
                 QString *unknown)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        bool known = false;
        for (const QLatin1String &name : allowed)
            known = known || it.key() == name;
        if (!known) {
            *unknown = it.key().left(64);
            return false;
        }
    }
    return true;
}

Result<RpcError> readError(const QJsonValue &value)
{
    const QJsonObject error = value.toObject();
    const QJsonValue code = error.value(QStringLiteral("code"));
    const QJsonValue message = error.value(QStringLiteral("message"));
    QString unknown;
    constexpr qint64 kNotInteger = std::numeric_limits<qint64>::min();
    const qint64 number = code.toInteger(kNotInteger);
    if (!value.isObject() || number == kNotInteger || number < std::numeric_limits<int>::min() ||
        number > std::numeric_limits<int>::max() || !message.isString() ||
        !onlyMembers(error,
                     {QLatin1String("code"), QLatin1String("message"), QLatin1String("data")},
                     &unknown)) {
        return Result<RpcError>::failure(
            QStringLiteral("error must be {code: integer, message: string, data?}"));
    }
    return Result<RpcError>::success(RpcError{static_cast<int>(number), message.toString(),
                                              error.value(QStringLiteral("data"))});
}

} // namespace

Result<IncomingMessage> parseIncomingLine(QByteArrayView line)
{
    const StrictJsonResult parsed = StrictJson::parseObject(line);
    if (!parsed.ok())
        return fail(QStringLiteral("not a JSON object: ") + parsed.problem->toString());
    const QJsonObject object = parsed.document.object();
    if (object.value(QStringLiteral("jsonrpc")) != QJsonValue(QStringLiteral("2.0")))
        return fail(QStringLiteral("\"jsonrpc\" is not \"2.0\""));

    QString unknown;
    const auto idMember = object.constFind(QStringLiteral("id"));
    if (idMember == object.constEnd()) {
        const QJsonValue method = object.value(QStringLiteral("method"));
        const QJsonValue params = object.value(QStringLiteral("params"));
        if (!method.isString() || method.toString().isEmpty())
            return fail(QStringLiteral("a notification needs a method"));
        if (!params.isObject())
            return fail(QStringLiteral("a notification's params must be an object"));
        if (!onlyMembers(
                object,
                {QLatin1String("jsonrpc"), QLatin1String("method"), QLatin1String("params")},
                &unknown))
            return fail(QStringLiteral("unknown member \"%1\" in a notification").arg(unknown));
        return Parsed::success(RpcNotification{method.toString(), params.toObject()});
    }

    const bool hasResult = object.contains(QStringLiteral("result"));
    const bool hasError = object.contains(QStringLiteral("error"));
    if (hasResult == hasError)
        return fail(QStringLiteral("a reply needs exactly one of result and error"));
    if (!onlyMembers(object,
                     {QLatin1String("jsonrpc"), QLatin1String("id"), QLatin1String("result"),
                      QLatin1String("error")},
                     &unknown))
        return fail(QStringLiteral("unknown member \"%1\" in a reply").arg(unknown));

    if (idMember->isNull()) {
        if (!hasError)
            return fail(QStringLiteral("a result with a null id"));
        const Result<RpcError> error = readError(object.value(QStringLiteral("error")));
        if (!error)
            return fail(error.error());
        return Parsed::success(RpcUnmatchedError{error.value()});
    }
    constexpr qint64 kNotInteger = std::numeric_limits<qint64>::min();
    const qint64 id = idMember->toInteger(kNotInteger);
    if (id == kNotInteger)
        return fail(QStringLiteral("a reply id that is not one of ours (not an integer)"));
    if (hasResult)
        return Parsed::success(RpcResponse{id, object.value(QStringLiteral("result"))});
    const Result<RpcError> error = readError(object.value(QStringLiteral("error")));
    if (!error)
        return fail(error.error());
    return Parsed::success(RpcResponse{id, error.value()});
}

QByteArray requestLine(qint64 id, const QString &method, const QJsonObject &params)
{
    QJsonObject request{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                        {QStringLiteral("id"), id},
                        {QStringLiteral("method"), method}};
    if (!params.isEmpty())
        request.insert(QStringLiteral("params"), params);
    return QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace anycast
