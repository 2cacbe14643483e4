#include "common/protocol/JsonRpcReply.h"
#include "common/protocol/JsonRpcRequest.h"
#include "common/protocol/ParamsReader.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

using namespace anycast;

// A reply or notification must be exactly one line, whatever the client put in it.
void requireOneLine(const QByteArray &line)
{
    if (line.isEmpty() || !line.endsWith('\n') || line.count('\n') != 1)
        std::abort();
}

// The reads the methods make (drain, events, history, subscribe).
void readTypicalParams(const QJsonObject &params)
{
    ParamsReader reader(params);
    reader.optionalString(QStringLiteral("client"), 64);
    reader.optionalText(QStringLiteral("service"), 64);
    reader.requiredText(QStringLiteral("reason"), 500);
    reader.optionalBool(QStringLiteral("force"));
    reader.optionalInteger(QStringLiteral("limit"), 1, 10000);
    reader.optionalEnum(QStringLiteral("order"),
                        {QStringLiteral("oldest"), QStringLiteral("newest")});
    reader.stringList(QStringLiteral("topics"), 8, 32);
    reader.rejectUnknown();
    if (!reader.ok()) {
        const RpcError error = reader.error();
        if (error.code != kInvalidParams || error.message.isEmpty())
            std::abort();
        requireOneLine(errorLine(1, error));
    }
}

// A request written back out the way a client would must parse to the same request.
void requireRoundTrip(const JsonRpcRequest &request)
{
    QJsonObject object{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                       {QStringLiteral("id"), request.id},
                       {QStringLiteral("method"), request.method}};
    if (!request.params.isEmpty())
        object.insert(QStringLiteral("params"), request.params);
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    // Qt may write a number longer than the client did (1e300 as 1e+300).
    if (line.size() > kMaxRequestLineBytes)
        return;
    const ParsedRequestLine again = parseRequestLine(line);
    const auto *reparsed = std::get_if<JsonRpcRequest>(&again);
    // Params are compared as maps: Qt 6.4's parser drops a U+FEFF inside a key after it has
    // placed the key by its original text, so the same keys can sit in another order, and
    // QJsonObject's == (which walks both in order) then says they differ.
    if (!reparsed || reparsed->id != request.id || reparsed->method != request.method ||
        reparsed->params.toVariantMap() != request.params.toVariantMap()) {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView line(data, static_cast<qsizetype>(size));
    const ParsedRequestLine parsed = parseRequestLine(line);
    if (const auto *request = std::get_if<JsonRpcRequest>(&parsed)) {
        if (request->method.isEmpty() || !(request->id.isString() || request->id.isDouble()))
            std::abort();
        readTypicalParams(request->params);
        requireOneLine(resultLine(request->id, request->params));
        requireOneLine(notificationLine(request->method, request->params));
        requireRoundTrip(*request);
    } else if (const auto *failure = std::get_if<JsonRpcFailure>(&parsed)) {
        if (failure->error.code >= 0 || failure->error.message.isEmpty())
            std::abort();
        requireOneLine(errorLine(failure->id, failure->error));
    }
    return 0;
}
