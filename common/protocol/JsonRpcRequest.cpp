#include "common/protocol/JsonRpcRequest.h"

#include "common/StrictJson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <limits>

namespace anycast {
namespace {

// Long enough for any method name the agent will have; bounds what an error echoes back.
constexpr qsizetype kMaxMethodLength = 128;
// Unknown member names are quoted in errors, shortened to this many characters.
constexpr qsizetype kMaxQuotedNameLength = 64;
// 2^53: ids beyond it would not survive a client that reads numbers as doubles.
constexpr qint64 kMaxIntegerId = qint64(1) << 53;

bool isJsonWhitespace(char byte)
{
    return byte == ' ' || byte == '\t' || byte == '\r' || byte == '\n';
}

bool isBlank(QByteArrayView line)
{
    for (const char byte : line) {
        if (!isJsonWhitespace(byte))
            return false;
    }
    return true;
}

bool isValidId(const QJsonValue &id)
{
    if (id.isString())
        return true;
    // toInteger() takes whole numbers only (1e3 is 1000; 1.5 and 1e300 are not), and reads
    // integers Qt kept exact, so 2^53 + 1 is seen as itself rather than rounded to 2^53.
    constexpr qint64 kNotInteger = std::numeric_limits<qint64>::min();
    const qint64 number = id.toInteger(kNotInteger);
    return number != kNotInteger && number >= -kMaxIntegerId && number <= kMaxIntegerId;
}

QString quotedName(const QString &name)
{
    if (name.size() <= kMaxQuotedNameLength)
        return QLatin1Char('"') + name + QLatin1Char('"');
    return QLatin1Char('"') + name.left(kMaxQuotedNameLength) + QStringLiteral("...\"");
}

JsonRpcFailure failure(QJsonValue id, int code, QString message)
{
    return JsonRpcFailure{std::move(id), RpcError{code, std::move(message), QJsonValue()}};
}

ParsedRequestLine readRequest(const QJsonObject &object)
{
    const auto idMember = object.constFind(QStringLiteral("id"));
    const bool hasId = idMember != object.constEnd();
    const bool idIsValid = hasId && isValidId(*idMember);
    // Every later error can be matched by the client when its id was usable.
    const QJsonValue replyId = idIsValid ? *idMember : QJsonValue(QJsonValue::Null);

    if (object.value(QStringLiteral("jsonrpc")) != QJsonValue(QStringLiteral("2.0")))
        return failure(replyId, kInvalidRequest, QStringLiteral("\"jsonrpc\" must be \"2.0\""));
    if (!hasId) {
        return failure(replyId, kInvalidRequest,
                       QStringLiteral("id is required (notifications from clients are not "
                                      "supported)"));
    }
    if (!idIsValid) {
        return failure(replyId, kInvalidRequest,
                       QStringLiteral("id must be a string or an integer from -2^53 to 2^53"));
    }

    const QJsonValue method = object.value(QStringLiteral("method"));
    if (!method.isString() || method.toString().isEmpty()) {
        return failure(replyId, kInvalidRequest,
                       QStringLiteral("method must be a non-empty string"));
    }
    if (method.toString().size() > kMaxMethodLength) {
        return failure(replyId, kInvalidRequest,
                       QStringLiteral("method is longer than %1 characters").arg(kMaxMethodLength));
    }

    const auto paramsMember = object.constFind(QStringLiteral("params"));
    const bool hasParams = paramsMember != object.constEnd();
    if (hasParams && !paramsMember->isObject())
        return failure(replyId, kInvalidParams, QStringLiteral("params must be an object"));

    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = it.key();
        if (key != QLatin1String("jsonrpc") && key != QLatin1String("id") &&
            key != QLatin1String("method") && key != QLatin1String("params")) {
            return failure(replyId, kInvalidRequest,
                           QStringLiteral("unknown member %1").arg(quotedName(key)));
        }
    }

    return JsonRpcRequest{*idMember, method.toString(),
                          hasParams ? paramsMember->toObject() : QJsonObject()};
}

} // namespace

ParsedRequestLine parseRequestLine(QByteArrayView line)
{
    const QJsonValue noId(QJsonValue::Null);
    if (line.size() > kMaxRequestLineBytes) {
        return failure(noId, kLineTooLong,
                       QStringLiteral("line is longer than %1 bytes").arg(kMaxRequestLineBytes));
    }
    if (line.endsWith('\r'))
        line.chop(1);
    if (isBlank(line))
        return BlankLine{};

    const StrictJsonResult parsed = StrictJson::parse(line);
    if (!parsed.ok()) {
        // Qt's documents are objects or arrays only; a lone scalar (`42`, `null`) is valid
        // JSON but not a request, which JSON-RPC answers with -32600, not a parse error.
        const StrictJsonResult wrapped = StrictJson::parse('[' + line.toByteArray() + ']');
        if (wrapped.ok() && wrapped.document.array().size() == 1) {
            return failure(noId, kInvalidRequest,
                           QStringLiteral("a request must be a JSON object"));
        }
        return failure(noId, kParseError,
                       QStringLiteral("parse error %1").arg(parsed.problem->toString()));
    }
    const QJsonDocument &document = parsed.document;
    if (document.isArray())
        return failure(noId, kInvalidRequest, QStringLiteral("batch requests are not supported"));
    if (!document.isObject())
        return failure(noId, kInvalidRequest, QStringLiteral("a request must be a JSON object"));
    return readRequest(document.object());
}

} // namespace anycast
