#pragma once

#include "agent/api/Caller.h"
#include "common/protocol/JsonRpcReply.h"
#include "common/protocol/RpcError.h"

#include <QJsonObject>
#include <QJsonValue>

#include <variant>

namespace anycast {

// The agent's methods behind the API socket (everything but `subscribe`, which is the
// server's own business). The runtime implements it; the server only frames, identifies
// and bounds.
class ApiMethods
{
public:
    using Reply = std::variant<QJsonValue, RpcError, SerializedJson>;

    virtual ~ApiMethods() = default;
    virtual Reply call(const QString &method, const QJsonObject &params, const Caller &caller) = 0;
};

} // namespace anycast
