#include "common/protocol/AgentClient.h"

#include "common/BackgroundDisposal.h"
#include "common/protocol/ApiVersion.h"
#include "common/protocol/RpcMessage.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QIODevice>
#include <QJsonArray>
#include <QPromise>
#include <QThreadPool>
#include <QTimer>

namespace anycast {
namespace {

// Late replies to abandoned calls are remembered only this far back.
constexpr qsizetype kMaxAbandoned = 1024;

template <typename T> CallOutcome<T> carryFailure(const CallOutcome<QJsonValue> &outcome)
{
    if (const auto *error = std::get_if<RpcError>(&outcome))
        return *error;
    return std::get<ClientError>(outcome);
}

// The start of a line that broke the protocol, for the message: enough to recognise what
// answered (an HTTP server, another program), never a whole hostile line.
QString excerpt(const QByteArray &line)
{
    constexpr qsizetype kExcerpt = 120;
    QString text = QString::fromUtf8(line.left(kExcerpt)).simplified();
    if (line.size() > kExcerpt)
        text += QStringLiteral("...");
    return text;
}

} // namespace

AgentClient::AgentClient(QObject *parent)
    : QObject(parent)
{}

AgentClient::~AgentClient()
{
    // Callbacks may reach into objects that are going away with us: drop them unrun.
    for (auto &[id, call] : m_calls)
        delete call.timer;
    m_calls.clear();
    for (const auto &connection : std::as_const(m_deviceConnections))
        disconnect(connection);
}

void AgentClient::attach(QIODevice *device)
{
    if (m_device)
        detach(QStringLiteral("the connection was replaced"));
    m_device = device;
    m_framer.clear();
    ++m_generation;
    m_lineOnWorker = m_peerClosed = false;
    m_deviceConnections = {
        connect(device, &QIODevice::readyRead, this, &AgentClient::onReadyRead),
        connect(device, &QIODevice::aboutToClose, this,
                [this] { detach(QStringLiteral("the connection closed")); }),
        // The peer closed its end (sockets do not close the device for it): what it sent
        // before is still read, then every call left in flight fails.
        connect(device, &QIODevice::readChannelFinished, this,
                [this] {
                    const QPointer<AgentClient> self(this);
                    onReadyRead();
                    if (self && m_device && m_lineOnWorker)
                        m_peerClosed = true; // once the worker hands its line back
                    else if (self && m_device)
                        detach(QStringLiteral("the agent closed the connection"));
                }),
        connect(device, &QObject::destroyed, this,
                [this] { detach(QStringLiteral("the connection went away")); }),
    };
    if (device->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &AgentClient::onReadyRead);
}

void AgentClient::detach(const QString &why)
{
    stopReading();
    failAll(ClientError{CallFailure::Closed, why});
}

ClientError AgentClient::malformedReply(const QString &method, const QString &why)
{
    return ClientError{CallFailure::Protocol,
                       QStringLiteral("malformed reply to %1: %2").arg(method, why)};
}

void AgentClient::call(const QString &method, const QJsonObject &params, Callback<QJsonValue> done,
                       std::optional<std::chrono::milliseconds> deadline)
{
    send(
        method, params,
        [done = std::move(done)](CallOutcome<QJsonValue> outcome, std::any) {
            done(std::move(outcome));
        },
        nullptr, deadline);
}

void AgentClient::send(const QString &method, const QJsonObject &params, Completion done,
                       std::shared_ptr<const Reader> reader,
                       std::optional<std::chrono::milliseconds> deadline)
{
    const std::chrono::milliseconds timeout = deadline.value_or(m_timeout);
    if (!m_device) {
        // Still asynchronous, so callers never see their callback run inside call().
        QTimer::singleShot(0, this, [done = std::move(done)] {
            done(ClientError{CallFailure::Closed, QStringLiteral("not connected")}, {});
        });
        return;
    }
    const qint64 id = m_nextId++;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, id, timeout] {
        const auto it = m_calls.find(id);
        if (it == m_calls.end())
            return;
        m_abandoned.insert(id);
        if (m_abandoned.size() > kMaxAbandoned)
            m_abandoned.erase(m_abandoned.begin());
        finish(id, ClientError{CallFailure::Timeout, QStringLiteral("no reply to %1 within %2 ms")
                                                         .arg(it->second.method)
                                                         .arg(timeout.count())});
    });
    m_calls.emplace(id, PendingCall{method, std::move(done), std::move(reader), timer});
    timer->start(timeout);
    m_device->write(requestLine(id, method, params));
}

