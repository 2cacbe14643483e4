#pragma once

#include "common/protocol/RpcError.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <variant>

namespace anycast {

// Bytes before the '\n' (a trailing '\r' included) that one request line may hold.
inline constexpr qsizetype kMaxRequestLineBytes = 1024 * 1024;

// A well-formed call: id is a string or an integer, params an object (empty when absent).
struct JsonRpcRequest
{
    QJsonValue id;
    QString method;
    QJsonObject params;
};

// A line that cannot be served. `id` is the request's when it could be read, else null, so
// the error reply can always be sent and the client can match it when possible.
struct JsonRpcFailure
{
    QJsonValue id;
    RpcError error;
};

// An empty or whitespace-only line: skipped without a reply.
struct BlankLine
{};

using ParsedRequestLine = std::variant<JsonRpcRequest, JsonRpcFailure, BlankLine>;

// One line as read from the API socket, without its '\n'. Strict: no batches, no
// notifications from clients, no members beyond jsonrpc/id/method/params, and only valid
// UTF-8 JSON. Takes any bytes without throwing: it faces whatever a client sends.
ParsedRequestLine parseRequestLine(QByteArrayView line);

} // namespace anycast
