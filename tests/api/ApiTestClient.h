#pragma once

#include "agent/support/FileDescriptor.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace anycast::apitest {

using namespace std::chrono_literals;

// Generous: a loaded 2-core CI machine must not fail a test that is merely slow.
inline constexpr std::chrono::milliseconds kPatience = 10s;

// A synchronous JSON-RPC client on the agent's API socket, plain POSIX. Every read has a
// deadline, so a silent agent fails the test instead of hanging it.
class ApiTestClient
{
public:
    // Connects at once; connected() and connectError() say how it went. A non-zero
    // `receiveBuffer` sets SO_RCVBUF before connecting.
    explicit ApiTestClient(const QString &socketPath, int receiveBuffer = 0);
    ApiTestClient(const ApiTestClient &) = delete;
    ApiTestClient &operator=(const ApiTestClient &) = delete;

    bool connected() const { return m_fd.valid(); }
    int connectError() const { return m_connectError; }

    // The bytes as given, no newline added; false once the agent has gone.
    bool sendRaw(const QByteArray &bytes);
    // The next line without its '\n', or nullopt after `limit` or at the end of the stream
    // (closed() then says which).
    std::optional<QByteArray> readLine(std::chrono::milliseconds limit = kPatience);
    // The next line, parsed; nullopt if none came or it is not a JSON object.
    std::optional<QJsonObject> readMessage(std::chrono::milliseconds limit = kPatience);
    // Sends a request with a fresh id and returns the reply that carries it (an empty object
    // if none came in time). Notifications that arrive first are kept for nextNotification().
    QJsonObject call(const QString &method, const QJsonObject &params = {},
                     std::chrono::milliseconds limit = kPatience);
    // The next notification of `method`; notifications of other methods before it are dropped.
    std::optional<QJsonObject> nextNotification(const QString &method,
                                                std::chrono::milliseconds limit = kPatience);
    // Reads and drops everything until the agent closes the connection.
    bool waitClosed(std::chrono::milliseconds limit = kPatience);
    // True once a read saw the end of the stream or a reset.
    bool closed() const { return m_closed; }
    // True when a reply or notification is already waiting in the kernel, without reading it.
    bool hasPendingInput() const;

private:
    // Reads what arrives before `limit` into m_buffer; false on timeout or at the end.
    bool fill(std::chrono::milliseconds limit);

    FileDescriptor m_fd;
    int m_connectError = 0;
    qint64 m_nextId = 1;
    QByteArray m_buffer;
    QList<QJsonObject> m_notifications;
    bool m_closed = false;
};

// {"jsonrpc":"2.0","id":ID,"method":METHOD,"params":PARAMS}\n
QByteArray requestLine(qint64 id, const QString &method, const QJsonObject &params = {});

// The reply's error code, or 0 when it has none.
int errorCode(const QJsonObject &reply);

} // namespace anycast::apitest
