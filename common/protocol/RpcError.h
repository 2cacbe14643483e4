#pragma once

#include <QJsonValue>
#include <QString>

namespace anycast {

// JSON-RPC 2.0 error codes (the spec's, then the agent's own in the range the spec leaves to
// applications). Clients branch on these numbers, so they never change meaning.
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;

// The caller is neither root nor in operators_group.
inline constexpr int kPermissionDenied = -32001;
// Drain state or the audit log could not be written; nothing changed.
inline constexpr int kNotPersisted = -32002;
inline constexpr int kUnknownService = -32003;
// The line is over the limit; the server disconnects after sending this.
inline constexpr int kLineTooLong = -32004;
inline constexpr int kOverloaded = -32005;

// The "error" member of a reply. A null `data` is left out of the reply.
struct RpcError
{
    int code = kInternalError;
    QString message;
    QJsonValue data;

    bool operator==(const RpcError &) const = default;
};

} // namespace anycast
