#pragma once

#include "common/protocol/AgentEvent.h"
#include "common/protocol/AgentStatus.h"
#include "common/protocol/HelloReply.h"
#include "common/protocol/LineFramer.h"
#include "common/protocol/MutationReply.h"
#include "common/protocol/MutationRequest.h"
#include "common/protocol/RpcError.h"
#include "common/protocol/RpcMessage.h"
#include "common/protocol/SamplePoint.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <any>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <variant>

class QIODevice;
class QTimer;

namespace anycast {

// Why a call got no answer from the agent (as opposed to an answer that is an error).
enum class CallFailure
{
    Timeout,         // no reply within the call's deadline
    Closed,          // the connection went away (or was detached) first
    Protocol,        // the agent sent something that is not this protocol
    VersionMismatch, // `hello` says another API version
};

struct ClientError
{
    CallFailure failure = CallFailure::Closed;
    QString message;
};

// What a call ends in, exactly once: the typed result, the agent's error, or no answer.
template <typename T> using CallOutcome = std::variant<T, RpcError, ClientError>;

// A typed result next to the object it was read from, for callers that pass the agent's reply
// on as it was sent (anycastctl --json), only once it has been read strictly as a T.
template <typename T> struct Received
{
    T value;
    QJsonObject json;
};

// The agent's JSON-RPC API (docs/API.md) over any byte stream: a QLocalSocket on the node, a
// libssh channel from the console. Asynchronous: calls return at once and their callback
// runs from the event loop; notifications after `subscribe` arrive as signals. Every line
// is parsed strictly into the typed model of common/protocol before anyone sees it.
class AgentClient final : public QObject
{
    Q_OBJECT

public:
    // A `history` reply of an hour of samples is a few MiB; nothing the agent sends comes
    // near this, so a longer line means a broken or hostile peer.
    static constexpr qsizetype kMaxLineBytes = 64 * 1024 * 1024;
    // A line this long (a `history` reply) is parsed on a worker thread, and a typed call's
    // result is read there too: tens of milliseconds per MiB that would otherwise stop the
    // UI thread. The lines after it wait until it is handed back, so the order holds.
    static constexpr qsizetype kWorkerLineBytes = 256 * 1024;
    static constexpr std::chrono::milliseconds kDefaultTimeout{10000};

    template <typename T> using Callback = std::function<void(CallOutcome<T>)>;

    explicit AgentClient(QObject *parent = nullptr);
    ~AgentClient() override;

    // Reads replies and notifications from `device` (not owned) and writes calls to it.
    // Attaching another device detaches the previous one first.
    void attach(QIODevice *device);
    // Stops using the device; every call in flight fails with Closed and `why`.
    void detach(const QString &why);
    bool isAttached() const { return !m_device.isNull(); }
    qsizetype callsInFlight() const { return static_cast<qsizetype>(m_calls.size()); }

    // How long a call waits for its reply unless it is given a deadline of its own.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    void call(const QString &method, const QJsonObject &params, Callback<QJsonValue> done,
              std::optional<std::chrono::milliseconds> timeout = std::nullopt);
    // Any method whose result is an object read as a T (static T::fromJson(JsonReader &)): a
    // result that does not read strictly fails the call with Protocol.
    template <typename T>
    void callTyped(const QString &method, const QJsonObject &params, Callback<Received<T>> done,
                   std::optional<std::chrono::milliseconds> timeout = std::nullopt);