template <typename T>
void AgentClient::typedCall(const QString &method, const QJsonObject &params, Callback<T> done,
                            std::optional<std::chrono::milliseconds> timeout)
{
    callTyped<T>(
        method, params,
        [done = std::move(done)](CallOutcome<Received<T>> outcome) {
            if (auto *received = std::get_if<Received<T>>(&outcome))
                done(std::move(received->value));
            else if (auto *error = std::get_if<RpcError>(&outcome))
                done(std::move(*error));
            else
                done(std::get<ClientError>(outcome));
        },
        timeout);
}

void AgentClient::hello(const QString &clientName, Callback<HelloReply> done)
{
    call(QStringLiteral("hello"), QJsonObject{{QStringLiteral("client"), clientName}},
         [done = std::move(done)](CallOutcome<QJsonValue> outcome) {
             const auto *result = std::get_if<QJsonValue>(&outcome);
             if (!result) {
                 done(carryFailure<HelloReply>(outcome));
                 return;
             }
             const std::optional<int> version = HelloReply::apiVersionOf(result->toObject());
             if (version && *version != kApiVersion) {
                 done(ClientError{CallFailure::VersionMismatch,
                                  QStringLiteral("the agent speaks API version %1, this program "
                                                 "version %2")
                                      .arg(*version)
                                      .arg(kApiVersion)});
                 return;
             }
             Result<HelloReply> typed = readObject<HelloReply>(result->toObject());
             if (!typed) {
                 done(malformedReply(QStringLiteral("hello"), typed.error()));
                 return;
             }
             done(std::move(typed).value());
         });
}

void AgentClient::status(Callback<AgentStatus> done)
{
    typedCall<AgentStatus>(QStringLiteral("status"), {}, std::move(done));
}

void AgentClient::subscribe(const QStringList &topics, Callback<QStringList> done)
{
    struct Topics
    {
        QStringList names;
        static Topics fromJson(JsonReader &reader)
        {
            Topics topics{stringListFrom(reader, QStringLiteral("topics"))};
            reader.rejectUnknownKeys();
            return topics;
        }
    };
    typedCall<Topics>(QStringLiteral("subscribe"),
                      QJsonObject{{QStringLiteral("topics"), QJsonArray::fromStringList(topics)}},
                      [done = std::move(done)](CallOutcome<Topics> outcome) {
                          if (auto *subscribed = std::get_if<Topics>(&outcome))
                              done(subscribed->names);
                          else if (auto *error = std::get_if<RpcError>(&outcome))
                              done(*error);
                          else
                              done(std::get<ClientError>(outcome));
                      });
}

void AgentClient::history(std::optional<int> seconds, Callback<HistoryReply> done,
                          std::optional<std::chrono::milliseconds> timeout)
{
    QJsonObject params;
    if (seconds)
        params.insert(QStringLiteral("seconds"), *seconds);
    typedCall<HistoryReply>(QStringLiteral("history"), params, std::move(done), timeout);
}

void AgentClient::events(std::optional<quint64> afterSeq, int limit, Callback<EventsReply> done)
{
    QJsonObject params{{QStringLiteral("limit"), limit}};
    if (afterSeq)
        params.insert(QStringLiteral("after"), jsonUnsigned(*afterSeq));
    typedCall<EventsReply>(QStringLiteral("events"), params, std::move(done));
}

void AgentClient::drain(const DrainRequest &request, Callback<MutationReply> done)
{
    typedCall<MutationReply>(QStringLiteral("drain"), request.toParams(), std::move(done));
}

void AgentClient::undrain(const UndrainRequest &request, Callback<MutationReply> done)
{
    typedCall<MutationReply>(QStringLiteral("undrain"), request.toParams(), std::move(done));
}

void AgentClient::onReadyRead()
{
    const QPointer<AgentClient> self(this);
    while (self && m_device && !m_lineOnWorker) {
        if (m_device->bytesAvailable() > 0)
            m_framer.append(m_device->readAll());
        const std::optional<QByteArray> line = m_framer.nextLine();
        if (line && line->size() >= kWorkerLineBytes) {
            parseOnWorker(*line);
        } else if (line) {
            handleLine(*line);
        } else if (m_framer.overflowed()) {
            violate(QStringLiteral("a line longer than %1 bytes").arg(kMaxLineBytes));
            return;
        } else if (m_device->bytesAvailable() == 0) {
            return;
        }
    }
}

