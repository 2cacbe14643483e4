#pragma once

#include "JsonRpcError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>
#include <variant>

namespace anycast {

// Why the conversation with the agent failed below the JSON-RPC level. Each kind has an exit
// code of its own (ExitCodes.h), so scripts can tell "not running" from "not allowed".
enum class TransportFailure
{
    NotRunning,       // no socket file at the path
    Refused,          // a socket file, but nobody listening
    PermissionDenied, // the socket (or a folder above it) is closed to this user
    Closed,           // the agent closed the connection
    Timeout,          // no reply in time
    Protocol,         // a line that is not JSON-RPC 2.0
    Interrupted,      // the interrupt descriptor became readable (a stop signal)
    System,           // anything else the system said no to
};

struct TransportError
{
    TransportFailure failure = TransportFailure::System;
    QString message;
};

// A notification from the agent after `subscribe`: `sample` or `event`.
struct ApiNotification
{
    QString method;
    QJsonObject params;
};

// A synchronous JSON-RPC 2.0 client for the agent's Unix socket (docs/API.md): one request
// at a time, one JSON object per line. Blocking I/O with poll() deadlines suits a CLI; the
// console, which must never block, has its own asynchronous client.
class ApiClient
{
public:
    using CallResult = std::variant<QJsonValue, RpcError, TransportError>;
    using NotificationResult = std::variant<ApiNotification, TransportError>;

    explicit ApiClient(std::chrono::milliseconds timeout);
    ~ApiClient();
    ApiClient(const ApiClient &) = delete;
    ApiClient &operator=(const ApiClient &) = delete;

    // Tells a missing socket, a refused connection and a permission problem apart; the
    // latter names the socket's group, which is what the user must join.
    std::optional<TransportError> connectTo(const QString &path);
    // Sends the request and waits (at most the timeout) for the reply with its id.
    // Notifications that arrive meanwhile are kept for readNotification().
    CallResult call(const QString &method, const QJsonObject &params = {});
    // The next notification. Waits forever when `timeout` is negative; when `interruptFd` is
    // given (say a signalfd), returns Interrupted as soon as it becomes readable.
    NotificationResult readNotification(std::chrono::milliseconds timeout, int interruptFd = -1);

private:
    // Parsed lines: a reply (with id), or a notification (queued).
    struct Reply
    {
        QJsonValue id;
        std::variant<QJsonValue, RpcError> outcome;
    };
    using Line = std::variant<Reply, ApiNotification, TransportError>;

    // Reads until a complete line is buffered, the deadline passes or `interruptFd` fires.
    // A negative deadline waits forever.
    std::variant<QByteArray, TransportError> nextLine(std::chrono::milliseconds timeout,
                                                      int interruptFd);
    static Line parseLine(const QByteArray &line);
    std::optional<TransportError> sendAll(const QByteArray &bytes);

    int m_socket = -1;
    QString m_path;
    std::chrono::milliseconds m_timeout;
    qint64 m_nextId = 1;
    QByteArray m_buffer;
    QList<ApiNotification> m_pending;
};

} // namespace anycast