    void hello(const QString &clientName, Callback<HelloReply> done);
    void status(Callback<AgentStatus> done);
    // Topics: "sample", "event"; the reply lists those now subscribed.
    void subscribe(const QStringList &topics, Callback<QStringList> done);
    void history(std::optional<int> seconds, Callback<HistoryReply> done,
                 std::optional<std::chrono::milliseconds> timeout = std::nullopt);
    void events(std::optional<quint64> afterSeq, int limit, Callback<EventsReply> done);
    void drain(const DrainRequest &request, Callback<MutationReply> done);
    void undrain(const UndrainRequest &request, Callback<MutationReply> done);

signals:
    void sampleReceived(const anycast::SamplePoint &sample);
    void eventReceived(const anycast::AgentEvent &event);
    // Every notification as it was sent, right before its typed signal above: only after it
    // was read strictly (a malformed one is a violation and reaches no signal).
    void notificationReceived(const QString &method, const QJsonObject &params);
    // An error without an id: the agent turns this connection away (too many clients, a line
    // over its limit) or could not read a request at all, and closes the connection after
    // it. Every call in flight ends with this error first; the client has detached itself.
    void refused(const anycast::RpcError &error);
    // The stream broke the protocol (a malformed or oversize line, a reply to no call). The
    // client has detached itself; the owner should close the connection.
    void protocolViolated(const QString &why);

private:
    // Reads a result into the caller's type. Pure, so that it may run on a worker thread.
    using Reader = std::function<std::any(const QJsonValue &)>;
    // The outcome, and what the call's reader made of the result when it already ran.
    using Completion = std::function<void(CallOutcome<QJsonValue>, std::any read)>;
    struct PendingCall
    {
        QString method;
        Completion done;
        std::shared_ptr<const Reader> reader;
        QTimer *timer = nullptr;
    };
    // A line parsed on a worker thread, handed back.
    struct ParsedLine
    {
        QByteArray line;
        std::optional<Result<IncomingMessage>> message;
        std::any read;
    };

    template <typename T> static std::any readResult(const QJsonValue &result);
    void send(const QString &method, const QJsonObject &params, Completion done,
              std::shared_ptr<const Reader> reader,
              std::optional<std::chrono::milliseconds> timeout);

    template <typename T>
    void typedCall(const QString &method, const QJsonObject &params, Callback<T> done,
                   std::optional<std::chrono::milliseconds> timeout = std::nullopt);
    static ClientError malformedReply(const QString &method, const QString &why);
    void refuse(const RpcError &error);
    void onReadyRead();
    void handleLine(const QByteArray &line);
    void handleMessage(const QByteArray &line, const Result<IncomingMessage> &message,
                       std::any read);
    // Parses `line` on a worker thread; reading resumes when it is handed back.
    void parseOnWorker(QByteArray line);
    void onParsed(quint64 generation, ParsedLine parsed);
    void finish(qint64 id, CallOutcome<QJsonValue> outcome, std::any read = {});
    void violate(const QString &why);
    // Forgets the device: nothing more is read from it or written to it.
    void stopReading();
    // Ends every call in flight with `outcome`; false when a callback deleted this client.
    bool failAll(const CallOutcome<QJsonValue> &outcome);

    QPointer<QIODevice> m_device;
    QList<QMetaObject::Connection> m_deviceConnections;
    LineFramer m_framer{kMaxLineBytes};
    qint64 m_nextId = 1;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    // Bumped whenever the device changes: a line handed back for an older one is dropped.
    quint64 m_generation = 0;
    bool m_lineOnWorker = false;
    bool m_peerClosed = false; // while a line is on a worker: detach once it is back
    std::map<qint64, PendingCall> m_calls;
    // Calls that timed out: their late replies are dropped, not taken as protocol errors.
    QSet<qint64> m_abandoned;
};

template <typename T> std::any AgentClient::readResult(const QJsonValue &result)
{
    if (!result.isObject())
        return Result<T>::failure(QStringLiteral("the result is not an object"));
    return readObject<T>(result.toObject());
}

template <typename T>
void AgentClient::callTyped(const QString &method, const QJsonObject &params,
                            Callback<Received<T>> done,
                            std::optional<std::chrono::milliseconds> timeout)
{
    static const auto reader = std::make_shared<const Reader>(&AgentClient::readResult<T>);
    send(
        method, params,
        [method, done = std::move(done)](CallOutcome<QJsonValue> outcome, std::any read) {
            if (auto *error = std::get_if<RpcError>(&outcome)) {
                done(std::move(*error));
                return;
            }
            if (auto *failure = std::get_if<ClientError>(&outcome)) {
                done(std::move(*failure));
                return;
            }
            const QJsonValue &result = std::get<QJsonValue>(outcome);
            if (!read.has_value())
                read = readResult<T>(result);
            Result<T> typed = std::any_cast<Result<T>>(std::move(read));
            if (!typed) {
                done(malformedReply(method, typed.error()));
                return;
            }
            done(Received<T>{std::move(typed).value(), result.toObject()});
        },
        reader, timeout);
}

} // namespace anycast
