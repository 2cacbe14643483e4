#include "JsonRpcRequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <limits>
#include <optional>

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

// Qt's parser takes raw control characters (NUL included) inside strings; JSON (RFC 8259)
// does not. Run on a document Qt accepted, so quotes and escapes pair up as it saw them.
struct StringProblem
{
    qsizetype offset = -1;
    QString what;
};

// What Qt's parser lets through inside strings but JSON does not, or what it mangles:
// raw control characters, escapes JSON does not have (Qt drops the backslash of "\o"),
// and U+FEFF, which Qt drops from keys after sorting them, leaving objects whose lookups
// and comparisons go wrong (found by the fuzzer).
std::optional<StringProblem> firstStringProblem(QByteArrayView text)
{
    static const QByteArrayView kEscapes = "\"\\/bfnrtu";
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (!inString) {
            inString = byte == '"';
        } else if (escaped) {
            escaped = false;
            if (!kEscapes.contains(static_cast<char>(byte)))
                return StringProblem{i - 1, QStringLiteral("invalid escape in a string")};
            if (byte == 'u' && text.sliced(i + 1)
                                       .first(std::min<qsizetype>(4, text.size() - i - 1))
                                       .compare("feff", Qt::CaseInsensitive) == 0)
                return StringProblem{i - 1, QStringLiteral("U+FEFF in a string")};
        } else if (byte == '\\') {
            escaped = true;
        } else if (byte == '"') {
            inString = false;
        } else if (byte < 0x20) {
            return StringProblem{i, QStringLiteral("unescaped control character in a string")};
        } else if (text.sliced(i).startsWith("\xEF\xBB\xBF")) {
            return StringProblem{i, QStringLiteral("U+FEFF in a string")};
        }
    }
    return std::nullopt;
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

    // A copy: Qt's parser takes a QByteArray, and the view need not end in a NUL.
    const QByteArray text = line.toByteArray();
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Qt's documents are objects or arrays only; a lone scalar (`42`, `null`) is valid
        // JSON but not a request, which JSON-RPC answers with -32600, not a parse error.
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + text + ']');
        if (wrapped.isArray() && wrapped.array().size() == 1) {
            return failure(noId, kInvalidRequest,
                           QStringLiteral("a request must be a JSON object"));
        }
        return failure(noId, kParseError,
                       QStringLiteral("parse error at byte %1: %2")
                           .arg(parseError.offset)
                           .arg(parseError.errorString()));
    }
    if (document.isArray())
        return failure(noId, kInvalidRequest, QStringLiteral("batch requests are not supported"));
    if (!document.isObject())
        return failure(noId, kInvalidRequest, QStringLiteral("a request must be a JSON object"));
    if (const auto problem = firstStringProblem(text)) {
        return failure(
            noId, kParseError,
            QStringLiteral("parse error at byte %1: %2").arg(problem->offset).arg(problem->what));
    }
    return readRequest(document.object());
}

} // namespace anycast