void AgentClient::parseOnWorker(QByteArray line)
{
    m_lineOnWorker = true;
    // The readers of the calls it may answer, taken now: the worker never touches m_calls.
    std::map<qint64, std::shared_ptr<const Reader>> readers;
    for (const auto &[id, call] : m_calls) {
        if (call.reader)
            readers.emplace(id, call.reader);
    }
    auto promise = std::make_shared<QPromise<ParsedLine>>();
    QFuture<ParsedLine> future = promise->future();
    promise->start();
    // The watcher hands the line back on this object's thread, and goes with this object.
    auto *watcher = new QFutureWatcher<ParsedLine>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, generation = m_generation] {
                watcher->deleteLater();
                onParsed(generation, watcher->future().takeResult());
            });
    watcher->setFuture(future);
    QThreadPool::globalInstance()->start(
        [promise, line = std::move(line), readers = std::move(readers)]() mutable {
            ParsedLine parsed{line, parseIncomingLine(line), {}};
            if (*parsed.message) {
                const auto *response = std::get_if<RpcResponse>(&parsed.message->value());
                const auto reader = response ? readers.find(response->id) : readers.end();
                if (reader != readers.end()) {
                    if (const auto *result = std::get_if<QJsonValue>(&response->outcome))
                        parsed.read = (*reader->second)(*result);
                }
            }
            promise->addResult(std::move(parsed));
            promise->finish();
        });
}

void AgentClient::onParsed(quint64 generation, ParsedLine parsed)
{
    if (generation != m_generation || !m_device)
        return;
    m_lineOnWorker = false;
    const QPointer<AgentClient> self(this);
    handleMessage(parsed.line, *parsed.message, std::move(parsed.read));
    // What the callbacks did not keep (the reply's JSON tree, the line) is freed off this
    // thread: for a history reply, thousands of blocks.
    disposeInBackground(std::move(parsed));
    if (self && m_device)
        onReadyRead();
    if (self && m_device && !m_lineOnWorker && m_peerClosed)
        detach(QStringLiteral("the agent closed the connection"));
}

void AgentClient::handleLine(const QByteArray &line)
{
    if (line.trimmed().isEmpty())
        return;
    const Result<IncomingMessage> message = parseIncomingLine(line);
    handleMessage(line, message, {});
}

void AgentClient::handleMessage(const QByteArray &line, const Result<IncomingMessage> &message,
                                std::any read)
{
    if (!message) {
        violate(QStringLiteral("%1: %2").arg(message.error(), excerpt(line)));
        return;
    }
    if (const auto *response = std::get_if<RpcResponse>(&message.value())) {
        if (m_calls.count(response->id) == 0) {
            if (!m_abandoned.remove(response->id))
                violate(QStringLiteral("a reply to id %1, which was never sent").arg(response->id));
            return;
        }
        if (const auto *result = std::get_if<QJsonValue>(&response->outcome))
            finish(response->id, *result, std::move(read));
        else
            finish(response->id, std::get<RpcError>(response->outcome));
        return;
    }
    if (const auto *unmatched = std::get_if<RpcUnmatchedError>(&message.value())) {
        refuse(unmatched->error);
        return;
    }
    const auto &notification = std::get<RpcNotification>(message.value());
    const QPointer<AgentClient> self(this);
    if (notification.method == QLatin1String("sample")) {
        Result<SamplePoint> sample = readObject<SamplePoint>(notification.params);
        if (!sample) {
            violate(QStringLiteral("malformed sample: ") + sample.error());
            return;
        }
        emit notificationReceived(notification.method, notification.params);
        if (self)
            emit sampleReceived(sample.value());
    } else if (notification.method == QLatin1String("event")) {
        Result<AgentEvent> event = readObject<AgentEvent>(notification.params);
        if (!event) {
            violate(QStringLiteral("malformed event: ") + event.error());
            return;
        }
        emit notificationReceived(notification.method, notification.params);
        if (self)
            emit eventReceived(event.value());
    } else {
        violate(QStringLiteral("unknown notification \"%1\"").arg(notification.method.left(64)));
    }
}

void AgentClient::finish(qint64 id, CallOutcome<QJsonValue> outcome, std::any read)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end())
        return;
    PendingCall call = std::move(it->second);
    m_calls.erase(it);
    call.timer->deleteLater();
    call.done(std::move(outcome), std::move(read));
}

void AgentClient::violate(const QString &why)
{
    const QPointer<AgentClient> self(this);
    stopReading();
    if (failAll(ClientError{CallFailure::Protocol, why}) && self)
        emit protocolViolated(why);
}

void AgentClient::refuse(const RpcError &error)
{
    stopReading();
    if (failAll(error))
        emit refused(error);
}

void AgentClient::stopReading()
{
    for (const auto &connection : std::as_const(m_deviceConnections))
        disconnect(connection);
    m_deviceConnections.clear();
    m_device.clear();
    m_framer.clear();
    ++m_generation;
    m_lineOnWorker = m_peerClosed = false;
}

bool AgentClient::failAll(const CallOutcome<QJsonValue> &outcome)
{
    const QPointer<AgentClient> self(this);
    std::map<qint64, PendingCall> calls;
    calls.swap(m_calls);
    for (auto &[id, call] : calls) {
        call.timer->deleteLater();
        call.done(outcome, {});
        if (!self)
            return false; // a callback deleted us: the rest go unrun
    }
    return true;
}

} // namespace anycast
