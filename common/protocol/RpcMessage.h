#pragma once

#include "common/Result.h"
#include "common/protocol/RpcError.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <variant>

namespace anycast {

// A reply to one of our calls: the result or the agent's error.
struct RpcResponse
{
    qint64 id = 0;
    std::variant<QJsonValue, RpcError> outcome;
};

// A message the agent sends on its own (after `subscribe`): `sample` or `event`.
struct RpcNotification
{
    QString method;
    QJsonObject params;
};

// An error reply that carries no usable id: the agent could not read our request at all.
struct RpcUnmatchedError
{
    RpcError error;
};

using IncomingMessage = std::variant<RpcResponse, RpcNotification, RpcUnmatchedError>;

// One line from the agent, strictly: a JSON object with "jsonrpc": "2.0" and either an integer
// id (our ids are integers) with exactly one of result and error, a null id with an error, or
// a method and params object without id. Anything else is an error in plain words.
Result<IncomingMessage> parseIncomingLine(QByteArrayView line);

// A request as one line, '\n' included.
QByteArray requestLine(qint64 id, const QString &method, const QJsonObject &params);

} // namespace anycast
